package io.qlir.binance.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.qlir.data.file.SliceFileException;
import io.qlir.data.file.SliceScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A strict JSON cursor over a file's bytes: objects field by field, any value skipped with its syntax checked,
 * strings found eight bytes at a time, and every defect one {@link SliceFileException} naming the file, where, and
 * what was found. {@link SliceBytes} builds the kline rows on it; this part knows nothing of candles.
 *
 * <p>It makes no token objects and no {@code String} unless asked for one; a string holding an escape is decoded
 * by Jackson, the one owner of JSON escapes here.
 */
class JsonBytes {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_DEPTH = 1000;

    final byte[] b;
    final Path file;
    /** What a valid file looks like, for messages. */
    private final String valid;
    int pos;
    private int keyFrom;
    private int keyTo;
    /** Whether the last string scanned held an escape. */
    boolean escaped;
    /** The current row of the data array being read (for messages), -1 outside it. */
    int row = -1;

    JsonBytes(byte[] bytes, Path file, String valid) {
        this.b = bytes;
        this.file = file;
        this.valid = valid;
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
    boolean number() throws SliceFileException {
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
    int stringEnd(int from) throws SliceFileException {
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
    String string() throws SliceFileException {
        int start = pos;
        escaped = false;
        int end = stringEnd(pos + 1);
        pos = end + 1;
        return escaped ? decoded(start, pos) : new String(b, start + 1, end - start - 1, StandardCharsets.UTF_8);
    }

    /** A quoted string with escapes, {@code b[from .. to)}, decoded by Jackson. */
    String decoded(int from, int to) throws SliceFileException {
        try (JsonParser p = JSON.createParser(b, from, to - from)) {
            p.nextToken();
            return p.getText();
        } catch (IOException e) {
            pos = from;
            throw syntax("a valid string escape (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    boolean literal(String word) {
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

    void expect(char c, String what) throws SliceFileException {
        if (b[pos] != c) {
            throw syntax(what);
        }
        pos++;
    }

    /** Skips whitespace; a file that ends here is truncated. */
    void ws() throws SliceFileException {
        while (pos < b.length && isWhitespace(b[pos])) {
            pos++;
        }
        if (pos >= b.length) {
            throw truncated();
        }
    }

    static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    String text(int from, int to) {
        int end = Math.min(Math.min(to, b.length), from + 40);
        return new String(b, from, Math.max(0, end - from), StandardCharsets.UTF_8) + (end < to ? "..." : "");
    }

    String found(int at) {
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

    SliceFileException syntax(String expected) {
        return fileError(row >= 0 ? SliceScan.Problem.BAD_ROWS : SliceScan.Problem.MALFORMED,
                (row >= 0 ? "row " + row + ": " : "") + "found " + found(pos) + " at byte " + pos + "; valid: "
                + expected);
    }

    SliceFileException fileError(SliceScan.Problem problem, String what) {
        return new SliceFileException(file, problem, what + "; valid: " + valid);
    }
}
