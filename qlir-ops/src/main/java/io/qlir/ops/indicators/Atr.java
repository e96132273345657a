package io.qlir.ops.indicators;

import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.kernels.TrueRanges;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.Arrays;
import tech.tablesaw.api.Table;

/**
 * Wilder's ATR and ATRP (ATR over close) in TA-Lib's convention.
 *
 * <p>The kernel is fused: the true ranges ({@link TrueRanges}, shared with the core op {@code true_range}) of a block
 * of rows go to a small buffer that stays in L1, and every period's recursion runs over it, so no full-length
 * true-range column is ever written and read back. The recursion is TA-Lib's
 * in the form {@code fma((p-1)/p, atr, tr/p)} (see {@link Recursions}).
 */
final class Atr {

    /** Rows per block of true ranges. */
    private static final int BLOCK = 2048;

    private Atr() {
    }

    static Derived atr(Table table, int... periods) {
        int[] ps = ArgumentChecks.windows("atr", "period", 1, periods);
        double[][] atrs = compute(table, ps);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            String name = Columns.name("atr", ps[k]);
            b.add(Columns.doubleColumn(name, atrs[k]), spec("ATR", name, ps[k]));
        }
        return b.build();
    }

    static Derived atrp(Table table, int... periods) {
        int[] ps = ArgumentChecks.windows("atrp", "period", 1, periods);
        double[][] atrs = compute(table, ps);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ps.length; k++) {
            double[] out = atrs[k];
            for (int i = 0; i < out.length; i++) {
                double v = close[i] > 0 ? out[i] / close[i] : Double.NaN;
                out[i] = finiteOrNaN(v);
            }
            String name = Columns.name("atrp", ps[k]);
            b.add(Columns.doubleColumn(name, out), spec("ATRP", name, ps[k]));
        }
        return b.build();
    }

    private static double[][] compute(Table table, int[] periods) {
        return atrs(Columns.doubles(table, Candles.HIGH), Columns.doubles(table, Candles.LOW),
                Columns.doubles(table, Candles.CLOSE), periods);
    }

    /**
     * Wilder's ATR for many periods: first value at index {@code period} = mean of the true ranges of rows
     * {@code 1 .. period} (summed in order, TA-Lib's seed), then {@code atr = (atr * (period-1) + tr) / period}; NaN
     * before, and from the first row whose true range is not finite on.
     */
    static double[][] atrs(double[] high, double[] low, double[] close, int[] periods) {
        int n = high.length;
        double[][] out = new double[periods.length][n];
        double[] atr = new double[periods.length];
        double[] tr = new double[BLOCK];
        for (int k = 0; k < periods.length; k++) {
            int p = periods[k];
            Arrays.fill(out[k], 0, Math.min(n, p), Double.NaN);
            if (p < n) {
                atr[k] = seed(high, low, close, p);
                out[k][p] = atr[k];
            }
        }
        for (int b0 = 1; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            TrueRanges.into(high, low, close, b0, b1, tr);
            for (int k = 0; k < periods.length; k++) {
                int from = Math.max(b0, periods[k] + 1);
                if (from < b1) {
                    atr[k] = wilder(tr, b0, from, b1, periods[k], atr[k], out[k]);
                }
            }
        }
        return out;
    }

    private static double seed(double[] high, double[] low, double[] close, int p) {
        double[] tr = new double[p];
        TrueRanges.into(high, low, close, 1, p + 1, tr);
        double sum = 0;
        for (double v : tr) {
            sum += v;
        }
        return sum / p;
    }

    /** Rows {@code [from, to)} of the recursion; {@code tr[j]} is row {@code b0 + j}'s true range. */
    private static double wilder(double[] tr, int b0, int from, int to, int p, double start, double[] o) {
        double keep = (p - 1.0) / p;
        double inv = 1.0 / p;
        double a = start;
        for (int i = from; i < to; i++) {
            a = Math.fma(keep, a, tr[i - b0] * inv);
            o[i] = a;
        }
        return a;
    }

    private static RowDerivationSpec spec(String op, String name, int period) {
        return RowDerivationSpec.builder(op).inputs(Candles.HIGH, Candles.LOW, Candles.CLOSE)
                .param("period", period).reads(RowWindow.unboundedPast(0)).output(name).warmup(period).build();
    }
}
