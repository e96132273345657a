package io.qlir.core;

import tech.tablesaw.api.Table;

/** Deterministic candle tables for tests: one-minute candles of {@link SyntheticMarket}, and one-column tables. */
final class TestTables {

    private TestTables() {
    }

    /** {@code n} one-minute candles from 2024-01-01 of the one generator, seeded. */
    static Table randomCandles(long seed, int n) {
        return SyntheticMarket.of(seed, "TEST", 150).candles(Interval.M1, 1_704_067_200_000L, n);
    }

    /** A table with one double column {@code x}. */
    static Table xs(double... values) {
        return Table.create("t", Columns.doubleColumn("x", values));
    }
}
