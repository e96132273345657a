package io.qlir.core.primitives;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Trailing-window aggregates in O(n) per window without a running sum.
 *
 * <p>Rows are cut into blocks of {@code w} rows aligned at row 0. A window {@code [i-w+1 .. i]} is either one whole
 * block or the suffix of the previous block joined with the prefix of the current one (van Herk / Gil-Werman), so
 * every result is computed from the values inside its window only: nothing is ever subtracted back out, rounding
 * never drifts over 10M rows, and a change to a row outside the window leaves the result bit-for-bit the same.
 * Variance uses Welford's update on both parts and Chan's formula to join them. A NaN inside a window makes the
 * result NaN (non-finite inputs must be mapped to NaN by the caller); an overflowing result is NaN, never ±inf.
 */
final class RollingWindows {

    private RollingWindows() {
    }

    static double[] sum(double[] x, int w) {
        return scan(x, w, Double::sum);
    }

    static double[] mean(double[] x, int w) {
        double[] out = sum(x, w);
        for (int i = 0; i < out.length; i++) {
            out[i] = finiteOrNaN(out[i] / w);
        }
        return out;
    }

    static double[] min(double[] x, int w) {
        return scan(x, w, Math::min);
    }

    static double[] max(double[] x, int w) {
        return scan(x, w, Math::max);
    }

    /** Standard deviation with {@code ddof} delta degrees of freedom (0 population, 1 sample); needs {@code w > ddof}. */
    static double[] std(double[] x, int w, int ddof) {
        int n = x.length;
        double[] out = nans(n);
        if (w > n) {
            return out;
        }
        double[] sufMean = new double[w];
        double[] sufM2 = new double[w];
        for (int start = 0; start < n; start += w) {
            int end = Math.min(n, start + w);
            double mean = 0;
            double m2 = 0;
            for (int i = start; i < end; i++) {
                int k = i - start + 1;
                double d = x[i] - mean;
                mean += d / k;
                m2 += d * (x[i] - mean);
                if (i < w - 1) {
                    continue;
                }
                double total = m2;
                if (k < w) {
                    int p = k; // the window starts at offset p of the previous block, whose suffix holds w - p rows
                    int na = w - p;
                    double delta = mean - sufMean[p];
                    total = sufM2[p] + m2 + delta * delta * ((double) na * k / w);
                }
                out[i] = finiteOrNaN(Math.sqrt(Math.max(0.0, total) / (w - ddof)));
            }
            if (end - start == w && end < n) {
                suffixWelford(x, start, w, sufMean, sufM2);
            }
        }
        return out;
    }

    private static void suffixWelford(double[] x, int start, int w, double[] sufMean, double[] sufM2) {
        double mean = 0;
        double m2 = 0;
        for (int off = w - 1; off >= 0; off--) {
            int k = w - off;
            double v = x[start + off];
            double d = v - mean;
            mean += d / k;
            m2 += d * (v - mean);
            sufMean[off] = mean;
            sufM2[off] = m2;
        }
    }

    private static double[] scan(double[] x, int w, DoubleBinaryOperator op) {
        int n = x.length;
        double[] out = nans(n);
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

    static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
