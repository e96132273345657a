package io.qlir.ops.indicators;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/** RSI and MACD in TA-Lib's convention. */
final class Oscillators {

    private Oscillators() {
    }

    static Derived rsi(Table table, String column, int... periods) {
        ArgumentChecks.column("rsi", "column", column);
        int[] ps = ArgumentChecks.windows("rsi", "period", 1, periods);
        double[][] out = Recursions.rsis(Columns.doubles(table, column), ps);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            String name = Columns.name(column, "rsi", ps[k]);
            b.add(Columns.doubleColumn(name, out[k]), RowDerivationSpec.builder("RSI")
                    .baseColumn(column).param("period", ps[k])
                    .reads(RowWindow.unboundedPast(0)).output(name).warmup(ps[k]).build());
        }
        return b.build();
    }

    /**
     * TA-Lib's {@code TA_MACD} from index 0: slow EMA seeded with the mean of rows {@code [0 .. slow-1]}, fast EMA
     * seeded with the mean of {@code [slow-fast .. slow-1]} so both start at {@code slow-1}; the signal is an EMA of
     * the MACD line seeded with its first {@code signal} values; all three are published from {@code slow+signal-2}.
     */
    static Derived macd(Table table, String column, int fast, int slow, int signal) {
        ArgumentChecks.column("macd", "column", column);
        ArgumentChecks.atLeast("macd", "fast", 1, fast);
        ArgumentChecks.atLeast("macd", "signal", 1, signal);
        if (slow <= fast) {
            throw new IllegalArgumentException("macd: slow must be greater than fast, got fast=" + fast + ", slow="
                    + slow + "; for example macd(close,12,26,9)");
        }
        double[] x = Columns.doubles(table, column);
        int n = x.length;
        double[] line = Recursions.macdLine(x, fast, slow);
        int first = macdWarmup(slow, signal);
        double[] sig = Recursions.ema(line, signal, first);
        double[] hist = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < first) {
                line[i] = Double.NaN;
            }
            hist[i] = line[i] - sig[i];
        }
        String macdName = Columns.name(column, "macd", fast, slow, signal);
        String signalName = Columns.name(column, "macd", "signal", fast, slow, signal);
        String histName = Columns.name(column, "macd", "hist", fast, slow, signal);
        return Derived.builder(table)
                .add(Columns.doubleColumn(macdName, line), spec("MACD", macdName, column, fast, slow, signal))
                .add(Columns.doubleColumn(signalName, sig), spec("MACD_SIGNAL", signalName, column, fast, slow, signal))
                .add(Columns.doubleColumn(histName, hist), spec("MACD_HIST", histName, column, fast, slow, signal))
                .build();
    }

    private static RowDerivationSpec spec(String op, String name, String column, int fast, int slow, int signal) {
        return RowDerivationSpec.builder(op).baseColumn(column).param("fast", fast).param("slow", slow)
                .param("signal", signal).reads(RowWindow.unboundedPast(0)).output(name).warmup(macdWarmup(slow, signal))
                .build();
    }

    /** The first row with a signal line, {@code slow + signal - 2}, saturated (two long windows must not overflow). */
    private static int macdWarmup(int slow, int signal) {
        return (int) Math.min(Integer.MAX_VALUE, (long) slow + signal - 2);
    }
}
