package io.qlir.ops.pipeline;

import io.qlir.core.Candles;
import tech.tablesaw.api.Table;

/**
 * A small deterministic candle table (1m bars from 2024-01-01T00:00Z, a slow wave plus a faster one) for dry runs:
 * ops are validated and their specs read by applying them to it. Specs do not depend on values.
 */
final class SyntheticCandles {

    static final int ROWS = 240;
    private static final long T0 = 1_704_067_200_000L;
    private static final long MINUTE = 60_000L;

    private SyntheticCandles() {
    }

    static Table table() {
        Candles.Builder b = Candles.builder(ROWS);
        double previous = 100;
        for (int i = 0; i < ROWS; i++) {
            double close = 100 + 5 * Math.sin(i / 20.0) + Math.sin(i / 3.0);
            double open = previous;
            double high = Math.max(open, close) + 0.3 + 0.2 * Math.abs(Math.sin(i / 7.0));
            double low = Math.min(open, close) - 0.3 - 0.2 * Math.abs(Math.cos(i / 5.0));
            double volume = 10 + 5 * Math.abs(Math.sin(i / 11.0));
            long ot = T0 + i * MINUTE;
            b.add(ot, open, high, low, close, volume, ot + MINUTE - 1, volume * close, 20 + i % 7, volume / 2,
                    volume * close / 2);
            previous = close;
        }
        return b.build();
    }
}
