package io.qlir.core.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
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
        double close = 50 + rnd.nextDouble() * 100;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = Math.max(1, open * (1 + (rnd.nextDouble() - 0.5) * 0.04));
            double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.01);
            double low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.01);
            double volume = rnd.nextDouble() * 10;
            long t = 1_704_067_200_000L + i * 60_000L;
            b.add(t, nan(rnd, nanRate, open), nan(rnd, nanRate, high), nan(rnd, nanRate, low),
                    nan(rnd, nanRate, close), nan(rnd, nanRate, volume), t + 59_999, volume * close,
                    rnd.nextInt(1, 100), volume / 2, volume * close / 2);
        }
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
