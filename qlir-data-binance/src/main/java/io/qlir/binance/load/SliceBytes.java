package io.qlir.binance.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.qlir.data.file.SliceFileException;
import io.qlir.data.file.SliceScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A cursor over a slice file's bytes ({@code {"meta": {...}, "data": [[openTime, "open", ...], ...]}}) that reads
 * Binance's kline rows straight from the {@code byte[]}: no tokens, no {@code char} copies, no {@code String} per
 * value. Decimal strings go to {@link Decimals} as byte ranges (exactly {@link Double#parseDouble}'s result).
 *
 * <p>It is strict JSON: every byte it passes is checked (skipped values too), and anything else is one
 * {@link SliceFileException} naming the file, the row and what was found. Strings with escapes (never in Binance's
 * rows) are decoded by Jackson, the one owner of JSON escapes here.
 * <pre>{@code
 * SliceBytes in = new SliceBytes(bytes, file);
 * in.beginObject();
 * for (boolean first = true; in.nextField(first); first = false) { if (in.keyIs(DATA) && in.peek() == '[') ... }
 * }</pre>
 */
final class SliceBytes {

    /** The names a slice file's reader looks for. */
    static final byte[] META = ascii("meta");
    static final byte[] DATA = ascii("data");
    static final byte[] DATA_SHA256 = ascii("data_sha256");

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[] FIELDS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "trades", "taker_buy_base_volume", "taker_buy_quote_volume"};
    private static final int MAX_DEPTH = 1000;

    private final byte[] b;
    private final Path file;
    private int pos;
    private int keyFrom;
    private int keyTo;
    private boolean escaped;
    /** The current row of the data array (for messages), -1 before the first. */
    private int row = -1;

    SliceBytes(byte[] bytes, Path file) {
        this.b = bytes;
        this.file = file;
    }

    int position() {
        return pos;
    }

    /** The next significant byte (whitespace skipped), without consuming it. */
    byte peek() throws SliceFileException {
        ws();
        return b[pos];
    }

    /** Consumes the top-level object's {@code {}. */
    void beginObject() throws SliceFileException {
        if (b.length == 0) {
            throw fileError(SliceScan.Problem.ZERO_BYTE, "the file is empty (0 bytes)");
        }
        ws();
        if (b[pos] != '{') {
            throw fileError(SliceScan.Problem.MALFORMED, "the file is not a JSON object (it starts with "
                    + found(pos) + ")");
        }
        pos++;
    }

    /**
     * Moves to the next field of the object being read and past its colon; false at the object's end (consumed).
     *
     * @param first whether no field of this object was read yet
     */
    boolean nextField(boolean first) throws SliceFileException {
        ws();
        if (b[pos] == '}') {
            pos++;
            return false;
        }
        if (!first) {
            expect(',', "',' or '}' after an object's field");
            ws();
        }
        if (b[pos] != '"') {
            throw syntax("a field name in quotes");
        }
        keyFrom = pos + 1;
        escaped = false;
        keyTo = stringEnd(keyFrom);
        pos = keyTo + 1;
        ws();
        expect(':', "':' after a field name");
        return true;
    }

    /** Whether the field just read by {@link #nextField} has this name. */
    boolean keyIs(byte[] name) throws SliceFileException {
        if (escaped) {
            return decoded(keyFrom - 1, keyTo + 1).equals(new String(name, StandardCharsets.US_ASCII));
        }
        if (keyTo - keyFrom != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[keyFrom + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** The string value at the cursor, or null (the value skipped) when it is not a string. */
    String stringOrSkip() throws SliceFileException {
        ws();
        if (b[pos] != '"') {
            skipValue();
            return null;
        }
        int from = pos;
        escaped = false;
        int end = stringEnd(pos + 1);
        pos = end + 1;
        return escaped ? decoded(from, pos) : new String(b, from + 1, end - from - 1, StandardCharsets.UTF_8);
    }

    /** Requires that nothing but whitespace follows the top-level object. */
    void end() throws SliceFileException {
        while (pos < b.length && isWhitespace(b[pos])) {
            pos++;
        }
        if (pos < b.length) {
            throw fileError(SliceScan.Problem.MALFORMED, "unexpected " + found(pos) + " after the top-level object "
                    + "at byte " + pos);
        }
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

    /** Skips one JSON value of any kind, checking its syntax. */
    void skipValue() throws SliceFileException {
        skipValue(0);
    }

    private void skipValue(int depth) throws SliceFileException {
        if (depth > MAX_DEPTH) {
            throw syntax("at most " + MAX_DEPTH + " nested arrays and objects");
        }
        ws();
        byte c = b[pos];
        switch (c) {
            case '"' -> pos = stringEnd(pos + 1) + 1;
            case '[' -> {
                pos++;
                ws();
                if (b[pos] == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    skipValue(depth + 1);
                    ws();
                    if (b[pos] == ']') {
                        pos++;
                        return;
                    }
                    expect(',', "',' or ']' in an array");
                }
            }
            case '{' -> {
                pos++;
                for (boolean first = true; nextField(first); first = false) {
                    skipValue(depth + 1);
                }
            }
            case 't' -> requireLiteral("true");
            case 'f' -> requireLiteral("false");
            case 'n' -> requireLiteral("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw syntax("a JSON value");
                }
            }
        }
    }

    /**
     * Consumes a JSON number (checking its grammar: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}); whether it is
     * integral.
     */
    private boolean number() throws SliceFileException {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && b[pos - digits] == '0')) {
            throw syntax(digits == 0 ? "a digit in a number" : "a number without leading zeros (at byte " + start
                    + ")");
        }
        boolean integral = true;
        if (pos < b.length && b[pos] == '.') {
            pos++;
            integral = false;
            if (digits() == 0) {
                throw syntax("a digit after a decimal point");
            }
        }
        if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            integral = false;
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw syntax("a digit in an exponent");
            }
        }
        return integral;
    }

    private int digits() {
        int from = pos;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        return pos - from;
    }

    /**
     * The index of the closing quote of a string whose content starts at {@code from}; sets {@link #escaped}
     * when it holds an escape.
     */
    private int stringEnd(int from) throws SliceFileException {
        int i = from;
        for (; i + 8 <= b.length; i += 8) { // eight bytes at a time to the first quote, backslash or control byte
            long w = Decimals.word(b, i);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long hits = ((quote - 0x0101010101010101L) & ~quote) | ((backslash - 0x0101010101010101L) & ~backslash)
                    | ((w - 0x2020202020202020L) & ~w);
            hits &= 0x8080808080808080L;
            if (hits != 0) {
                i += Long.numberOfTrailingZeros(hits) >>> 3;
                break;
            }
        }
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                escaped = true;
                i++;
            } else if (c >= 0 && c < 0x20) {
                pos = i;
                throw syntax("no control character inside a string (it must be escaped)");
            }
        }
        pos = b.length;
        throw truncated();
    }

    /** The string at the cursor (decoded), consumed. */
    private String string() throws SliceFileException {
        int start = pos;
        escaped = false;
        int end = stringEnd(pos + 1);
        pos = end + 1;
        return escaped ? decoded(start, pos) : new String(b, start + 1, end - start - 1, StandardCharsets.UTF_8);
    }

    /** A quoted string with escapes, {@code b[from .. to)}, decoded by Jackson. */
    private String decoded(int from, int to) throws SliceFileException {
        try (JsonParser p = JSON.createParser(b, from, to - from)) {
            p.nextToken();
            return p.getText();
        } catch (IOException e) {
            pos = from;
            throw syntax("a valid string escape (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private long parseLong(String text, int field) throws SliceFileException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw rowError(FIELDS[field] + " is \"" + text + "\", not an integer");
        }
    }

    private boolean literal(String word) {
        if (pos + word.length() > b.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    private void requireLiteral(String word) throws SliceFileException {
        if (!literal(word)) {
            throw syntax("'" + word + "'");
        }
    }

    private void expect(char c, String what) throws SliceFileException {
        if (b[pos] != c) {
            throw syntax(what);
        }
        pos++;
    }

    /** Skips whitespace; a file that ends here is truncated. */
    private void ws() throws SliceFileException {
        while (pos < b.length && isWhitespace(b[pos])) {
            pos++;
        }
        if (pos >= b.length) {
            throw truncated();
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private String text(int from, int to) {
        int end = Math.min(Math.min(to, b.length), from + 40);
        return new String(b, from, Math.max(0, end - from), StandardCharsets.UTF_8) + (end < to ? "..." : "");
    }

    private String found(int at) {
        if (at >= b.length) {
            return "the end of the file";
        }
        int c = b[at] & 0xff;
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private SliceFileException truncated() {
        return fileError(SliceScan.Problem.TRUNCATED, "the JSON ends early at byte " + b.length
                + (row >= 0 ? " (in row " + row + " of data)" : ""));
    }

    private SliceFileException syntax(String expected) {
        return fileError(row >= 0 ? SliceScan.Problem.BAD_ROWS : SliceScan.Problem.MALFORMED,
                (row >= 0 ? "row " + row + ": " : "") + "found " + found(pos) + " at byte " + pos + "; valid: "
                + expected);
    }

    private SliceFileException rowError(String what) {
        return fileError(SliceScan.Problem.BAD_ROWS, "row " + row + ": " + what);
    }

    private SliceFileException fileError(SliceScan.Problem problem, String what) {
        return new SliceFileException(file, problem, what + "; valid: {\"meta\": {...}, \"data\": [rows of Binance "
                + "klines [openTime, open, high, low, close, volume, closeTime, ...]]}");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
