package io.qlir.data.slice;

/**
 * What a slice's received open times look like, measured against the slice: all the {@link StatusPolicy} needs.
 *
 * <p>Kept in the manifest next to each slice, so the status of 170,000 slices can be re-checked without opening a
 * file. Counting rules, for the open times in the order received:
 * <ul>
 *   <li>{@code misplaced}: open times outside the slice or not aligned to its interval;</li>
 *   <li>{@code duplicates}: open times equal to the previous one;</li>
 *   <li>{@code unordered}: open times smaller than the previous one;</li>
 *   <li>{@code gaps}: places where the next open time is more than one interval after the previous one (each gap
 *       counts once, however many candles it misses).</li>
 * </ul>
 * <pre>{@code
 * RowSummary rows = RowSummary.of(key, openTimes);
 * rows.isFull(key);      // limit rows, contiguous from the slice start
 * }</pre>
 *
 * @param count how many rows were received
 * @param firstOpenMs the smallest open time (0 when {@code count == 0})
 * @param lastOpenMs the largest open time (0 when {@code count == 0})
 * @param gaps how many gaps lie between consecutive rows
 * @param duplicates how many rows repeat the previous open time
 * @param unordered how many rows go back in time
 * @param misplaced how many rows lie outside the slice or off the interval
 */
public record RowSummary(int count, long firstOpenMs, long lastOpenMs, int gaps, int duplicates, int unordered,
                         int misplaced) {

    /** No rows. */
    public static final RowSummary EMPTY = new RowSummary(0, 0, 0, 0, 0, 0, 0);

    /**
     * Measures received open times against a slice.
     *
     * @param key the slice the rows were fetched for
     * @param openTimes the open times, in the order received
     * @return the summary
     */
    public static RowSummary of(SliceKey key, long[] openTimes) {
        int n = openTimes.length;
        if (n == 0) {
            return EMPTY;
        }
        var interval = key.interval();
        long step = interval.isFixed() ? interval.fixedMillis() : -1;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int gaps = 0;
        int duplicates = 0;
        int unordered = 0;
        int misplaced = 0;
        for (int i = 0; i < n; i++) {
            long t = openTimes[i];
            min = Math.min(min, t);
            max = Math.max(max, t);
            if (!key.contains(t) || !interval.isAligned(t)) {
                misplaced++;
            }
            if (i > 0) {
                long prev = openTimes[i - 1];
                if (t == prev) {
                    duplicates++;
                } else if (t < prev) {
                    unordered++;
                } else if (t != (step > 0 ? prev + step : interval.plus(prev, 1))) {
                    gaps++;
                }
            }
        }
        return new RowSummary(n, min, max, gaps, duplicates, unordered, misplaced);
    }

    /**
     * Whether the rows are a usable answer: inside the slice, aligned, strictly increasing.
     *
     * @return true when there are no misplaced, duplicate or unordered rows
     */
    public boolean isWellFormed() {
        return misplaced == 0 && duplicates == 0 && unordered == 0;
    }

    /**
     * Whether the rows are everything the slice can hold: {@code limit} rows, contiguous from its start.
     *
     * @param key the slice
     * @return true for a full, contiguous, well-formed slice
     */
    public boolean isFull(SliceKey key) {
        return isWellFormed() && gaps == 0 && count == key.limit() && firstOpenMs == key.startMs();
    }
}
