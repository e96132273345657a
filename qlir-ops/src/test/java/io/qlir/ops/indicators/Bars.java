package io.qlir.ops.indicators;

import io.qlir.core.Candles;
import tech.tablesaw.api.Table;

/** Hand-written candle tables for example-based tests. */
public final class Bars {

    /** 2024-01-01T00:00Z. */
    public static final long T0 = 1_704_067_200_000L;
    /** 15 minutes. */
    public static final long STEP = 900_000L;

    private Bars() {
    }

    /** Bars {@code {open, high, low, close}} (volume 1), or {@code {open, high, low, close, volume}}, 15m apart. */
    public static Table of(double[]... bars) {
        Candles.Builder b = Candles.builder(bars.length);
        for (int i = 0; i < bars.length; i++) {
            double[] r = bars[i];
            double volume = r.length > 4 ? r[4] : 1;
            long ot = T0 + i * STEP;
            b.add(ot, r[0], r[1], r[2], r[3], volume, ot + STEP - 1, volume * r[3], 1, volume / 2, volume * r[3] / 2);
        }
        return b.build();
    }

    /** A bar. */
    public static double[] bar(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }

    /** A bar with a volume. */
    public static double[] bar(double open, double high, double low, double close, double volume) {
        return new double[] {open, high, low, close, volume};
    }
}
