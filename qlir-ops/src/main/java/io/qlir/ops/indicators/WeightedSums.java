package io.qlir.ops.indicators;

import java.util.Arrays;

/**
 * Linearly weighted trailing means (TA-Lib's WMA: weight {@code w} for the newest row down to 1 for the oldest) for
 * many windows in one blocked pass.
 *
 * <p>Per block, two compensated prefix sums anchored just before the block are built: {@code S1 = sum x} and
 * {@code S2 = sum t*x} with {@code t} the row's index relative to the anchor. A window ending at local index
 * {@code p} and starting after {@code q = p - w} has the weighted sum {@code (S2[p]-S2[q]) - q*(S1[p]-S1[q])}. The
 * subtraction cancels terms of size {@code q*w*x}, so its relative rounding grows with {@code q/w}; blocks are kept
 * short ({@code max(256, maxWindow)} rows) so the error stays below {@code ~8e-16 * (block + maxWindow) / (w + 1)}
 * (under {@code 1e-12} for windows up to a few thousand).
 */
final class WeightedSums {

    private WeightedSums() {
    }

    static double[][] means(double[] x, int[] windows) {
        int n = x.length;
        int maxW = 1;
        for (int w : windows) {
            maxW = Math.max(maxW, w);
        }
        maxW = Math.min(maxW, Math.max(1, n)); // a window longer than the series writes nothing: no longer buffers
        int block = Math.max(256, maxW);
        double[][] out = new double[windows.length][n];
        for (int k = 0; k < windows.length; k++) {
            Arrays.fill(out[k], 0, Math.min(n, windows[k] - 1), Double.NaN);
        }
        int cap = block + maxW + 1;
        Prefix s1 = new Prefix(cap);
        Prefix s2 = new Prefix(cap);
        int[] bad = new int[cap];
        for (int b0 = 0; b0 < n; b0 += block) {
            int b1 = Math.min(n, b0 + block);
            int anchor = Math.max(0, b0 - maxW);
            fill(x, anchor, b1, s1, s2, bad);
            for (int k = 0; k < windows.length; k++) {
                int w = windows[k];
                double denominator = w * (w + 1.0) / 2.0;
                double[] o = out[k];
                int shift = 1 - anchor;
                for (int i = Math.max(b0, w - 1); i < b1; i++) {
                    int p = i + shift;
                    int q = p - w;
                    if (bad[p] != bad[q]) {
                        o[i] = Double.NaN;
                        continue;
                    }
                    double d1 = s1.difference(p, q);
                    double d2 = s2.difference(p, q);
                    o[i] = (d2 - q * d1) / denominator;
                }
            }
        }
        return out;
    }

    private static void fill(double[] x, int anchor, int end, Prefix s1, Prefix s2, int[] bad) {
        s1.reset();
        s2.reset();
        int nb = 0;
        bad[0] = 0;
        int p = 1;
        for (int r = anchor; r < end; r++, p++) {
            double v = x[r];
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                nb++;
                v = 0;
            }
            s1.add(p, v, 0);
            double tv = p * v;
            s2.add(p, tv, Math.fma(p, v, -tv)); // with the product's rounding error, so that S2 is exact too
            bad[p] = nb;
        }
    }

    /** A compensated (Neumaier) prefix sum kept as (hi, lo) pairs per index. */
    private static final class Prefix {
        private final double[] hi;
        private final double[] lo;
        private double s;
        private double c;

        Prefix(int cap) {
            hi = new double[cap];
            lo = new double[cap];
        }

        void reset() {
            s = 0;
            c = 0;
        }

        /** Adds {@code v} (plus a known low-order correction {@code low}) and records the prefix at {@code p}. */
        void add(int p, double v, double low) {
            double t = s + v;
            c += (Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s) + low;
            s = t;
            hi[p] = s;
            lo[p] = c;
        }

        double difference(int p, int q) {
            return (hi[p] - hi[q]) + (lo[p] - lo[q]);
        }
    }
}
