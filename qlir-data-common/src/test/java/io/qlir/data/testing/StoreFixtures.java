package io.qlir.data.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small synthetic directories: BTCUSDT 1m slices of 10 candles (span 10 min, default grace 25 min). */
public final class StoreFixtures {

    /** BTCUSDT's first 1m candle on Binance, 2017-08-17T04:00:00Z. */
    public static final long ANCHOR = 1502942400000L;
    /** One minute. */
    public static final long M = 60_000L;
    /** Slice span: 10 minutes. */
    public static final long SPAN = 10 * M;
    /** A "now" far after every slice used in tests. */
    public static final Instant LATER = Instant.ofEpochMilli(ANCHOR).plus(Duration.ofDays(100));

    private StoreFixtures() {
    }

    public static SliceSeries series() {
        return new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 10);
    }

    public static SliceKey slice(int k) {
        return series().key(ANCHOR + k * SPAN);
    }

    /** Kline-shaped rows for candles {@code from..to} (inclusive) of a slice. */
    public static ArrayNode rows(SliceKey key, int from, int to) {
        long[] opens = new long[to - from + 1];
        for (int i = from; i <= to; i++) {
            opens[i - from] = key.startMs() + i * M;
        }
        return rowsAt(opens);
    }

    /** Kline-shaped rows at the given open times (1m candles). */
    public static ArrayNode rowsAt(long... opens) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode out = f.arrayNode();
        for (long t : opens) {
            ArrayNode r = f.arrayNode();
            double base = 4000 + (t / M) % 97;
            r.add(t).add(String.format("%.8f", base)).add(String.format("%.8f", base + 5))
                    .add(String.format("%.8f", base - 5)).add(String.format("%.8f", base + 1)).add("12.50000000")
                    .add(t + M - 1).add("50000.00000000").add(42).add("6.25000000").add("25000.00000000").add("0");
            out.add(r);
        }
        return out;
    }

    public static FetchInfo fetch(SliceKey key, Instant requestedAt) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", key.symbol());
        params.put("interval", key.interval().wireCode());
        params.put("startTime", Long.toString(key.startMs()));
        params.put("limit", Integer.toString(key.limit()));
        return new FetchInfo("https://venue.test/api/v3/klines", params, 200, requestedAt);
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends UtcTestClock {
        private Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant t) {
            now = t;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
