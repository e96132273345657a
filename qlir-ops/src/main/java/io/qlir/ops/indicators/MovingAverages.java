package io.qlir.ops.indicators;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.kernels.RollingSums;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/** SMA, EMA and WMA: one column per window, all windows from one pass over the input. */
final class MovingAverages {

    private MovingAverages() {
    }

    static Derived sma(Table table, String column, int... windows) {
        ArgumentChecks.column("sma", "column", column);
        int[] ws = ArgumentChecks.windows("sma", "window", 1, windows);
        double[][] out = RollingSums.means(Columns.doubles(table, column), ws);
        return trailing(table, "SMA", "sma", column, ws, out);
    }

    static Derived wma(Table table, String column, int... windows) {
        ArgumentChecks.column("wma", "column", column);
        int[] ws = ArgumentChecks.windows("wma", "window", 1, windows);
        double[][] out = WeightedSums.means(Columns.doubles(table, column), ws);
        return trailing(table, "WMA", "wma", column, ws, out);
    }

    static Derived ema(Table table, String column, int... periods) {
        ArgumentChecks.column("ema", "column", column);
        int[] ps = ArgumentChecks.windows("ema", "period", 1, periods);
        double[][] out = Recursions.emas(Columns.doubles(table, column), ps);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            String name = Columns.name(column, "ema", ps[k]);
            b.add(Columns.doubleColumn(name, out[k]), RowDerivationSpec.builder("EMA")
                    .baseColumn(column).param("period", ps[k])
                    .reads(RowWindow.unboundedPast(0)).output(name).warmup(ps[k] - 1).build());
        }
        return b.build();
    }

    private static Derived trailing(Table table, String op, String stem, String column, int[] ws, double[][] out) {
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            String name = Columns.name(column, stem, ws[k]);
            b.add(Columns.doubleColumn(name, out[k]), RowDerivationSpec.builder(op)
                    .baseColumn(column).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
        return b.build();
    }
}
