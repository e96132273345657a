package io.qlir.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads a klines body with Jackson's streaming parser: checks every row's shape (an array of at least 11 scalars,
 * integer open time, close time and trade count, numeric prices and volumes) and remembers where each row starts
 * and ends, so the batch can hand out the rows verbatim. No object per row.
 */
final class KlinesParser {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private static final int MIN_FIELDS = 11;
    private static final int OPEN_TIME = 0;
    private static final int CLOSE_TIME = 6;
    private static final int TRADES = 8;

    private KlinesParser() {
    }

    static KlineBatch parse(KlineQuery query, byte[] body, Instant receivedAt) throws MalformedResponseException {
        int capacity = Math.max(16, Math.min(query.limit(), body.length / 100 + 1));
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        long[] opens = new long[capacity];
        long[] closes = new long[capacity];
        int rows = 0;
        int arrayStart;
        int arrayEnd;
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw new MalformedResponseException("expected a JSON array of kline rows, found " + describe(t));
            }
            arrayStart = offset(p);
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw new MalformedResponseException("row " + rows + " is " + describe(t)
                            + ", not an array");
                }
                if (rows == starts.length) {
                    int n = rows * 2;
                    starts = Arrays.copyOf(starts, n);
                    ends = Arrays.copyOf(ends, n);
                    opens = Arrays.copyOf(opens, n);
                    closes = Arrays.copyOf(closes, n);
                }
                starts[rows] = offset(p);
                long[] times = readRow(p, rows);
                opens[rows] = times[0];
                closes[rows] = times[1];
                ends[rows] = offset(p) + 1;
                rows++;
            }
            arrayEnd = offset(p) + 1;
            t = p.nextToken();
            if (t != null) {
                throw new MalformedResponseException("unexpected " + describe(t) + " after the array of rows");
            }
        } catch (StreamReadException e) {
            throw new MalformedResponseException("malformed JSON after " + rows + " row(s): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Reading from a byte array cannot fail for I/O reasons; anything here is a parse problem.
            throw new MalformedResponseException("unreadable body after " + rows + " row(s): " + e.getMessage(), e);
        }
        return new KlineBatch(query, receivedAt, body, arrayStart, arrayEnd, rows, starts, ends, opens, closes);
    }

    /** Reads one row after its START_ARRAY; returns {openTime, closeTime}; leaves the parser on its END_ARRAY. */
    private static long[] readRow(JsonParser p, int row) throws IOException, MalformedResponseException {
        long open = 0;
        long close = 0;
        int field = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new MalformedResponseException("row " + row + " is cut off after field " + field);
            }
            if (field == OPEN_TIME || field == CLOSE_TIME || field == TRADES) {
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw new MalformedResponseException("row " + row + " field " + field + " should be an integer, is "
                            + describe(t));
                }
                if (field == OPEN_TIME) {
                    open = p.getLongValue();
                } else if (field == CLOSE_TIME) {
                    close = p.getLongValue();
                }
            } else if (field < MIN_FIELDS) {
                checkNumeric(p, t, row, field);
            } else if (t.isStructStart()) {
                throw new MalformedResponseException("row " + row + " field " + field + " is " + describe(t));
            }
            field++;
        }
        if (field < MIN_FIELDS) {
            throw new MalformedResponseException("row " + row + " has " + field + " fields; a kline has 12");
        }
        return new long[] {open, close};
    }

    private static void checkNumeric(JsonParser p, JsonToken t, int row, int field)
            throws IOException, MalformedResponseException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return;
        }
        if (t == JsonToken.VALUE_STRING && isDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            return;
        }
        throw new MalformedResponseException("row " + row + " field " + field + " should be a decimal number, is "
                + (t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : describe(t)));
    }

    /** A plain decimal as Binance writes prices and volumes: digits with at most one point, optional sign. */
    static boolean isDecimal(char[] c, int from, int length) {
        int i = from;
        int end = from + length;
        if (i < end && (c[i] == '-' || c[i] == '+')) {
            i++;
        }
        boolean digit = false;
        boolean point = false;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getByteOffset();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the body";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }
}
