package io.qlir.ops.indicators;

import java.util.Arrays;

/**
 * Trailing-window sums and means for many windows in one blocked pass, exact to a few ulps however long the series.
 *
 * <p>How: rows are processed in blocks of {@value #BLOCK}. For each block a prefix sum is built from an anchor
 * {@code maxWindow} rows before the block's first row (so every window ending in the block starts at or after the
 * anchor), and each window's sum is a difference of two prefix values. The prefix is a compensated sum (Knuth's
 * branch-free TwoSum) kept as a pair {@code (hi, lo)}, so the difference {@code (hi[p]-hi[q]) + (lo[p]-lo[q])}
 * carries the low-order bits a plain running sum loses; re-anchoring every block keeps the magnitudes bounded, so no
 * rounding is ever carried from one block into the next. The prefix is built once per block for all windows, and
 * the per-window loop has no loop-carried dependency, so it vectorises; the cost per row and window is then a load
 * pair, three adds, a multiply and a store.
 *
 * <p>A non-finite input value makes every window that contains it NaN (a block whose prefix ends non-finite is
 * redone with a count of bad values, so the windows after it recover); rows before {@code window-1} are NaN.
 */
final class RollingSums {

    /** Rows per block: large enough to amortise the anchor overlap, small enough for the prefix to stay in cache. */
    static final int BLOCK = 4096;

    private RollingSums() {
    }

    /**
     * Trailing means, {@code out[k][i] = mean(x[i-w_k+1 .. i])}.
     *
     * @param x the input
     * @param windows the windows, each at least 1
     * @return one array per window
     */
    static double[][] means(double[] x, int[] windows) {
        return rolling(x, windows, true);
    }

    /**
     * Trailing sums, {@code out[k][i] = sum(x[i-w_k+1 .. i])}.
     *
     * @param x the input
     * @param windows the windows, each at least 1
     * @return one array per window
     */
    static double[][] sums(double[] x, int[] windows) {
        return rolling(x, windows, false);
    }

    /**
     * Trailing means written {@code shift} rows later: {@code out[k][i+shift] = mean(x[i-w_k+1 .. i])}, NaN in the
     * rows no window reaches. With shift 1, row {@code i} holds the mean of the {@code w} rows before it.
     *
     * @param x the input
     * @param windows the windows, each at least 1
     * @param shift how many rows later each mean is written, at least 0
     * @return one array per window
     */
    static double[][] means(double[] x, int[] windows, int shift) {
        double[][] out = new double[windows.length][x.length];
        into(x, windows, true, out, shift);
        return out;
    }

    private static double[][] rolling(double[] x, int[] windows, boolean mean) {
        double[][] out = new double[windows.length][x.length];
        into(x, windows, mean, out, 0);
        return out;
    }

    /** Writes the trailing sums or means into {@code out} (one array of {@code x.length} per window). */
    static void into(double[] x, int[] windows, boolean mean, double[][] out) {
        into(x, windows, mean, out, 0);
    }

    private static void into(double[] x, int[] windows, boolean mean, double[][] out, int shift) {
        int n = x.length;
        int maxW = 1;
        for (int w : windows) {
            maxW = Math.max(maxW, w);
        }
        double[] scale = new double[windows.length];
        for (int k = 0; k < windows.length; k++) {
            scale[k] = mean ? 1.0 / windows[k] : 1.0;
            Arrays.fill(out[k], 0, Math.min(n, windows[k] - 1 + shift), Double.NaN);
        }
        int cap = BLOCK + maxW + 1;
        double[] hi = new double[cap];
        double[] lo = new double[cap];
        int[] bad = null;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            int anchor = Math.max(0, b0 - maxW);
            int last = Math.min(b1, n - shift);
            if (prefix(x, anchor, b1, hi, lo)) {
                for (int k = 0; k < windows.length; k++) {
                    int start = Math.max(b0, windows[k] - 1);
                    int p0 = start + 1 - anchor;
                    if (last > start) {
                        differences(hi, lo, out[k], p0, p0 - windows[k], start + shift, last - start, scale[k]);
                    }
                }
            } else {
                bad = bad == null ? new int[cap] : bad;
                prefixCountingBad(x, anchor, b1, hi, lo, bad);
                for (int k = 0; k < windows.length; k++) {
                    int start = Math.max(b0, windows[k] - 1);
                    if (last > start) {
                        differencesSkippingBad(hi, lo, bad, out[k], start + 1 - anchor, windows[k], start + shift,
                                last - start, scale[k]);
                    }
                }
            }
        }
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

    /** The hot loop: simple affine indices and no branch, so that C2 vectorises it. */
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
