package io.qlir.ops.indicators;

import io.qlir.core.kernels.FiniteValues;
import java.util.Arrays;

/**
 * Range shock in one blocked pass over the candles: per block, {@code range_pct} into a buffer as the candles are
 * read, each window's baseline sums by {@link WindowSums}, and the ratio {@code range_pct[i] / mean} in one
 * vectorised loop. No full-length array besides the outputs.
 *
 * <p>{@code out[k][i] = rp[i] / (sum(rp[i-shift-w+1 .. i-shift]) * (1/w))}, NaN where that is not finite (a zero
 * or NaN baseline, a NaN range, a baseline whose sum overflows) and in the first {@code w - 1 + shift} rows.
 */
final class RangeShockPass {

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final int[] windows;
    private final int shift;
    private final RangeBlocks blocks;
    private final double[] rp;
    private final double[] a;
    private final double[] b;
    private final double[][] out;

    private RangeShockPass(double[] open, double[] high, double[] low, int[] windows, int shift) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.windows = windows;
        this.shift = shift;
        this.blocks = new RangeBlocks(Arrays.stream(windows).max().orElse(1), shift, open.length);
        int cap = blocks.capacity;
        this.rp = new double[cap];
        this.a = new double[cap];
        this.b = new double[cap];
        this.out = new double[windows.length][];
    }

    /**
     * The range shock columns, one per window.
     *
     * @param shift 1 when execution-safe (the baseline ends at the bar before), 0 when historical
     */
    static double[][] compute(double[] open, double[] high, double[] low, int[] windows, int shift) {
        RangeShockPass pass = new RangeShockPass(open, high, low, windows, shift);
        pass.run();
        return pass.out;
    }

    private void run() {
        int n = open.length;
        for (int k = 0; k < windows.length; k++) {
            out[k] = new double[n];
            Arrays.fill(out[k], 0, Math.min(n, windows[k] - 1 + shift), Double.NaN);
        }
        for (int b0 = 0; b0 < n; b0 += blocks.rows) {
            block(b0, Math.min(n, b0 + blocks.rows));
        }
    }

    private void block(int b0, int b1) {
        int base = blocks.base(b0);
        int len = b1 - base;
        RangeBlocks.rangePct(open, high, low, base, rp, len);
        for (int k = 0; k < windows.length; k++) {
            int w = windows[k];
            int i0 = Math.max(b0, w - 1 + shift);
            if (i0 >= b1) {
                continue;
            }
            int j0 = i0 - base;
            int j1 = b1 - base;
            int g0 = WindowSums.firstSegment(w, shift, j0);
            WindowSums.parts(rp, w, shift, g0, j1 - shift, a, b);
            ratios(j0, j1, 1.0 / w);
            System.arraycopy(a, j0, out[k], i0, j1 - j0);
        }
    }

    /**
     * {@code a[j] = rp[j] / ((a[j] + b[j]) * scale)}, NaN where not finite or where the baseline's sum overflowed
     * (else {@code rp / inf} would be 0); equal indices, so it vectorises.
     */
    private void ratios(int j0, int j1, double scale) {
        double[] x = rp;
        double[] s = a;
        double[] p = b;
        for (int j = j0; j < j1; j++) {
            s[j] = FiniteValues.finiteOrNaN(x[j] / (FiniteValues.finiteOrNaN(s[j] + p[j]) * scale));
        }
    }
}
