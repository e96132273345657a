package io.qlir.ops.indicators;

/**
 * Trailing-window sums inside one block buffer, by segment partial sums (van Herk / Gil-Werman): the rows are cut
 * into segments of {@code w} rows, aligned so that every window is the suffix of one segment plus a prefix of the
 * next, and each window's sum is {@code suffix + prefix}, two partial sums of fewer than {@code w} values each.
 *
 * <p>Why: nothing is carried from one window to the next beyond its own two segments, so no rounding accumulates
 * along the series (a running sum drifts; a block prefix needs compensation), and a NaN value makes exactly the
 * windows that contain it NaN. Each partial sum is a plain recursive sum, so a window's sum is within
 * {@code (w-1) * 2^-53 * sum(|x|)} of the exact value: for the windows up to {@value #PLAIN_MAX_WINDOW} rows that is
 * at most {@code 1.14e-13 * sum(|x|)}, the bound that {@link RollingSums}' fast path keeps. Longer windows use
 * TwoSum-compensated partial sums, each rounded once, so that their sum is within a few ulps of {@code sum(|x|)}.
 *
 * <p>Layout, for a window {@code w}, a shift and the window ends {@code u = j - shift} of the buffer rows
 * {@code j} in {@code [j0, j1)}: segments start at {@code g0 = j0 - shift - w + 1} and every {@code w} rows after.
 * {@code a[j]} holds the suffix part (from the window's first row to its segment's end) and {@code b[j]} the prefix
 * part (from the next segment's start to {@code u}; 0 when the window is exactly one segment), so the sum is
 * {@code a[j] + b[j]}: equal indices, which the caller's loop can vectorise. The prefixes run forward, so a kernel
 * that reads the rows in order can compute them while reading ({@link RangeBlocks#rangePct}); the suffixes run
 * backward, two segments to a loop so that two independent chains hide the add latency.
 */
final class WindowSums {

    /** The longest window summed without compensation (see the class comment). */
    static final int PLAIN_MAX_WINDOW = 1024;

    /** Independent add chains per loop: four hide the add latency (3 cycles) at about one row per cycle. */
    private static final int LANES = 4;

    private WindowSums() {
    }

    /** The first segment's first row for the buffer rows {@code [j0, ..)}: the first window's first row. */
    static int firstSegment(int w, int shift, int j0) {
        return j0 - shift - w + 1;
    }

    /**
     * The prefix parts: {@code b[t + shift]} for every row {@code t} in {@code [g0, end)}, the sum from the start of
     * its segment to {@code t}, or 0 on a segment's last row.
     */
    static void prefixes(double[] x, int w, int shift, int g0, int end, double[] b) {
        if (w > PLAIN_MAX_WINDOW) {
            compensatedPrefixes(x, w, shift, g0, end, b);
            return;
        }
        int q = (end - g0) / (LANES * w) * w;
        if (q > 0) {
            prefixLanes(x, w, shift, g0, q, b);
        }
        double f = 0;
        int p = 0;
        for (int t = g0 + LANES * q; t < end; t++) {
            f = p == 0 ? x[t] : f + x[t];
            b[t + shift] = f;
            p = p == w - 1 ? 0 : p + 1;
        }
        segmentEnds(w, shift, g0, end, b);
    }

    /**
     * The prefixes of four runs of {@code q} rows (a multiple of {@code w}) from {@code g}, side by side: four
     * independent add chains, one long loop, all restarting together at each segment start.
     */
    private static void prefixLanes(double[] x, int w, int shift, int g, int q, double[] b) {
        int g2 = g + q;
        int g3 = g2 + q;
        int g4 = g3 + q;
        double f1 = 0;
        double f2 = 0;
        double f3 = 0;
        double f4 = 0;
        int p = 0;
        for (int t = 0; t < q; t++) {
            if (p == 0) {
                f1 = 0;
                f2 = 0;
                f3 = 0;
                f4 = 0;
            }
            f1 += x[g + t];
            f2 += x[g2 + t];
            f3 += x[g3 + t];
            f4 += x[g4 + t];
            b[g + t + shift] = f1;
            b[g2 + t + shift] = f2;
            b[g3 + t + shift] = f3;
            b[g4 + t + shift] = f4;
            p = p == w - 1 ? 0 : p + 1;
        }
    }

    /** Zeroes {@code b} on each segment's last row: a window ending there is that segment, all suffix. */
    static void segmentEnds(int w, int shift, int g0, int end, double[] b) {
        for (int e = g0 + w - 1; e < end; e += w) {
            b[e + shift] = 0;
        }
    }

    /**
     * The suffix parts for the window ends {@code [.., u1)}: {@code a[s + w - 1 + shift]} is the sum from {@code s}
     * to its segment's end, for every {@code s} of every segment from {@code g0} that ends before {@code u1}. Writes
     * up to {@code w - 1} entries past {@code u1 + shift}.
     */
    static void suffixes(double[] x, int w, int shift, int g0, int u1, double[] a) {
        int ao = w - 1 + shift;
        int g = g0;
        if (w > PLAIN_MAX_WINDOW) {
            for (; g + w <= u1; g += w) {
                compensatedSuffixes(x, g, w, a, ao);
            }
            return;
        }
        int q = (u1 - g) / (LANES * w) * w;
        if (q > 0) {
            suffixLanes(x, w, g, q, a, ao);
            g += LANES * q;
        }
        for (; g + w <= u1; g += w) {
            double r = 0;
            for (int s = g + w - 1; s >= g; s--) {
                r += x[s];
                a[s + ao] = r;
            }
        }
    }

    /** The suffixes of four runs of {@code q} rows from {@code g}, side by side, each run walked backward. */
    private static void suffixLanes(double[] x, int w, int g, int q, double[] a, int ao) {
        int e1 = g + q - 1;
        int e2 = e1 + q;
        int e3 = e2 + q;
        int e4 = e3 + q;
        double r1 = 0;
        double r2 = 0;
        double r3 = 0;
        double r4 = 0;
        int p = 0;
        for (int t = 0; t < q; t++) {
            if (p == 0) {
                r1 = 0;
                r2 = 0;
                r3 = 0;
                r4 = 0;
            }
            r1 += x[e1 - t];
            r2 += x[e2 - t];
            r3 += x[e3 - t];
            r4 += x[e4 - t];
            a[e1 - t + ao] = r1;
            a[e2 - t + ao] = r2;
            a[e3 - t + ao] = r3;
            a[e4 - t + ao] = r4;
            p = p == w - 1 ? 0 : p + 1;
        }
    }

    private static void compensatedSuffixes(double[] x, int g, int w, double[] a, int ao) {
        double r = 0;
        double c = 0;
        for (int s = g + w - 1; s >= g; s--) {
            double v = x[s];
            double t = r + v;
            double vv = t - r;
            c += (r - (t - vv)) + (v - vv);
            r = t;
            a[s + ao] = r + c;
        }
    }

    private static void compensatedPrefixes(double[] x, int w, int shift, int g0, int end, double[] b) {
        double f = 0;
        double c = 0;
        int p = 0;
        for (int t = g0; t < end; t++) {
            double v = x[t];
            if (p == 0) {
                f = 0;
                c = 0;
            }
            double s = f + v;
            double vv = s - f;
            c += (f - (s - vv)) + (v - vv);
            f = s;
            b[t + shift] = f + c;
            p = p == w - 1 ? 0 : p + 1;
        }
        segmentEnds(w, shift, g0, end, b);
    }
}
