package io.qlir.core.primitives;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.kernels.FiniteValues;
import io.qlir.core.kernels.TrueRanges;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/** Bar-to-bar relations behind {@link Relations}: whole-bar ops, named without a column prefix. */
final class BarRelations {

    private BarRelations() {
    }

    static Derived higherHigh(Table table) {
        double[] high = ColumnArrays.finite(table, Candles.HIGH);
        boolean[] out = new boolean[high.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = high[i] > high[i - 1];
        }
        return bool(table, "higher_high", out, 1, Candles.HIGH);
    }

    static Derived lowerLow(Table table) {
        double[] low = ColumnArrays.finite(table, Candles.LOW);
        boolean[] out = new boolean[low.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = low[i] < low[i - 1];
        }
        return bool(table, "lower_low", out, 1, Candles.LOW);
    }

    static Derived insideBar(Table table) {
        double[] high = ColumnArrays.finite(table, Candles.HIGH);
        double[] low = ColumnArrays.finite(table, Candles.LOW);
        boolean[] out = new boolean[high.length];
        for (int i = 1; i < out.length; i++) {
            out[i] = high[i] < high[i - 1] && low[i] > low[i - 1];
        }
        return bool(table, "inside_bar", out, 1, Candles.HIGH, Candles.LOW);
    }

    static Derived outsideBar(Table table) {
        double[] high = ColumnArrays.finite(table, Candles.HIGH);
        double[] low = ColumnArrays.finite(table, Candles.LOW);
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
        double[] high = Columns.doubles(table, Candles.HIGH);
        double[] low = Columns.doubles(table, Candles.LOW);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        double[] out = ColumnArrays.nans(high.length);
        if (out.length > 1) {
            TrueRanges.into(high, low, close, 1, out.length, out);
            // the kernel writes row i at i - 1; shift into place, an overflowing range becoming NaN
            System.arraycopy(out, 0, out, 1, out.length - 1);
            out[0] = Double.NaN;
            for (int i = 1; i < out.length; i++) {
                out[i] = FiniteValues.finiteOrNaN(out[i]);
            }
        }
        return Derived.builder(table).add(Columns.doubleColumn("true_range", out), RowDerivationSpec
                .builder("TRUE_RANGE").inputs(Candles.HIGH, Candles.LOW, Candles.CLOSE)
                .reads(RowWindow.of(-1, 0)).output("true_range").warmup(1).build()).build();
    }

    private static Derived body(Table table, String name, boolean up) {
        double[] close = ColumnArrays.finite(table, Candles.CLOSE);
        double[] open = ColumnArrays.finite(table, Candles.OPEN);
        boolean[] out = new boolean[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = up ? close[i] > open[i] : close[i] < open[i];
        }
        return bool(table, name, out, 0, Candles.CLOSE, Candles.OPEN);
    }

    private static Derived bool(Table table, String name, boolean[] values, int warmup, String... inputs) {
        RowWindow reads = warmup == 0 ? RowWindow.of(0, 0) : RowWindow.of(-warmup, 0);
        return Derived.builder(table).add(ColumnArrays.booleans(name, values, warmup), RowDerivationSpec
                .builder(name.toUpperCase(java.util.Locale.ROOT)).inputs(inputs).reads(reads).output(name)
                .warmup(warmup).build()).build();
    }
}
