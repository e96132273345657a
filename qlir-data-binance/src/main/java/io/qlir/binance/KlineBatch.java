package io.qlir.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.qlir.core.Candles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The rows of one klines or uiKlines response, kept exactly as Binance sent them, plus their open and close times.
 *
 * <p>Why raw: the slice store writes Binance's rows verbatim (the files are the truth, byte for byte what the
 * exchange said), and most rows are never looked at again after they are stored, so parsing every price into a
 * double at fetch time would be wasted work. The batch holds the response body and the offsets of each row; the
 * times (needed to place rows in slices and to check them against the request) are parsed once; prices are parsed
 * only by {@link #toCandles()}.
 * <pre>{@code
 * KlineBatch b = client.klines(query).orThrow();
 * b.size();                     // rows received
 * b.openTime(0);                // first open time, epoch millis UTC
 * b.rawJson();                  // [[1499040000000,"0.01634790",...],...]  verbatim
 * b.problems();                 // [] when the rows match the request
 * Table t = b.toCandles();      // qlir-core's candle schema
 * }</pre>
 * A batch is immutable and safe to share between threads.
 */
public final class KlineBatch {

    private final KlineQuery query;
    private final Instant receivedAt;
    private final byte[] body;
    private final int arrayStart;
    private final int arrayEnd;
    private final int size;
    private final int[] rowStarts;
    private final int[] rowEnds;
    private final long[] openTimes;
    private final long[] closeTimes;

    KlineBatch(KlineQuery query, Instant receivedAt, byte[] body, int arrayStart, int arrayEnd, int size,
            int[] rowStarts, int[] rowEnds, long[] openTimes, long[] closeTimes) {
        this.query = query;
        this.receivedAt = receivedAt;
        this.body = body;
        this.arrayStart = arrayStart;
        this.arrayEnd = arrayEnd;
        this.size = size;
        this.rowStarts = rowStarts;
        this.rowEnds = rowEnds;
        this.openTimes = openTimes;
        this.closeTimes = closeTimes;
    }

    /**
     * Parses a klines body (a JSON array of Binance kline rows), for example a recorded response.
     *
     * @param query the request the body answers
     * @param json the body, UTF-8
     * @param receivedAt when the body was received (decides which candles were still forming)
     * @return the batch (it keeps {@code json}; do not modify the array afterwards)
     * @throws IllegalArgumentException naming the row and field that are malformed
     */
    public static KlineBatch parse(KlineQuery query, byte[] json, Instant receivedAt) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(receivedAt, "receivedAt");
        try {
            return KlinesParser.parse(query, Objects.requireNonNull(json, "json"), receivedAt);
        } catch (MalformedResponseException e) {
            throw new IllegalArgumentException("not a klines body for " + query.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The request these rows answer.
     *
     * @return the query
     */
    public KlineQuery query() {
        return query;
    }

    /**
     * When the response arrived, by the client's clock. A candle whose close time is not before this instant was
     * still forming.
     *
     * @return the arrival instant
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * How many rows arrived.
     *
     * @return the row count
     */
    public int size() {
        return size;
    }

    /**
     * Whether no row arrived.
     *
     * @return true for an empty array
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The open time of a row.
     *
     * @param row the row index, {@code 0 <= row < size()}
     * @return epoch millis UTC
     * @throws IndexOutOfBoundsException for a bad index
     */
    public long openTime(int row) {
        Objects.checkIndex(row, size);
        return openTimes[row];
    }

    /**
     * The close time of a row (the next open time minus 1 ms, even while the candle is still forming).
     *
     * @param row the row index, {@code 0 <= row < size()}
     * @return epoch millis UTC
     * @throws IndexOutOfBoundsException for a bad index
     */
    public long closeTime(int row) {
        Objects.checkIndex(row, size);
        return closeTimes[row];
    }

    /**
     * Every open time, in response order.
     *
     * @return a new array
     */
    public long[] openTimes() {
        return Arrays.copyOf(openTimes, size);
    }

    /**
     * Whether a row's candle was still forming when the response arrived (its close time was not yet past).
     *
     * @param row the row index
     * @return true for a candle that may still change
     * @throws IndexOutOfBoundsException for a bad index
     */
    public boolean isForming(int row) {
        return closeTime(row) >= receivedAt.toEpochMilli();
    }

    /**
     * How many rows were still forming when the response arrived (0 or 1 from Binance: only the newest candle can be).
     *
     * @return the count
     */
    public int formingCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (closeTimes[i] >= receivedAt.toEpochMilli()) {
                n++;
            }
        }
        return n;
    }

    /**
     * One row exactly as Binance sent it.
     *
     * @param row the row index
     * @return the row's JSON text, for example {@code [1499040000000,"0.01634790",...,"0"]}
     * @throws IndexOutOfBoundsException for a bad index
     */
    public String rawRow(int row) {
        Objects.checkIndex(row, size);
        return new String(body, rowStarts[row], rowEnds[row] - rowStarts[row], StandardCharsets.UTF_8);
    }

    /**
     * The whole array of rows exactly as Binance sent it.
     *
     * @return the JSON text
     */
    public String rawJson() {
        return new String(body, arrayStart, arrayEnd - arrayStart, StandardCharsets.UTF_8);
    }

    /**
     * Writes the array of rows exactly as Binance sent it (UTF-8), without copying it first.
     *
     * @param out where to write
     * @throws UncheckedIOException when writing fails
     */
    public void writeRawJson(OutputStream out) {
        try {
            out.write(body, arrayStart, arrayEnd - arrayStart);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the raw rows of " + query.describe() + " failed", e);
        }
    }

    /**
     * Checks the rows against the request: open times inside {@code [startTime, endTime]}, strictly increasing (so
     * sorted and without duplicates), no more rows than the limit, and close times equal to the interval's; and the
     * prices of each row against each other (none negative, {@code low <= open, close <= high}). A batch with
     * problems must not be stored.
     *
     * @return the problems in words, empty when the rows match the request
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (size > query.limit()) {
            problems.add(size + " rows for limit " + query.limit());
        }
        for (int i = 0; i < size && problems.size() < 10; i++) {
            long open = openTimes[i];
            if (query.startTime().isPresent() && open < query.startTime().getAsLong()) {
                problems.add("row " + i + " opens at " + Instant.ofEpochMilli(open) + ", before startTime "
                        + Instant.ofEpochMilli(query.startTime().getAsLong()));
            }
            if (query.endTime().isPresent() && open > query.endTime().getAsLong()) {
                problems.add("row " + i + " opens at " + Instant.ofEpochMilli(open) + ", after endTime "
                        + Instant.ofEpochMilli(query.endTime().getAsLong()));
            }
            if (i > 0 && open <= openTimes[i - 1]) {
                problems.add("row " + i + " opens at " + Instant.ofEpochMilli(open)
                        + (open == openTimes[i - 1] ? ", the same time as" : ", before") + " row " + (i - 1));
            }
            if (closeTimes[i] != query.interval().closeTime(open)) {
                problems.add("row " + i + " closes at " + closeTimes[i] + ", not at "
                        + query.interval().closeTime(open) + " as a " + query.interval().wireCode()
                        + " candle opened at " + open + " does");
            }
        }
        if (problems.size() < 10) {
            problems.addAll(KlinePrices.contradictions(body, arrayStart, arrayEnd, size));
        }
        return problems;
    }

    /**
     * The rows as a candle table in qlir-core's schema ({@link Candles}), in response order, forming candles
     * included (check {@link #isForming(int)}).
     *
     * @return a new table
     */
    public Table toCandles() {
        Candles.Builder b = Candles.builder(size);
        double[] v = new double[8];
        try (JsonParser p = KlinesParser.JSON.createParser(body, arrayStart, arrayEnd - arrayStart)) {
            p.nextToken(); // the outer [
            for (int row = 0; row < size; row++) {
                p.nextToken(); // the row's [
                long open = next(p).getLongValue();
                v[0] = decimal(next(p));
                v[1] = decimal(next(p));
                v[2] = decimal(next(p));
                v[3] = decimal(next(p));
                v[4] = decimal(next(p));
                long close = next(p).getLongValue();
                v[5] = decimal(next(p));
                long trades = next(p).getLongValue();
                v[6] = decimal(next(p));
                v[7] = decimal(next(p));
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                b.add(open, v[0], v[1], v[2], v[3], v[4], close, v[5], trades, v[6], v[7]);
            }
        } catch (IOException e) {
            // The body was fully checked when the batch was made; this cannot happen short of a corrupted array.
            throw new IllegalStateException("re-reading the checked rows of " + query.describe() + " failed", e);
        }
        return b.build();
    }

    static JsonParser next(JsonParser p) throws IOException {
        p.nextToken();
        return p;
    }

    static double decimal(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText()) : p.getDoubleValue();
    }

    @Override
    public String toString() {
        return "KlineBatch{" + query.describe() + ", " + size + " rows" + (size > 0 ? " " + Instant.ofEpochMilli(
                openTimes[0]) + " .. " + Instant.ofEpochMilli(openTimes[size - 1]) : "") + ", received " + receivedAt
                + "}";
    }
}
