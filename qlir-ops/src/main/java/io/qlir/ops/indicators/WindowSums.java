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
 * at most {@code 1.14e-13 * sum(|x|)}, the bound that {@link io.qlir.core.kernels.RollingSums}' fast path keeps.
 * Longer windows use TwoSum-compensated partial sums, each rounded once, so that their sum is within a few ulps of {@code sum(|x|)}.
 *
 * <p>Layout, for a window {@code w}, a shift and the window ends {@code u = j - shift} of the buffer rows
 * {@code j} in {@code [j0, j1)}: segments start at {@code g0 = j0 - shift - w + 1} and every {@code w} rows after.
 * {@code a[j]} holds the suffix part (from the window's first row to its segment's end) and {@code b[j]} the prefix
 * part (from the next segment's start to {@code u}; 0 when the window is exactly one segment), so the sum is
 * {@code a[j] + b[j]}: equal indices, which the caller's loop can vectorise. The prefixes run forward and the
 * suffixes backward in one long loop over two runs of whole segments side by side (four independent add chains,
 * all restarting at each segment start), which measured faster than short loops of {@code w} iterations per
 * segment, than separate prefix and suffix loops, and than a chain fused into the loop that reads the candles
 * (there it waits on every cache miss).
 */
final class WindowSums {

    /** The longest window summed without compensation (see the class comment). */
    static final int PLAIN_MAX_WINDOW = 1024;

    private WindowSums() {
    }

    /** The first segment's first row for the buffer rows {@code [j0, ..)}: the first window's first row. */
    static int firstSegment(int w, int shift, int j0) {
        return j0 - shift - w + 1;
    }

    /**
     * Writes both parts of the window sums whose window ends lie in {@code [g0 + w - 1, u1)} (see the class comment
     * for the layout): {@code b[u + shift]} and {@code a[u + shift]} for each such end {@code u}. Also writes
     * meaningless values below {@code g0 + w - 1 + shift} and up to {@code w - 1} suffixes past {@code u1 + shift}.
     */
    static void parts(double[] x, int w, int shift, int g0, int u1, double[] a, double[] b) {
        boolean plain = w <= PLAIN_MAX_WINDOW;
        // whole segments (in two runs side by side when plain), then at most one whole segment and a partial one
        int q = (u1 - g0) / (2 * w) * w;
        if (q > 0 && plain) {
            twoRuns(x, w, shift, g0, q, a, b);
        } else if (q > 0) {
            compensatedRun(x, w, shift, g0, 2 * q, a, b);
        }
        int g = g0 + 2 * q;
        int ao = w - 1 + shift;
        if (plain) {
            double f = 0;
            int p = 0;
            for (int t = g; t < u1; t++) {
                f = p == 0 ? x[t] : f + x[t];
                b[t + shift] = f;
                p = p == w - 1 ? 0 : p + 1;
            }
            if (g + w <= u1) {
                double r = 0;
                for (int s = g + w - 1; s >= g; s--) {
                    r += x[s];
                    a[s + ao] = r;
                }
            }
        } else {
            compensatedPrefixes(x, w, shift, g, u1, b);
            if (g + w <= u1) {
                compensatedSuffixes(x, g, w, a, ao);
            }
        }
        // a window ending on a segment's last row is that segment, all suffix
        for (int e = g0 + w - 1; e < u1; e += w) {
            b[e + shift] = 0;
        }
    }

    /**
     * Prefixes and suffixes of two runs of {@code q} rows (whole segments) from {@code g}, in one long loop: four
     * independent add chains (forward and backward in each run), all restarting at each segment start.
     */
    private static void twoRuns(double[] x, int w, int shift, int g, int q, double[] a, double[] b) {
        int g2 = g + q;
        int e1 = g2 - 1;
        int e2 = e1 + q;
        int ao = w - 1 + shift;
        double f1 = 0;
        double f2 = 0;
        double r1 = 0;
        double r2 = 0;
        int p = 0;
        for (int t = 0; t < q; t++) {
            if (p == 0) {
                f1 = 0;
                f2 = 0;
                r1 = 0;
                r2 = 0;
            }
            f1 += x[g + t];
            f2 += x[g2 + t];
            r1 += x[e1 - t];
            r2 += x[e2 - t];
            b[g + t + shift] = f1;
            b[g2 + t + shift] = f2;
            a[e1 - t + ao] = r1;
            a[e2 - t + ao] = r2;
            p = p == w - 1 ? 0 : p + 1;
        }
    }

    /**
     * The compensated prefixes and suffixes of the whole segments in {@code q} rows from {@code g}, in one long loop:
     * a forward and a backward TwoSum chain (throughput-bound at about seven adds each, so two chains suffice), each
     * partial sum rounded once ({@code hi + lo}).
     */
    private static void compensatedRun(double[] x, int w, int shift, int g, int q, double[] a, double[] b) {
        int e = g + q - 1;
        int ao = w - 1 + shift;
        double f = 0;
        double fc = 0;
        double r = 0;
        double rc = 0;
        int p = 0;
        for (int t = 0; t < q; t++) {
            if (p == 0) {
                f = 0;
                fc = 0;
                r = 0;
                rc = 0;
            }
            double v = x[g + t];
            double s = f + v;
            fc += twoSumError(f, v, s);
            f = s;
            double u = x[e - t];
            double z = r + u;
            rc += twoSumError(r, u, z);
            r = z;
            b[g + t + shift] = f + fc;
            a[e - t + ao] = r + rc;
            p = p == w - 1 ? 0 : p + 1;
        }
    }

    /** The rounding error of {@code s = u + v} (Knuth's TwoSum): {@code u + v - s} exactly. */
    private static double twoSumError(double u, double v, double s) {
        double vv = s - u;
        return (u - (s - vv)) + (v - vv);
    }

    private static void compensatedSuffixes(double[] x, int g, int w, double[] a, int ao) {
        double r = 0;
        double c = 0;
        for (int s = g + w - 1; s >= g; s--) {
            double v = x[s];
            double t = r + v;
            c += twoSumError(r, v, t);
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
            c += twoSumError(f, v, s);
            f = s;
            b[t + shift] = f + c;
            p = p == w - 1 ? 0 : p + 1;
        }
    }
}
