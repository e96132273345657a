package io.qlir.binance.load;

import io.qlir.data.file.SliceFileException;
import io.qlir.data.file.SliceScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A cursor over a slice file's bytes ({@code {"meta": {...}, "data": [[openTime, "open", ...], ...]}}) that reads
 * Binance's kline rows straight from the {@code byte[]}: no tokens, no {@code char} copies, no {@code String} per
 * value. Decimal strings go to {@link Decimals} as byte ranges (exactly {@link Double#parseDouble}'s result).
 *
 * <p>It is strict JSON ({@link JsonBytes}): every byte it passes is checked (skipped values too), and anything else
 * is one {@link SliceFileException} naming the file, the row and what was found.
 * <pre>{@code
 * SliceBytes in = new SliceBytes(bytes, file);
 * in.beginObject();
 * for (boolean first = true; in.nextField(first); first = false) { if (in.keyIs(DATA) && in.peek() == '[') ... }
 * }</pre>
 */
final class SliceBytes extends JsonBytes {

    /** The names a slice file's reader looks for. */
    static final byte[] META = ascii("meta");
    static final byte[] DATA = ascii("data");
    static final byte[] DATA_SHA256 = ascii("data_sha256");

    private static final String[] FIELDS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "trades", "taker_buy_base_volume", "taker_buy_quote_volume"};

    SliceBytes(byte[] bytes, Path file) {
        super(bytes, file, "{\"meta\": {...}, \"data\": [rows of Binance klines [openTime, open, high, low, close, "
                + "volume, closeTime, ...]]}");
    }

    /** Consumes the data array's {@code [}. */
    void beginRows() throws SliceFileException {
        ws();
        expect('[', "the data array");
        row = -1;
    }

    /** Moves into the next row (past its {@code [}); false at the data array's end (its {@code ]} consumed). */
    boolean nextRow() throws SliceFileException {
        ws();
        if (b[pos] == ']') {
            pos++;
            row = -1; // past the data array
            return false;
        }
        if (row >= 0) {
            expect(',', "',' or ']' after a row");
            ws();
        }
        row++;
        if (b[pos] != '[') {
            throw rowError("the row is " + found(pos) + ", not an array");
        }
        pos++;
        return true;
    }

    /** Skips the rest of the current row, through its {@code ]}. */
    void endRow() throws SliceFileException {
        while (true) {
            ws();
            if (b[pos] == ']') {
                pos++;
                return;
            }
            expect(',', "',' or ']' in a row");
            skipValue();
        }
    }

    /** The integer at {@code field} of the current row (an integer, or a string holding one). */
    long integer(int field) throws SliceFileException {
        element(field);
        int start = pos;
        byte c = b[pos];
        if (c > '0' && c <= '9' && start + 19 < b.length) { // fast path: up to 18 digits, the first eight at once
            long v = 0;
            int i = start;
            long w = Decimals.word(b, i);
            if (Decimals.eightDigits(w)) {
                v = Decimals.eightDigitsValue(w);
                i += 8;
            }
            int d;
            while ((d = b[i] - '0') >= 0 && d <= 9 && i - start < 18) {
                v = v * 10 + d;
                i++;
            }
            c = b[i];
            if (c != '.' && c != 'e' && c != 'E' && (c < '0' || c > '9')) {
                pos = i;
                return v;
            }
            c = b[start];
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            boolean integral = number();
            try {
                if (integral) {
                    return Long.parseLong(new String(b, start, pos - start, StandardCharsets.US_ASCII));
                }
            } catch (NumberFormatException e) {
                throw rowError(FIELDS[field] + " is " + text(start, pos) + ", outside a long's range");
            }
            throw rowError(FIELDS[field] + " is " + text(start, pos) + ", not an integer");
        }
        if (c == '"') {
            return parseLong(string(), field);
        }
        skipValue();
        throw rowError(FIELDS[field] + " is " + text(start, pos) + ", not an integer");
    }

    /** The decimal at {@code field} of the current row (a string or a number; {@code null} is NaN). */
    double decimal(int field) throws SliceFileException {
        element(field);
        int start = pos;
        byte c = b[pos];
        if (c == '"' && start + 18 < b.length) { // fast path: Binance's "<1 to 7 digits>.<8 digits>"
            long w = Decimals.word(b, start + 1);
            int point = Decimals.pointIndex(w);
            if (point > 0 && point < 8 && b[start + point + 10] == '"') {
                double v = Decimals.eightDecimals(w, point, Decimals.word(b, start + point + 2));
                if (v == v) {
                    pos = start + point + 11;
                    return v;
                }
            }
        }
        try {
            if (c == '"') {
                escaped = false;
                int end = stringEnd(pos + 1);
                pos = end + 1;
                return escaped ? Double.parseDouble(decoded(start, pos)) : Decimals.parse(b, start + 1, end);
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                number();
                return Decimals.parse(b, start, pos);
            }
        } catch (NumberFormatException e) {
            throw rowError(FIELDS[field] + " is " + text(start, pos) + ", not a number");
        }
        if (c == 'n' && literal("null")) {
            return Double.NaN;
        }
        skipValue();
        throw rowError(FIELDS[field] + " is " + text(start, pos) + ", not a number");
    }

    /** Moves to element {@code field} of the current row (past the comma before it). */
    private void element(int field) throws SliceFileException {
        if (pos + 1 < b.length && b[field == 0 ? pos : pos + 1] > ' ' && (field == 0 ? b[pos] != ']' : b[pos] == ',')) {
            pos += field == 0 ? 0 : 1; // the common case: no whitespace
            return;
        }
        ws();
        if (field > 0) {
            if (b[pos] == ']') {
                throw rowError("the row has " + field + " elements; valid: at least 11");
            }
            expect(',', "',' between a row's elements");
            ws();
        } else if (b[pos] == ']') {
            throw rowError("the row is empty");
        }
    }

    private long parseLong(String text, int field) throws SliceFileException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw rowError(FIELDS[field] + " is \"" + text + "\", not an integer");
        }
    }

    private SliceFileException rowError(String what) {
        return fileError(SliceScan.Problem.BAD_ROWS, "row " + row + ": " + what);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
