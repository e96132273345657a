package io.qlir.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qlir.core.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Recorded raw Binance klines of one symbol and interval, exactly as {@code /api/v3/klines} returned them (prices
 * and volumes stay the strings Binance sent), sorted by open time.
 * <pre>{@code
 * Recording r = Recording.demo();     // BTCUSDT 30m, 2019-04-11 14:00 .. 2019-04-21 23:30 UTC, 500 candles
 * }</pre>
 */
public final class Recording {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DEMO_RESOURCE = "BTCUSDT-30m-2019-04-11.json";

    private final String symbol;
    private final Interval interval;
    private final long[] openTimes;
    private final String[] rows;

    private Recording(String symbol, Interval interval, long[] openTimes, String[] rows) {
        this.symbol = symbol;
        this.interval = interval;
        this.openTimes = openTimes;
        this.rows = rows;
    }

    /**
     * The recording bundled for {@code qlir demo}: 500 real Binance spot 30m candles at BTCUSDT prices, from
     * 2019-04-11 14:00 to 2019-04-21 23:30 UTC, contiguous.
     *
     * @return the recording
     */
    public static Recording demo() {
        try (InputStream in = Recording.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo recording " + DEMO_RESOURCE + " is missing from the class path");
            }
            return parse("BTCUSDT", Interval.M30, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a recording: a JSON array of raw kline rows {@code [openTime, "open", ..., "ignore"]}.
     *
     * @param symbol the symbol it was recorded for
     * @param interval its interval
     * @param json the array's bytes
     * @return the recording
     * @throws IllegalArgumentException when the JSON is not an array of rows with increasing open times
     */
    public static Recording parse(String symbol, Interval interval, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("recording of " + symbol + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("recording of " + symbol + " must be a JSON array of kline rows");
        }
        long[] times = new long[root.size()];
        String[] rows = new String[root.size()];
        for (int i = 0; i < root.size(); i++) {
            JsonNode row = root.get(i);
            if (!row.isArray() || row.size() < 11 || !row.get(0).canConvertToLong()) {
                throw new IllegalArgumentException("row " + i + " of the " + symbol + " recording is not a kline row");
            }
            times[i] = row.get(0).asLong();
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("row " + i + " of the " + symbol + " recording is out of order");
            }
            rows[i] = row.toString();
        }
        return new Recording(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(interval, "interval"),
                times, rows);
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
     * How many candles were recorded.
     *
     * @return the row count
     */
    public int size() {
        return rows.length;
    }

    /**
     * The open time of a recorded candle.
     *
     * @param index 0 for the first
     * @return its open time in epoch millis
     */
    public long openTime(int index) {
        return openTimes[index];
    }

    /** Index of the first row with open time ≥ t. */
    int firstAtOrAfter(long t) {
        int i = Arrays.binarySearch(openTimes, t);
        return i >= 0 ? i : -i - 1;
    }

    /** Index after the last row with open time ≤ t. */
    int endAtOrBefore(long t) {
        int i = Arrays.binarySearch(openTimes, t);
        return i >= 0 ? i + 1 : -i - 1;
    }

    String row(int index) {
        return rows[index];
    }
}
