package io.qlir.ops.pipeline;

import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import tech.tablesaw.api.Table;

/**
 * The small candle table pipelines are dry-run on (240 closed 1m candles from 2024-01-01T00:00Z of the project's
 * one generator, {@link SyntheticMarket}): ops are validated and their specs read by applying them to it. Specs do
 * not depend on values.
 */
final class SyntheticCandles {

    static final int ROWS = 240;
    private static final long T0 = 1_704_067_200_000L;
    private static final SyntheticMarket MARKET = SyntheticMarket.of(0, "DRYRUN", 100);

    private SyntheticCandles() {
    }

    static Table table() {
        return MARKET.candles(Interval.M1, T0, ROWS);
    }
}
