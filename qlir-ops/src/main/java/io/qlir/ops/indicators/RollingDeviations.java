package io.qlir.ops.indicators;

import java.util.Arrays;

/**
 * Bollinger lines (mean and mean ± k·σ, σ the population standard deviation) of every trailing window in O(1) per
 * row, without the cancellation of a running {@code Σx² - (Σx)²/n} over the whole series.
 *
 * <p>How: rows are processed in chunks of {@value #CHUNK} (or the period, if longer). Each chunk is shifted by the
 * value {@code m} of its middle row, so it works with deviations {@code d = x - m} that are about as small as the
 * spread of nearby windows, and builds prefix sums of {@code d} and {@code d²} from the first row its windows read.
 * A window's sums are differences of two prefix values; its mean is {@code m + Σd/n} and
 * {@code Σ(d - mean)² = Σd² - (Σd)²/n}. Because {@code m} lies within the chunk, the cancellation between those two
 * terms is mild, and the few roundings of short prefix sums are bounded; every window's result is checked against
 * that bound (mean within about 1.5e-14, σ within 5e-13 relative), and a window that fails it (a flat window, one
 * right after a jump of the price by orders of magnitude, a mean near zero) is recomputed on its own: compensated
 * mean, corrected two-pass σ. On price data that is rare, so the cost stays O(1) per row.
 *
 * <p>A chunk holding a non-finite value is computed window by window (a window containing a non-finite value is NaN
 * in all three lines); rows before {@code period-1} are NaN; a line that is not finite is NaN.
 */
final class RollingDeviations {

    /** Rows per block. */
    static final int BLOCK = 4096;

    /** The unit roundoff, 2^-53. */
    private static final double EPS = 0x1p-53;

    /** Rows per chunk (at least the period): each chunk is shifted by the value of its middle row. */
    static final int CHUNK = 32;

    /**
     * How far above its rounding bound a window's sum of squared deviations must be to be used as is (2^40, so σ is
     * within 5e-13 relative); below it the window is recomputed on its own.
     */
    private static final double TRUST = 0x1p40;

    /** The bound on the mean's rounding, relative to the mean, below which it is used as is (2^-46, about 1e-14). */
    private static final double MEAN_TRUST = 0x1p-46;

    private RollingDeviations() {
    }

    /**
     * Population σ of each trailing window of {@code period} rows.
     *
     * @param x the input
     * @param period the window, at least 1
     * @return σ per row, NaN before {@code period-1} and where the window holds a non-finite value
     */
    static double[] sigma(double[] x, int period) {
        return lines(x, period, 0, false)[1];
    }

    /**
     * Bollinger lines of each trailing window of {@code period} rows.
     *
     * @param x the input
     * @param period the window, at least 1
     * @param k the width in standard deviations
     * @return {@code {mid, upper, lower}}
     */
    static double[][] bands(double[] x, int period, double k) {
        return lines(x, period, k, true);
    }

    /** {@code {mean, upper, lower}} when {@code bands}, else {@code {mean, σ, unused}}. */
    private static double[][] lines(double[] x, int period, double k, boolean bands) {
        int n = x.length;
        double[][] out = {new double[n], new double[n], bands ? new double[n] : null};
        for (double[] o : out) {
            if (o != null) {
                Arrays.fill(o, 0, Math.min(n, period - 1), Double.NaN);
            }
        }
        Window w = new Window(x, period, k, bands, out);
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            int start = Math.max(b0, period - 1);
            if (start < b1) {
                w.block(start, b1);
            }
        }
        return out;
    }

    /** One Bollinger computation: the prefix of the current chunk and the outputs. */
    private static final class Window {
        private final double[] x;
        private final int period;
        private final double inv;
        private final double k;
        private final boolean bands;
        private final double[] mid;
        private final double[] second;
        private final double[] third;
        private final int chunk;
        private final double[] p1;
        private final double[] p2;

        Window(double[] x, int period, double k, boolean bands, double[][] out) {
            this.x = x;
            this.period = period;
            this.inv = 1.0 / period;
            this.k = k;
            this.bands = bands;
            this.mid = out[0];
            this.second = out[1];
            this.third = out[2];
            this.chunk = Math.max(CHUNK, period);
            p1 = new double[chunk + period];
            p2 = new double[chunk + period];
        }

        /** Rows {@code [from, to)}, all at or after the warm-up, in chunks that each get a shift of their own. */
        void block(int from, int to) {
            for (int c0 = from; c0 < to; c0 += chunk) {
                chunk(c0, Math.min(to, c0 + chunk));
            }
        }

        private void chunk(int from, int to) {
            int anchor = from + 1 - period;
            double m = x[(anchor + to) >>> 1];
            int len = to - anchor;
            double s1 = 0;
            double s2 = 0;
            int j = 0;
            // two rows per step, their pair added to the running sums once: half the dependent additions
            for (; j + 1 < len; j += 2) {
                double d0 = x[anchor + j] - m;
                double d1 = x[anchor + j + 1] - m;
                double q0 = d0 * d0;
                double q1 = d1 * d1;
                p1[j + 1] = s1 + d0;
                p2[j + 1] = s2 + q0;
                s1 += d0 + d1;
                s2 += q0 + q1;
                p1[j + 2] = s1;
                p2[j + 2] = s2;
            }
            if (j < len) {
                double d = x[anchor + j] - m;
                s1 += d;
                s2 += d * d;
                p1[j + 1] = s1;
                p2[j + 1] = s2;
            }
            if (!(Recursions.finite(s2) && Recursions.finite(m))) {
                for (int i = from; i < to; i++) {
                    slow(i);
                }
                return;
            }
            // Rounding bounds: Σd² only grows (so the additions of a window ending at p rounded below Σd²[p]), and
            // |Σd| <= sqrt(rows·Σd²) for any run of rows; a window's sum of squared deviations is trusted when above
            // TRUST times e2·Σd²[p] + |a|·(ea + |a|·eaa), a its Σd
            double e2 = EPS * (period + 6) * TRUST;
            double e1 = EPS * ((period + 4) * Math.sqrt(len * s2));
            double ea = 2 * inv * e1 * TRUST;
            double eaa = 6 * EPS * inv * TRUST;
            double amax = Math.sqrt(period * s2);
            boolean meansFine = (e1 + 2 * EPS * amax) * inv <= (Math.abs(m) - amax * inv) * MEAN_TRUST;
            int shift = 1 - anchor;
            for (int i = from; i < to; i++) {
                int p = i + shift;
                int q = p - period;
                double a = p1[p] - p1[q];
                double top = p2[p];
                double ss = (top - p2[q]) - a * a * inv;
                double abs = Math.abs(a);
                if (ss > e2 * top + abs * (ea + abs * eaa) && meansFine) {
                    write(i, m + a * inv, Math.sqrt(ss * inv));
                } else {
                    slow(i);
                }
            }
        }

        /**
         * One window summed on its own: compensated mean, corrected two-pass σ around it; NaN when the window holds
         * a non-finite value. For flat or badly conditioned windows and for chunks holding a non-finite value.
         */
        private void slow(int i) {
            int from = i - period + 1;
            double s = 0;
            double c = 0;
            for (int j = from; j <= i; j++) {
                double v = x[j];
                double t = s + v;
                double vv = t - s;
                c += (s - (t - vv)) + (v - vv);
                s = t;
            }
            double sum = s + c;
            if (!Recursions.finite(sum) || !Recursions.finite(c)) {
                mid[i] = Double.NaN;
                second[i] = Double.NaN;
                if (bands) {
                    third[i] = Double.NaN;
                }
                return;
            }
            double mean = sum / period;
            double s1 = 0;
            double s2 = 0;
            for (int j = from; j <= i; j++) {
                double d = x[j] - mean;
                s1 += d;
                s2 += d * d;
            }
            double var = (s2 - s1 * s1 / period) / period;
            write(i, mean, var > 0 ? Math.sqrt(var) : 0.0);
        }

        private void write(int i, double mean, double sigma) {
            mid[i] = mean;
            if (bands) {
                double band = sigma * k;
                second[i] = finiteOrNaN(mean + band);
                third[i] = finiteOrNaN(mean - band);
            } else {
                second[i] = sigma;
            }
        }

        private static double finiteOrNaN(double v) {
            return Recursions.finite(v) ? v : Double.NaN;
        }
    }
}
