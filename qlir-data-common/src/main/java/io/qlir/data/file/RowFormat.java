package io.qlir.data.file;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How to find a raw row's open time: the one thing the venue-agnostic store must know about a row.
 *
 * <p>Rows are kept exactly as the venue sent them; the store only reads their open times (to classify the slice
 * and check spacing). Most venues send arrays with the open time first ({@link #OPEN_TIME_FIRST}); the array form
 * lets the validator's deep mode read open times without building a tree per row.
 * <pre>{@code
 * RowFormat klines = RowFormat.OPEN_TIME_FIRST;          // [openTime, open, high, ...]
 * long t = klines.openTime(row);
 * }</pre>
 */
public interface RowFormat {

    /** Rows are JSON arrays whose first element is the open time in epoch millis (Binance klines). */
    RowFormat OPEN_TIME_FIRST = new ArrayElement(0);

    /**
     * The open time of a row.
     *
     * @param row one raw row
     * @return its open time in epoch millis UTC
     * @throws IllegalArgumentException when the row holds no integral open time where this format expects it
     */
    long openTime(JsonNode row);

    /**
     * The open time of every row of a JSON array of rows.
     *
     * @param rows the raw rows
     * @return their open times, in order
     * @throws IllegalArgumentException naming the first row (by index) without an open time, or when {@code rows} is
     *     not an array
     */
    default long[] openTimes(JsonNode rows) {
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException("rows are not a JSON array; valid: [[openTime, ...], ...]");
        }
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = openTime(rows.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Rows are JSON arrays with the open time at a fixed index.
     *
     * @param index where the open time is (0 for the first element)
     * @return the format
     */
    static RowFormat arrayElement(int index) {
        return new ArrayElement(index);
    }

    /**
     * Rows are JSON arrays with the open time (integral epoch millis) at {@code index}.
     *
     * @param index where the open time is
     */
    record ArrayElement(int index) implements RowFormat {

        /**
         * Checks the index.
         *
         * @param index where the open time is (not negative)
         * @throws IllegalArgumentException when the index is negative
         */
        public ArrayElement {
            if (index < 0) {
                throw new IllegalArgumentException("bad open-time index " + index + "; valid: >= 0");
            }
        }

        @Override
        public long openTime(JsonNode row) {
            JsonNode t = row == null || !row.isArray() ? null : row.get(index);
            if (t == null || !t.isIntegralNumber()) {
                throw new IllegalArgumentException("row " + abbreviate(row) + " has no integral open time at index "
                        + index + "; valid: a JSON array whose element " + index + " is epoch millis");
            }
            return t.longValue();
        }

        private static String abbreviate(JsonNode row) {
            String s = String.valueOf(row);
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }
}
