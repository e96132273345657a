package io.qlir.core.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import java.util.SplittableRandom;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Test tables and assertions for the core ops. */
final class Tables {

    static final double NaN = Double.NaN;

    private Tables() {
    }

    /** A table with one double column {@code x}. */
    static Table xs(double... values) {
        return Table.create("t", Columns.doubleColumn("x", values.clone()));
    }

    /** A table with one boolean column {@code b}; null is a missing value. */
    static Table bs(Boolean... values) {
        BooleanColumn b = BooleanColumn.create("b", values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                b.set(i, values[i]);
            }
        }
        return Table.create("t", b);
    }

    /**
     * {@code n} random one-minute candles plus a boolean column {@code flag}; with {@code nanRate > 0} some prices
     * and volumes are NaN and some flags missing.
     */
    static Table randomCandles(long seed, int n, double nanRate) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Candles.Builder b = Candles.builder(n);
        SyntheticMarket.of(seed, "TEST", 100).forEachCandle(Interval.M1, 1_704_067_200_000L, n, c -> b.add(
                c.openTime(), nan(rnd, nanRate, c.open()), nan(rnd, nanRate, c.high()), nan(rnd, nanRate, c.low()),
                nan(rnd, nanRate, c.close()), nan(rnd, nanRate, c.volume()), c.closeTime(), c.quoteVolume(),
                c.trades(), c.takerBase(), c.takerQuote()));
        Table table = b.build();
        BooleanColumn flag = BooleanColumn.create("flag", n);
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() >= nanRate) {
                flag.set(i, rnd.nextDouble() < 0.6);
            }
        }
        return table.addColumns(flag);
    }

    private static double nan(SplittableRandom rnd, double rate, double v) {
        return rnd.nextDouble() < rate ? Double.NaN : v;
    }

    /** Asserts a double column's values, NaN matching NaN, within 1e-12. */
    static void assertDoubles(Column<?> column, double... expected) {
        assertThat(column.size()).as("size of %s", column.name()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double actual = value(column, i);
            if (Double.isNaN(expected[i])) {
                assertThat(actual).as("%s row %d", column.name(), i).isNaN();
            } else {
                assertThat(actual).as("%s row %d", column.name(), i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    /** A numeric cell as a double, NaN for a missing value (Tablesaw's {@code get} returns null for those). */
    static double value(Column<?> column, int row) {
        return column.isMissing(row) ? Double.NaN : ((Number) column.get(row)).doubleValue();
    }

    /** Asserts a boolean column's values; null expects a missing value. */
    static void assertBooleans(Column<?> column, Boolean... expected) {
        assertThat(column).isInstanceOf(BooleanColumn.class);
        assertThat(column.size()).as("size of %s", column.name()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(((BooleanColumn) column).get(i)).as("%s row %d", column.name(), i).isEqualTo(expected[i]);
        }
    }
}
