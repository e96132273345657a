package io.qlir.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.qlir.core.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Raw klines of one symbol and interval exactly as {@code /api/v3/klines} returned them (prices and volumes stay the
 * strings Binance sent), sorted by open time, served again byte for byte.
 * <pre>{@code
 * RecordedKlines r = RecordedKlines.parse("BTCUSDT", Interval.M30, Files.readAllBytes(json));
 * String body = r.rows(request, clock.millis());     // [[1554991200000,"5024.95",...],...]
 * }</pre>
 */
public final class RecordedKlines {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String symbol;
    private final Interval interval;
    private final long[] openTimes;
    private final String[] rows;

    private RecordedKlines(String symbol, Interval interval, long[] openTimes, String[] rows) {
        this.symbol = symbol;
        this.interval = interval;
        this.openTimes = openTimes;
        this.rows = rows;
    }

    /**
     * Reads one or more recordings of a series, each a JSON array of raw kline rows
     * {@code [openTime, "open", ..., "ignore"]}; where open times repeat, the later recording wins.
     *
     * @param symbol the symbol they were recorded for
     * @param interval their interval
     * @param recordings the arrays' UTF-8 bytes
     * @return the rows, sorted by open time
     * @throws IllegalArgumentException when a recording is not an array of rows that start with an integer open time
     * @throws UncheckedIOException when a recording is not valid JSON
     */
    public static RecordedKlines parse(String symbol, Interval interval, byte[]... recordings) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        String what = symbol + " " + interval.wireCode();
        TreeMap<Long, String> byOpen = new TreeMap<>();
        for (byte[] bytes : recordings) {
            try (JsonParser p = JSON.createParser(bytes)) {
                readRows(what, p, bytes, byOpen);
            } catch (IOException e) {
                throw new UncheckedIOException("recorded rows for " + what + " are not valid JSON", e);
            }
        }
        long[] opens = new long[byOpen.size()];
        String[] texts = new String[byOpen.size()];
        int i = 0;
        for (Map.Entry<Long, String> e : byOpen.entrySet()) {
            opens[i] = e.getKey();
            texts[i++] = e.getValue();
        }
        return new RecordedKlines(symbol, interval, opens, texts);
    }

    private static void readRows(String what, JsonParser p, byte[] bytes, TreeMap<Long, String> byOpen)
            throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("recorded rows for " + what + " must be a JSON array of Binance kline "
                    + "rows");
        }
        int n = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            int start = (int) p.currentTokenLocation().getByteOffset();
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new IllegalArgumentException("recorded row " + n + " for " + what
                        + " does not start with an integer open time");
            }
            long open = p.getLongValue();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            int end = (int) p.currentTokenLocation().getByteOffset() + 1;
            byOpen.put(open, new String(bytes, start, end - start, StandardCharsets.UTF_8));
            n++;
        }
    }

    /**
     * The symbol.
     *
     * @return for example {@code BTCUSDT}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The interval.
     *
     * @return for example {@link Interval#M30}
     */
    public Interval interval() {
        return interval;
    }

    /**
     * How many candles were recorded (distinct open times).
     *
     * @return the row count
     */
    public int size() {
        return rows.length;
    }

    /**
     * The open time of a recorded candle.
     *
     * @param index 0 for the oldest
     * @return its open time in epoch millis
     */
    public long openTime(int index) {
        return openTimes[index];
    }

    /**
     * The rows a request returns, as Binance selects them ({@link KlineSelection}), as a JSON array of the recorded
     * rows' own text.
     *
     * @param request the checked request (its symbol and interval are not looked at)
     * @param nowMs "now": rows opening later are not returned ({@link Long#MAX_VALUE} to serve every row)
     * @return the response body
     */
    public String rows(KlinesRequest request, long nowMs) {
        KlineSelection s = KlineSelection.select(KlineSelection.OpenTimes.sorted(openTimes), request, nowMs);
        StringBuilder b = new StringBuilder(2 + (int) s.size() * 180).append('[');
        for (int i = (int) s.from(); i < s.to(); i++) {
            if (i > s.from()) {
                b.append(',');
            }
            b.append(rows[i]);
        }
        return b.append(']').toString();
    }
}
