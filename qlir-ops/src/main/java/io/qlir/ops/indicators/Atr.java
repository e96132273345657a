package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Recursions.finite;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/** Wilder's ATR and ATRP (ATR over close) in TA-Lib's convention. */
final class Atr {

    private Atr() {
    }

    static Derived atr(Table table, int... periods) {
        int[] ps = Params.windows("atr", "period", 1, periods);
        double[][] atrs = compute(table, ps);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            String name = Columns.name("atr", ps[k]);
            b.add(Columns.doubleColumn(name, atrs[k]), spec("ATR", name, ps[k]));
        }
        return b.build();
    }

    static Derived atrp(Table table, int... periods) {
        int[] ps = Params.windows("atrp", "period", 1, periods);
        double[][] atrs = compute(table, ps);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            double[] out = atrs[k];
            for (int i = 0; i < out.length; i++) {
                double v = close[i] > 0 ? out[i] / close[i] : Double.NaN;
                out[i] = finite(v) ? v : Double.NaN;
            }
            String name = Columns.name("atrp", ps[k]);
            b.add(Columns.doubleColumn(name, out), spec("ATRP", name, ps[k]));
        }
        return b.build();
    }

    private static double[][] compute(Table table, int[] periods) {
        double[] tr = Recursions.trueRange(Columns.doubles(table, Candles.HIGH), Columns.doubles(table, Candles.LOW),
                Columns.doubles(table, Candles.CLOSE));
        return Recursions.atrs(tr, periods);
    }

    private static RowDerivationSpec spec(String op, String name, int period) {
        return RowDerivationSpec.builder(op).inputs(Candles.HIGH, Candles.LOW, Candles.CLOSE)
                .param("period", period).reads(RowWindow.unboundedPast(0)).output(name).warmup(period).build();
    }
}
