package io.qlir.core.primitives;

import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import java.util.function.DoubleBinaryOperator;

/**
 * Trailing-window minimum and maximum in O(n) per window (van Herk / Gil-Werman).
 *
 * <p>Rows are cut into blocks of {@code w} rows aligned at row 0. A window {@code [i-w+1 .. i]} is either one whole
 * block or the suffix of the previous block joined with the prefix of the current one, so every result is computed
 * from the values inside its window only, and a change to a row outside the window leaves the result bit-for-bit the
 * same. A NaN inside a window makes the result NaN (non-finite inputs must be mapped to NaN by the caller). Sums,
 * means and deviations are the shared kernels of {@code io.qlir.core.kernels}.
 */
final class RollingExtremes {

    private RollingExtremes() {
    }

    static double[] min(double[] x, int w) {
        return scan(x, w, Math::min);
    }

    static double[] max(double[] x, int w) {
        return scan(x, w, Math::max);
    }

    private static double[] scan(double[] x, int w, DoubleBinaryOperator op) {
        int n = x.length;
        double[] out = ColumnArrays.nans(n);
        if (w > n) {
            return out;
        }
        double[] suffix = new double[w];
        for (int start = 0; start < n; start += w) {
            int end = Math.min(n, start + w);
            double acc = 0;
            for (int i = start; i < end; i++) {
                acc = i == start ? x[i] : op.applyAsDouble(acc, x[i]);
                if (i == start + w - 1) {
                    out[i] = finiteOrNaN(acc);
                } else if (i >= w - 1) {
                    out[i] = finiteOrNaN(op.applyAsDouble(suffix[i - start + 1], acc));
                }
            }
            if (end - start == w && end < n) {
                double s = x[end - 1];
                suffix[w - 1] = s;
                for (int off = w - 2; off >= 0; off--) {
                    s = op.applyAsDouble(x[start + off], s);
                    suffix[off] = s;
                }
            }
        }
        return out;
    }
}
