package io.qlir.core.kernels;

import java.util.Arrays;

/**
 * Trailing-window sums and means for many windows in one blocked pass, as accurate at row ten million as at row ten:
 * within {@code 1.2e-13} relative of the exact value for a positive series (prices, volumes), and within a few ulps
 * of the window's {@code sum(|x|)} for any series.
 *
 * <p>How: rows are processed in blocks of {@value #BLOCK}. For each block a prefix sum is built from an anchor
 * {@code maxWindow} rows before the block's first row (so every window ending in the block starts at or after the
 * anchor), and each window's sum is a difference of two prefix values. Re-anchoring every block keeps magnitudes
 * bounded, so no rounding is ever carried from one block into the next (a running sum carries it forever). Two
 * prefixes, chosen per block:
 *
 * <ul>
 *   <li><b>Shifted</b> (the fast path, what prices take): the plain prefix of {@code y = x - a}, where {@code a} is
 *       the block's first value, in one array. Shifting makes the prefix small, at most {@code L * r} for a block
 *       of {@code L} rows whose values lie within {@code r} of {@code a}; a window's sum then carries at most
 *       {@code (w + 2)} roundings of that size, so its mean is off by at most {@code 3 * L * r * 2^-53}. The path is
 *       kept only when that bound is small against the smallest value, {@code L * r <= 340 * (a - r)}, which makes
 *       the relative error at most {@code 2^-43 ~ 1.1e-13}; a price series moving less than about 8&nbsp;% within
 *       a block passes. It is fast because the prefix is two independent chains (the block's halves, joined by one
 *       vectorised add) and each row and window costs two loads from one array, with up to three windows sharing
 *       one loop over the rows.</li>
 *   <li><b>Compensated</b> (everything else: values near or crossing zero, a jump across scales, a non-finite value):
 *       the TwoSum-compensated prefix kept as a pair {@code (hi, lo)}, so the difference
 *       {@code (hi[p]-hi[q]) + (lo[p]-lo[q])} is within a few ulps of the window's sum whatever the values.</li>
 * </ul>
 *
 * <p>A non-finite input value makes every window that contains it NaN (a block holding one is redone with a count of
 * bad values, so the windows after it recover); rows before {@code window-1} are NaN.
 *
 * <p>Callers: qlir-ops' SMA and range indicators, and the core ops {@code rolling_mean} and {@code rolling_sum}.
 * <pre>{@code
 * double[][] sma = RollingSums.means(close, new int[] {20, 50});   // sma[0] is the 20-row mean
 * }</pre>
 */
public final class RollingSums {

    /** Rows per block: large enough to amortise the anchor overlap, small enough for the prefix to stay in cache. */
    static final int BLOCK = 4096;

    /** The shifted path's condition {@code L * r <= LIMIT * (a - r)} (see the class comment). */
    private static final double SHIFTED_PATH_LIMIT = 340;

    private RollingSums() {
    }

    /**
     * Trailing means, {@code out[k][i] = mean(x[i-w_k+1 .. i])}.
     *
     * @param x the input
     * @param windows the windows, each at least 1
     * @return one array per window
     */
    public static double[][] means(double[] x, int[] windows) {
        double[][] out = new double[windows.length][x.length];
        new Pass(x, windows, true, out).run();
        return out;
    }

    /**
     * Trailing sums, {@code out[k][i] = sum(x[i-w_k+1 .. i])}.
     *
     * @param x the input
     * @param windows the windows, each at least 1
     * @return one array per window
     */
    public static double[][] sums(double[] x, int[] windows) {
        double[][] out = new double[windows.length][x.length];
        new Pass(x, windows, false, out).run();
        return out;
    }

    /** One call's state: the windows, their outputs and the block buffers, reused block after block. */
    private static final class Pass {
        private final double[] x;
        private final int[] windows;
        private final boolean mean;
        private final double[][] out;
        private final int maxW;
        private final double[] scale;
        private final double[] hi;
        private final double[] lo;
        private int[] bad;

        Pass(double[] x, int[] windows, boolean mean, double[][] out) {
            this.x = x;
            this.windows = windows;
            this.mean = mean;
            this.out = out;
            // a window longer than the series writes nothing, so the buffers need not be longer than the series
            this.maxW = Math.max(1, Math.min(x.length, Arrays.stream(windows).max().orElse(1)));
            this.scale = new double[windows.length];
            for (int k = 0; k < windows.length; k++) {
                scale[k] = mean ? 1.0 / windows[k] : 1.0;
                Arrays.fill(out[k], 0, Math.min(x.length, windows[k] - 1), Double.NaN);
            }
            int cap = BLOCK + maxW + 1;
            this.hi = new double[cap];
            this.lo = new double[cap];
        }

        void run() {
            int n = x.length;
            for (int b0 = 0; b0 < n; b0 += BLOCK) {
                int b1 = Math.min(n, b0 + BLOCK);
                int anchor = Math.max(0, b0 - maxW);
                if (!shiftedBlock(b0, anchor, b1)) {
                    compensatedBlock(b0, anchor, b1);
                }
            }
        }

        /**
         * The fast path, if its bound holds for this block: the shifted prefix in {@link #hi}, then the windows,
         * three to a loop where they all start at the block's first row.
         */
        private boolean shiftedBlock(int b0, int anchor, int b1) {
            double a = x[b0];
            double r = shiftedPrefix(x, anchor, b1, a, hi);
            // positive, finite, and the bound of the class comment (false for a NaN r: every comparison fails)
            if (!(a - r > 0 && (b1 - anchor) * r <= SHIFTED_PATH_LIMIT * (a - r))) {
                return false;
            }
            int k = 0;
            while (k < windows.length) {
                // three windows share a loop once all three start at the block's first row (past their warm-up)
                if (k + 3 <= windows.length && warmedUp(k, b0) && warmedUp(k + 1, b0) && warmedUp(k + 2, b0)) {
                    group3(k, b0 + 1 - anchor, b0, b1 - b0, a);
                    k += 3;
                } else {
                    shiftedWindow(k++, b0, anchor, b1, a);
                }
            }
            return true;
        }

        /** Whether window {@code k} has a value at every row from {@code b0} on. */
        private boolean warmedUp(int k, int b0) {
            return windows[k] - 1 <= b0;
        }

        private void shiftedWindow(int k, int b0, int anchor, int b1, double a) {
            int start = Math.max(b0, windows[k] - 1);
            if (b1 > start) {
                int p0 = start + 1 - anchor;
                differences(hi, out[k], p0, p0 - windows[k], start, b1 - start, scale[k], offset(k, a));
            }
        }

        /**
         * Three windows in one loop. Scalar on JDK 17 (loads at different offsets from one array do not vectorise),
         * so sharing the row's load and the loop's overhead across windows is what makes it fast.
         */
        private void group3(int k, int p0, int o0, int count, double a) {
            double[] p = hi;
            double[] o1 = out[k];
            double[] o2 = out[k + 1];
            double[] o3 = out[k + 2];
            int q1 = p0 - windows[k];
            int q2 = p0 - windows[k + 1];
            int q3 = p0 - windows[k + 2];
            double s1 = scale[k];
            double s2 = scale[k + 1];
            double s3 = scale[k + 2];
            double a1 = offset(k, a);
            double a2 = offset(k + 1, a);
            double a3 = offset(k + 2, a);
            for (int j = 0; j < count; j++) {
                double v = p[p0 + j];
                o1[o0 + j] = (v - p[q1 + j]) * s1 + a1;
                o2[o0 + j] = (v - p[q2 + j]) * s2 + a2;
                o3[o0 + j] = (v - p[q3 + j]) * s3 + a3;
            }
        }

        /** What the shift took out of each window's result: {@code a} from a mean, {@code w*a} from a sum. */
        private double offset(int k, double a) {
            return mean ? a : a * windows[k];
        }

        /** The compensated path: the (hi, lo) prefix; if it ends non-finite, again counting the bad values. */
        private void compensatedBlock(int b0, int anchor, int b1) {
            if (prefix(x, anchor, b1, hi, lo)) {
                for (int k = 0; k < windows.length; k++) {
                    int start = Math.max(b0, windows[k] - 1);
                    int p0 = start + 1 - anchor;
                    if (b1 > start) {
                        differences(hi, lo, out[k], p0, p0 - windows[k], start, b1 - start, scale[k]);
                    }
                }
                return;
            }
            bad = bad == null ? new int[hi.length] : bad;
            prefixCountingBad(x, anchor, b1, hi, lo, bad);
            for (int k = 0; k < windows.length; k++) {
                int start = Math.max(b0, windows[k] - 1);
                if (b1 > start) {
                    differencesSkippingBad(hi, lo, bad, out[k], start + 1 - anchor, windows[k], start, b1 - start,
                            scale[k]);
                }
            }
        }
    }

    /**
     * Fills {@code p[j+1]} with the prefix over {@code x[anchor .. anchor+j] - a} (index 0 stays the empty prefix, 0),
     * as two independent chains over the range's halves so that the adds of one overlap the other's latency; the
     * second half is then lifted by the first's total in a loop that vectorises.
     *
     * @return the largest {@code |x - a|} in the range, or NaN when a value or the sum is not finite
     */
    private static double shiftedPrefix(double[] x, int anchor, int end, double a, double[] p) {
        int len = end - anchor;
        int half = len >>> 1;
        int second = anchor + half;
        double r = 0;
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < half; j++) {
            double v1 = x[anchor + j] - a;
            double v2 = x[second + j] - a;
            double u = Math.max(Math.abs(v1), Math.abs(v2));
            if (u > r) {
                r = u;
            }
            s1 += v1;
            s2 += v2;
            p[j + 1] = s1;
            p[half + j + 1] = s2;
        }
        if ((len & 1) != 0) {
            double v = x[end - 1] - a;
            r = Math.max(r, Math.abs(v));
            s2 += v;
            p[len] = s2;
        }
        for (int j = half + 1; j <= len; j++) {
            p[j] += s1;
        }
        return s1 - s1 == 0 && s2 - s2 == 0 ? r : Double.NaN;
    }

    /**
     * Fills {@code hi/lo[j+1]} with the compensated prefix over rows {@code [anchor, anchor+j]}; index 0 stays the
     * empty prefix (0).
     *
     * @return whether the prefix stayed finite (false when a value was NaN or infinite, or the sum overflowed)
     */
    private static boolean prefix(double[] x, int anchor, int end, double[] hi, double[] lo) {
        double s = 0;
        double c = 0;
        int len = end - anchor;
        for (int j = 0; j < len; j++) {
            double v = x[anchor + j];
            double t = s + v;
            double vv = t - s;
            c += (s - (t - vv)) + (v - vv);
            s = t;
            hi[j + 1] = s;
            lo[j + 1] = c;
        }
        return s - s == 0 && c - c == 0;
    }

    /** The slow path of a block holding a non-finite value: bad values add 0 and are counted in {@code bad}. */
    private static void prefixCountingBad(double[] x, int anchor, int end, double[] hi, double[] lo, int[] bad) {
        double s = 0;
        double c = 0;
        int nb = 0;
        int len = end - anchor;
        for (int j = 0; j < len; j++) {
            double v = x[anchor + j];
            if (v - v != 0) {
                nb++;
                v = 0;
            }
            double t = s + v;
            double vv = t - s;
            c += (s - (t - vv)) + (v - vv);
            s = t;
            hi[j + 1] = s;
            lo[j + 1] = c;
            bad[j + 1] = nb;
        }
    }

    /** One window from the shifted prefix. */
    private static void differences(double[] p, double[] o, int p0, int q0, int o0, int count, double scale,
            double offset) {
        for (int j = 0; j < count; j++) {
            o[o0 + j] = (p[p0 + j] - p[q0 + j]) * scale + offset;
        }
    }

    /** The compensated path's loop: simple affine indices and no branch. */
    private static void differences(double[] hi, double[] lo, double[] o, int p0, int q0, int o0, int count,
            double scale) {
        for (int j = 0; j < count; j++) {
            o[o0 + j] = ((hi[p0 + j] - hi[q0 + j]) + (lo[p0 + j] - lo[q0 + j])) * scale;
        }
    }

    private static void differencesSkippingBad(double[] hi, double[] lo, int[] bad, double[] o, int p0, int w, int o0,
            int count, double scale) {
        for (int j = 0; j < count; j++) {
            int p = p0 + j;
            int q = p - w;
            double v = ((hi[p] - hi[q]) + (lo[p] - lo[q])) * scale;
            o[o0 + j] = bad[p] != bad[q] || v - v != 0 ? Double.NaN : v;
        }
    }
}
