package io.qlir.ops.indicators;

import java.util.Arrays;

/**
 * Trailing-window sums and means for many windows in one blocked pass, exact to a few ulps however long the series.
 *
 * <p>How: rows are processed in blocks of {@value #BLOCK}. For each block a prefix sum is built from an anchor
 * {@code maxWindow} rows before the block's first row (so every window ending in the block starts at or after the
 * anchor), and each window's sum is a difference of two prefix values. The prefix is a compensated (Neumaier) sum
 * kept as a pair {@code (hi, lo)}, so the difference {@code (hi[p]-hi[q]) + (lo[p]-lo[q])} carries the low-order
 * bits a plain running sum loses; re-anchoring every block keeps the magnitudes bounded, so no rounding is ever
 * carried from one block into the next. The per-window loop has no loop-carried dependency and vectorises.
 *
 * <p>A non-finite input value makes every window that contains it NaN (counted with a prefix of bad values, so the
 * windows after it recover); rows before {@code window-1} are NaN.
 */
final class RollingSums {

    /** Rows per block: large enough to amortise the anchor overlap, small enough to stay in L1/L2. */
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

    private static double[][] rolling(double[] x, int[] windows, boolean mean) {
        int n = x.length;
        int maxW = 1;
        for (int w : windows) {
            maxW = Math.max(maxW, w);
        }
        double[][] out = new double[windows.length][n];
        for (int k = 0; k < windows.length; k++) {
            Arrays.fill(out[k], 0, Math.min(n, windows[k] - 1), Double.NaN);
        }
        int cap = BLOCK + maxW + 1;
        double[] hi = new double[cap];
        double[] lo = new double[cap];
        int[] bad = new int[cap];
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            int anchor = Math.max(0, b0 - maxW);
            boolean anyBad = prefix(x, anchor, b1, hi, lo, bad);
            for (int k = 0; k < windows.length; k++) {
                int w = windows[k];
                double scale = mean ? 1.0 / w : 1.0;
                int start = Math.max(b0, w - 1);
                if (anyBad) {
                    differencesSkippingBad(out[k], start, b1, anchor, w, scale, hi, lo, bad);
                } else {
                    differences(out[k], start, b1, anchor, w, scale, hi, lo);
                }
            }
        }
        return out;
    }

    /**
     * Fills {@code hi/lo/bad[p]} with the compensated prefix over rows {@code [anchor, anchor+p)}; index 0 is the
     * empty prefix. Non-finite values count as bad and add 0.
     *
     * @return whether any value in {@code [anchor, end)} was bad
     */
    private static boolean prefix(double[] x, int anchor, int end, double[] hi, double[] lo, int[] bad) {
        double s = 0;
        double c = 0;
        int nb = 0;
        hi[0] = 0;
        lo[0] = 0;
        bad[0] = 0;
        int p = 1;
        for (int r = anchor; r < end; r++, p++) {
            double v = x[r];
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                nb++;
                v = 0;
            }
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
            hi[p] = s;
            lo[p] = c;
            bad[p] = nb;
        }
        return nb > 0;
    }

    private static void differences(double[] o, int start, int end, int anchor, int w, double scale,
            double[] hi, double[] lo) {
        int shift = 1 - anchor;
        for (int i = start; i < end; i++) {
            int p = i + shift;
            int q = p - w;
            o[i] = ((hi[p] - hi[q]) + (lo[p] - lo[q])) * scale;
        }
    }

    private static void differencesSkippingBad(double[] o, int start, int end, int anchor, int w, double scale,
            double[] hi, double[] lo, int[] bad) {
        int shift = 1 - anchor;
        for (int i = start; i < end; i++) {
            int p = i + shift;
            int q = p - w;
            o[i] = bad[p] != bad[q] ? Double.NaN : ((hi[p] - hi[q]) + (lo[p] - lo[q])) * scale;
        }
    }
}
