package io.qlir.ops.indicators;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import tech.tablesaw.api.Table;

/**
 * Bollinger bands: mid = SMA, upper/lower = mid ± k·σ with σ the population standard deviation of the window.
 *
 * <p>σ is computed per window by the corrected two-pass formula around the window's mean {@code m}:
 * {@code var = (Σd² - (Σd)²/n) / n} with {@code d = x - m}. It reads only deviations from the mean, so its relative
 * error stays a few ulps whatever the price level; the second term cancels the residual error of {@code m}. TA-Lib
 * uses a running {@code Σx²/n - m²}, which cancels catastrophically when the spread is small against the price, and
 * it reports σ = 0 whenever that variance is below {@code 1e-8}. Cost: O(period) per row.
 */
final class Bollinger {

    private Bollinger() {
    }

    static Derived bollinger(Table table, String column, int period, double k) {
        Params.column("bollinger", column);
        Params.atLeast("bollinger", "period", 1, period);
        Params.nonNegative("bollinger", "k", k);
        double[] x = Columns.doubles(table, column);
        double[] mid = RollingSums.means(x, new int[] {period})[0];
        double[] sigma = sigma(x, mid, period);
        int n = x.length;
        double[] upper = new double[n];
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            double band = sigma[i] * k;
            upper[i] = finiteOrNaN(mid[i] + band);
            lower[i] = finiteOrNaN(mid[i] - band);
        }
        Bands bands = Bands.bollinger(column, period, k);
        return Derived.builder(table)
                .add(Columns.doubleColumn(bands.mid(), mid), spec("BOLL_MID", bands.mid(), column, period, k))
                .add(Columns.doubleColumn(bands.upper(), upper), spec("BOLL_UPPER", bands.upper(), column, period, k))
                .add(Columns.doubleColumn(bands.lower(), lower), spec("BOLL_LOWER", bands.lower(), column, period, k))
                .build();
    }

    /** Population σ of each trailing window around the given means; NaN where the mean is NaN. */
    static double[] sigma(double[] x, double[] mean, int period) {
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double m = mean[i];
            if (Double.isNaN(m)) {
                out[i] = Double.NaN;
                continue;
            }
            double s1 = 0;
            double s2 = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double d = x[j] - m;
                s1 += d;
                s2 += d * d;
            }
            double var = (s2 - s1 * s1 / period) / period;
            out[i] = var > 0 ? Math.sqrt(var) : 0.0;
        }
        return out;
    }

    private static double finiteOrNaN(double v) {
        return Recursions.finite(v) ? v : Double.NaN;
    }

    private static RowDerivationSpec spec(String op, String name, String column, int period, double k) {
        return RowDerivationSpec.builder(op).baseColumn(column).param("period", period).param("k", k)
                .reads(RowWindow.trailing(period)).output(name).warmup(period - 1).build();
    }
}
