package io.qlir.core.kernels;

import static io.qlir.core.kernels.FiniteValues.finite;
import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import java.util.Arrays;

/**
 * Bollinger lines (mean and mean ± k·σ, σ the population standard deviation) of every trailing window in O(1) per
 * row, without the cancellation of a running {@code Σx² - (Σx)²/n} over the whole series.
 *
 * <p>How: rows are processed in chunks of about {@value #CHUNK} (three periods for short windows, one for long ones).
 * Each chunk is shifted by the value {@code m} of its middle row, so it works with deviations {@code d = x - m} about
 * as small as the spread of nearby windows, and builds prefix sums of {@code d} and {@code d²} from the first row its
 * windows read. A window's sums are differences of two prefix values; its mean is {@code m + Σd/n} and
 * {@code Σ(d - mean)² = Σd² - (Σd)²/n}. Because {@code m} lies within the chunk, the cancellation between those two
 * terms is mild, and the few roundings of short prefix sums are bounded (see {@link Bounds}); every window's result
 * is checked against that bound (mean within 1.5e-14, σ within 5e-13 relative). A window that fails it is flat (its
 * value, no spread), or redone: shifted by its own middle value when its chunk's shift was too far from it (right
 * after a jump of the price by orders of magnitude), else on its own (a mean near zero): compensated mean, corrected
 * two-pass σ. On price data that is rare, so the cost stays O(1) per row.
 *
 * <p>Why two passes per block of {@value #BLOCK} rows: the prefix sums are serial and their differences read the
 * prefix at two offsets, which JDK 17's auto-vectoriser does not pack, while a scalar square root costs more than
 * everything else per row. So the serial pass writes each window's mean and sum of squared deviations straight into
 * the output columns, and a second loop over the same rows, still in cache, turns them into the bands with every
 * array read and written at the same index: C2 vectorises it, square roots included.
 *
 * <p>A chunk holding a non-finite value is computed window by window (a window containing one is NaN in all three
 * lines); rows before {@code period-1} are NaN; a line that is not finite is NaN.
 *
 * <p>Callers: qlir-ops' Bollinger bands, and the core ops {@code rolling_pop_std} and {@code rolling_std} (the σ
 * alone, divisor {@code period} or {@code period-1}).
 * <pre>{@code
 * double[][] lines = RollingDeviations.bands(close, 20, 2.0);   // {mid, upper, lower}
 * }</pre>
 */
public final class RollingDeviations {

    /** Rows per block: the rows the vectorised pass finishes at once, while they are still in cache. */
    static final int BLOCK = 4096;

    /** Rows per chunk (at least the period): each chunk is shifted by the value of its middle row. */
    static final int CHUNK = 32;

    private RollingDeviations() {
    }

    /**
     * Population σ (divisor {@code period}) of each trailing window; NaN before row {@code period-1} and where the
     * window holds a non-finite value.
     * <pre>{@code
     * double[] sigma = RollingDeviations.sigma(close, 20);
     * }</pre>
     *
     * @param x the input
     * @param period the window, at least 1
     * @return one σ per row
     */
    public static double[] sigma(double[] x, int period) {
        return sigma(x, period, 0);
    }

    /**
     * σ of each trailing window with {@code ddof} delta degrees of freedom (divisor {@code period - ddof}: 0 for the
     * population σ, 1 for the sample σ of pandas' {@code rolling().std()}). Same kernel and bounds as
     * {@link #sigma(double[], int)}: only the final division differs.
     *
     * @param x the input
     * @param period the window, greater than {@code ddof}
     * @param ddof 0 or 1
     * @return one σ per row
     */
    public static double[] sigma(double[] x, int period, int ddof) {
        return lines(x, period, 0, false, ddof)[1];
    }

    /**
     * Bollinger lines {@code {mid, upper, lower}} (mean and mean ± k·population σ) of each trailing window.
     *
     * @param x the input
     * @param period the window, at least 1
     * @param k the width in σ
     * @return three arrays: mid, upper, lower
     */
    public static double[][] bands(double[] x, int period, double k) {
        return lines(x, period, k, true, 0);
    }

    /** {@code {mean, upper, lower}} when {@code bands}, else {@code {mean, σ, unused}}. */
    private static double[][] lines(double[] x, int period, double k, boolean bands, int ddof) {
        int n = x.length;
        double[][] out = {new double[n], new double[n], bands ? new double[n] : null};
        for (double[] o : out) {
            if (o != null) {
                Arrays.fill(o, 0, Math.min(n, period - 1), Double.NaN);
            }
        }
        if (period > n) {
            return out; // all NaN, and no buffers the size of the window
        }
        Window w = new Window(x, period, k, bands, ddof, out);
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            int start = Math.max(b0, period - 1);
            if (start < b1) {
                w.block(start, b1);
            }
        }
        return out;
    }

    /**
     * The rigorous bounds on the roundings of the chunked scheme, as the constants its checks multiply by.
     *
     * <p>For a window of {@code w} rows ending {@code L} rows after its chunk's first row, with {@code top} the
     * {@code Σd²} prefix at its end (the prefix only grows, so every rounding inside the window is at most
     * {@code u·top}, {@code u = 2^-53}) and {@code a} its {@code Σd}: rounding the deviations moves the sum of squared
         * deviations by at most {@code 2u·top}, the squares by {@code u·top}, the paired prefix (at most {@code w/2+2}
     * additions to the running sum, two intermediate values, the pair sums) by {@code (w/2+5)u·top} and the two
     * subtractions by {@code 2u·top}. The
     * prefix of {@code d} has the same structure, so {@code a} is off by at most {@code (w/2+7)u·M}, with
     * {@code M <= sqrt(L·top)} the largest prefix of {@code |d|} (Cauchy-Schwarz); that moves {@code a²/w} by at most
     * {@code 2|a|(w/2+7)u·M/w <= spread·u·(μ·top + a2/μ)} with {@code spread = (w/2+7)·sqrt(L/w)},
     * {@code a2 = a²/w} and any {@code μ > 0} ({@code 2xy <= μx² + y²/μ}; {@code μ = 1/2} fails the fewest windows
     * on price walks), and computing {@code a2} adds {@code 3u·a2}. With a unit more for second-order terms and one
     * for the check's own roundings, a window is trusted when its sum of squared deviations exceeds 2^40 times
     * {@code u·top·(w/2+12+spread/2) + u·a2·(4+2·spread)}, so it is within 2^-40 relative and σ within 5e-13.
     *
     * <p>The mean {@code m + a/w} is off by at most {@code ((w/2+8)u·M + 2u|a|)/w} plus its last rounding; it is
     * trusted for a whole chunk when that, taken with the chunk's final {@code Σd²} as {@code top}, is below 2^-46 of
     * {@code |m| - |a|/w}: squared, {@code Σd²·meanFactor <= m²}, no root.
     */
    static final class Bounds {

        private static final double U = 0x1p-53;
        private static final double TRUST = 0x1p40;
        private static final double MEAN_TRUST = 0x1p-46;

        /** Times {@code top}: the part of the bound from the sums of squares. */
        final double topFactor;
        /** Times {@code a²/w}: the part of the bound from the sum of deviations. */
        final double squareFactor;
        /** Times the chunk's {@code Σd²}, compared with {@code m²}: whether the chunk's means are trusted. */
        final double meanFactor;
        /** Times {@code m² + Σd²}: at most 2^1000, so that no line can overflow. */
        final double rangeFactor;

        Bounds(int period, int rowsFromAnchor, double k) {
            double w = period;
            double spread = (w / 2 + 7) * Math.sqrt(rowsFromAnchor / w);
            topFactor = TRUST * U * (w / 2 + 12 + spread / 2);
            squareFactor = TRUST * U * (4 + 2 * spread);
            double root = Math.sqrt(w);
            double c = (w / 2 + 9) * U * Math.sqrt(rowsFromAnchor) / w + 3 * U / root + MEAN_TRUST / root;
            meanFactor = (c / MEAN_TRUST) * (c / MEAN_TRUST) * (1 + 0x1p-20);
            rangeFactor = 2 * (1 + k) * (1 + k);
        }

        /** Whether the means of a chunk shifted by {@code m} whose {@code Σd²} ends at {@code s2} are trusted. */
        boolean chunkFine(double m, double s2) {
            double mm = m * m;
            return s2 * meanFactor <= mm && mm >= 0x1p-800 && (mm + s2) * rangeFactor <= 0x1p1000;
        }
    }

    /** One Bollinger computation: the prefix of the current chunk, the outputs, and the rows to redo on their own. */
    private static final class Window {
        private final double[] x;
        private final int period;
        private final double inv;
        /** The variance's divisor {@code period - ddof} ({@code period} for the population σ), and its inverse. */
        private final int divisor;
        private final double varianceInv;
        private final double k;
        private final boolean bands;
        private final double[] mid;
        private final double[] second;
        private final double[] third;
        private final int chunk;
        private final double[] p1;
        private final double[] p2;
        private final Bounds bounds;
        private final int[] redo = new int[BLOCK];
        private int redoCount;

        Window(double[] x, int period, double k, boolean bands, int ddof, double[][] out) {
            this.x = x;
            this.period = period;
            this.inv = 1.0 / period;
            this.divisor = period - ddof;
            this.varianceInv = 1.0 / divisor;
            this.k = k;
            this.bands = bands;
            this.mid = out[0];
            this.second = out[1];
            this.third = out[2];
            this.chunk = chunkRows(period);
            p1 = new double[chunk + period + 1];
            p2 = new double[chunk + period + 1];
            bounds = new Bounds(period, chunk + period - 1, k);
        }

        /**
         * Rows per chunk: 32, but three periods for short windows, whose σ is small against a long chunk's drift (so
         * its windows would fail their bound), and one period for long ones, so that the {@code period-1} rows each
         * chunk re-reads stay at most half of its work.
         */
        static int chunkRows(int period) {
            return Math.max(period, Math.min(CHUNK, 3 * period));
        }

        /**
         * Rows {@code [from, to)}, all at or after the warm-up: the serial pass per chunk leaves each row's mean in
         * {@code mid} and its sum of squared deviations in {@code second}, then one vectorised loop finishes them,
         * then the rows that failed their bound are redone.
         */
        void block(int from, int to) {
            redoCount = 0;
            for (int c0 = from; c0 < to; c0 += chunk) {
                chunk(c0, Math.min(to, c0 + chunk));
            }
            finish(from, to);
            redoRows();
        }

        private void finish(int from, int to) {
            if (bands) {
                finishBands(mid, second, third, from, to, inv, k);
            } else {
                finishSigma(second, from, to, varianceInv);
            }
        }

        /**
         * The rows whose window failed its bound, cheapest way first: a run of flat windows (one value, as runs of
         * unchanged closes in illiquid markets) is filled with that value; a window whose chunk's shift was too far
         * from it is redone as a chunk of its own, shifted by its middle value (a chunk that failed as a whole,
         * marked {@code ~row}, is not worth that); what still fails is summed on its own.
         */
        private void redoRows() {
            int failed = redoCount;
            redoCount = 0;
            for (int r = 0; r < failed; r++) {
                int code = redo[r];
                if (code >= 0 && flat(code)) {
                    r = fillFlatRun(r, failed);
                } else if (code < 0) {
                    redo[redoCount++] = code;
                } else {
                    int before = redoCount;
                    chunk(code, code + 1);
                    if (redoCount == before) {
                        finish(code, code + 1);
                    }
                }
            }
            for (int r = 0; r < redoCount; r++) {
                slow(redo[r] < 0 ? ~redo[r] : redo[r]);
            }
        }

        /** Whether row {@code i}'s window holds one finite value only. */
        private boolean flat(int i) {
            double v = x[i];
            for (int j = i - period + 1; j < i; j++) {
                if (x[j] != v) {
                    return false;
                }
            }
            return finite(v);
        }

        /**
         * Fills the flat window at {@code redo[r]} and the next failed rows while each adds the same value (so its
         * window is flat too); returns the index of the last one filled.
         */
        private int fillFlatRun(int r, int failed) {
            int from = redo[r];
            double v = x[from];
            int to = from + 1;
            while (r + 1 < failed && redo[r + 1] == to && x[to] == v) {
                to++;
                r++;
            }
            Arrays.fill(mid, from, to, v);
            Arrays.fill(second, from, to, bands ? v : 0.0);
            if (bands) {
                Arrays.fill(third, from, to, v);
            }
            return r;
        }

        /**
         * The windows ending in rows {@code [from, to)}, shifted by the chunk's middle value; all of them redone
         * (marked {@code ~row}) when the chunk's means are not trusted or its values are not all finite.
         */
        private void chunk(int from, int to) {
            int anchor = from + 1 - period;
            double m = x[(anchor + to) >>> 1];
            double s1 = history(anchor, from, m);
            int firstRedo = redoCount;
            double s2 = windows(from, to, m, s1, p2[period - 1]);
            if (!bounds.chunkFine(m, s2)) {
                redoCount = firstRedo;
                for (int r = from; r < to; r++) {
                    redo[redoCount++] = ~r;
                }
            }
        }

        /** Continues the prefix from the history's sums over rows {@code [from, to)}; returns the final Σd². */
        private double windows(int from, int to, double m, double s1, double s2) {
            int base = from - period;
            int i = from;
            // two rows per step, their pair added to the running sums once: half the dependent additions
            for (; i + 1 < to; i += 2) {
                double d0 = x[i] - m;
                double d1 = x[i + 1] - m;
                double q0 = d0 * d0;
                double q1 = d1 * d1;
                double t1 = s1 + d0;
                double t2 = s2 + q0;
                s1 += d0 + d1;
                s2 += q0 + q1;
                int p = i - base;
                p1[p] = t1;
                p2[p] = t2;
                p1[p + 1] = s1;
                p2[p + 1] = s2;
                row(i, m, t1 - p1[p - period], t2 - p2[p - period], t2);
                row(i + 1, m, s1 - p1[p + 1 - period], s2 - p2[p + 1 - period], s2);
            }
            if (i < to) {
                double d = x[i] - m;
                s1 += d;
                s2 += d * d;
                int p = i - base;
                p1[p] = s1;
                p2[p] = s2;
                row(i, m, s1 - p1[p - period], s2 - p2[p - period], s2);
            }
            return s2;
        }

        /** The prefix over the {@code period-1} rows before the chunk's first window end; returns its {@code Σd}. */
        private double history(int anchor, int from, double m) {
            double s1 = 0;
            double s2 = 0;
            int len = from - anchor;
            int j = 0;
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
            return s1;
        }

        /** One window's mean and sum of squared deviations, from its {@code Σd} and {@code Σd²}, checked. */
        private void row(int i, double m, double a, double sumSquares, double top) {
            double aOverN = a * inv;
            double a2 = a * aOverN;
            double ss = sumSquares - a2;
            mid[i] = m + aOverN;
            second[i] = ss;
            if (!(ss > top * bounds.topFactor + a2 * bounds.squareFactor)) {
                redo[redoCount++] = i;
            }
        }

        /** Same index everywhere, no branch: C2 vectorises it, square root included. */
        private static void finishBands(double[] mid, double[] upper, double[] lower, int from, int to, double inv,
                double k) {
            for (int i = from; i < to; i++) {
                double m = mid[i];
                double band = Math.sqrt(upper[i] * inv) * k;
                upper[i] = m + band;
                lower[i] = m - band;
            }
        }

        private static void finishSigma(double[] sigma, int from, int to, double inv) {
            for (int i = from; i < to; i++) {
                sigma[i] = Math.sqrt(sigma[i] * inv);
            }
        }

        /**
         * One window summed on its own: compensated mean, corrected two-pass σ around it; NaN when the window holds
         * a non-finite value. For windows that failed even their own shift and for chunks that failed as a whole.
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
            if (!finite(sum) || !finite(c)) {
                write(i, Double.NaN, Double.NaN);
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
            double var = (s2 - s1 * s1 / period) / divisor;
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
    }
}
