package io.qlir.core;

import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/** Deterministic candle tables for tests: a random walk of one-minute candles that satisfy the candle invariants. */
final class TestTables {

    private TestTables() {
    }

    /** {@code n} one-minute candles from 2024-01-01, seeded. */
    static Table randomCandles(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Candles.Builder b = Candles.builder(n);
        long t0 = 1_704_067_200_000L;
        double close = 100 + rnd.nextDouble() * 100;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = Math.max(1, open * (1 + (rnd.nextDouble() - 0.5) * 0.02));
            double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.005);
            double low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.005);
            double volume = rnd.nextDouble() * 50;
            long open0 = t0 + i * 60_000L;
            b.add(open0, open, high, low, close, volume, open0 + 59_999L, volume * close, rnd.nextInt(1, 500),
                    volume * 0.4, volume * close * 0.4);
        }
        return b.build();
    }

    /** A table with one double column {@code x}. */
    static Table xs(double... values) {
        return Table.create("t", Columns.doubleColumn("x", values));
    }
}
