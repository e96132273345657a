package io.qlir.core.primitives;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/** Bar-to-bar relations behind {@link Relations}: whole-bar ops, named without a column prefix. */
final class Bars {

    private Bars() {
    }

    static Derived higherHigh(Table table) {
        double[] high = Series.finite(table, Candles.HIGH);
        boolean[] out = new boolean[high.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = high[i] > high[i - 1];
        }
        return bool(table, "higher_high", out, 1, Candles.HIGH);
    }

    static Derived lowerLow(Table table) {
        double[] low = Series.finite(table, Candles.LOW);
        boolean[] out = new boolean[low.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = low[i] < low[i - 1];
        }
        return bool(table, "lower_low", out, 1, Candles.LOW);
    }

    static Derived insideBar(Table table) {
        double[] high = Series.finite(table, Candles.HIGH);
        double[] low = Series.finite(table, Candles.LOW);
        boolean[] out = new boolean[high.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = high[i] < high[i - 1] && low[i] > low[i - 1];
        }
        return bool(table, "inside_bar", out, 1, Candles.HIGH, Candles.LOW);
    }

    static Derived outsideBar(Table table) {
        double[] high = Series.finite(table, Candles.HIGH);
        double[] low = Series.finite(table, Candles.LOW);
        boolean[] out = new boolean[high.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = high[i] > high[i - 1] && low[i] < low[i - 1];
        }
        return bool(table, "outside_bar", out, 1, Candles.HIGH, Candles.LOW);
    }

    static Derived bullish(Table table) {
        return body(table, "bullish", true);
    }

    static Derived bearish(Table table) {
        return body(table, "bearish", false);
    }

    static Derived trueRange(Table table) {
        double[] high = Series.finite(table, Candles.HIGH);
        double[] low = Series.finite(table, Candles.LOW);
        double[] close = Series.finite(table, Candles.CLOSE);
        double[] out = RollingWindows.nans(high.length);
        for (int i = 1; i < out.length; i++) {
            double prev = close[i - 1];
            double tr = Math.max(high[i] - low[i], Math.max(Math.abs(high[i] - prev), Math.abs(low[i] - prev)));
            out[i] = RollingWindows.finiteOrNaN(tr); // Math.max propagates NaN
        }
        return Derived.builder(table).add(Columns.doubleColumn("true_range", out), RowDerivationSpec
                .builder("TRUE_RANGE").inputs(Candles.HIGH, Candles.LOW, Candles.CLOSE)
                .reads(RowWindow.of(-1, 0)).output("true_range").warmup(1).build()).build();
    }

    private static Derived body(Table table, String name, boolean up) {
        double[] close = Series.finite(table, Candles.CLOSE);
        double[] open = Series.finite(table, Candles.OPEN);
        boolean[] out = new boolean[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = up ? close[i] > open[i] : close[i] < open[i];
        }
        return bool(table, name, out, 0, Candles.CLOSE, Candles.OPEN);
    }

    private static Derived bool(Table table, String name, boolean[] values, int warmup, String... inputs) {
        RowWindow reads = warmup == 0 ? RowWindow.of(0, 0) : RowWindow.of(-warmup, 0);
        return Derived.builder(table).add(Series.booleans(name, values, warmup), RowDerivationSpec
                .builder(name.toUpperCase(java.util.Locale.ROOT)).inputs(inputs).reads(reads).output(name)
                .warmup(warmup).build()).build();
    }
}
