package io.qlir.ops.indicators;

import io.qlir.core.kernels.FiniteValues;
import java.util.Arrays;

/**
 * ARP-D in one blocked pass over the candles. Per block: one scalar loop reads the candles and sorts each bar into
 * four per-bar values (its range if bullish, its range if bearish, 1 if bullish, 1 if bearish; 0 otherwise, and NaN
 * in all four for a bar without a finite open or close); {@link WindowSums} gives each value's window sums in two
 * parts; then each output is one vectorised loop over the block, copied into its column.
 *
 * <p>Encoding the unusable bar as NaN in every value is what makes the outputs plain arithmetic: a window holding
 * one has NaN counts, so NaN fractions and means; a window without a bullish bar has a bullish range sum of exactly
 * 0 and a count of 0, and {@code 0/0} is NaN, as defined; a bullish bar whose range is undefined makes only the
 * bullish sum NaN. The counts are sums of small integers, exact in any order.
 */
final class ArpDPass {

    /** Which outputs to keep; the pass computes all four and copies out the ones asked for. */
    record Wanted(boolean posMean, boolean negMean, boolean posFrac, boolean negFrac) {
    }

    /** The outputs, one array per window in each wanted family, null for the others. */
    record Columns(double[][] posMean, double[][] negMean, double[][] posFrac, double[][] negFrac) {
    }

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final int[] windows;
    private final RangeBlocks blocks;
    private final double[][] buf;
    private final Columns out;

    // buffer roles, indices into buf: the four per-bar values, the two parts of each one's window sums, a result
    private static final int POS = 0;
    private static final int NEG = 1;
    private static final int UP = 2;
    private static final int DOWN = 3;
    private static final int SCRATCH = 4;
    private static final int RESULT = 12;
    private static final int BUFFERS = 13;
    private static final long ONE = Double.doubleToRawLongBits(1.0);

    private ArpDPass(double[] open, double[] high, double[] low, double[] close, int[] windows, Wanted wanted) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.windows = windows;
        this.blocks = new RangeBlocks(Arrays.stream(windows).max().orElse(1), 0, open.length);
        this.buf = new double[BUFFERS][blocks.capacity];
        int n = open.length;
        this.out = new Columns(wanted.posMean ? columns(n) : null, wanted.negMean ? columns(n) : null,
                wanted.posFrac ? columns(n) : null, wanted.negFrac ? columns(n) : null);
    }

    static Columns compute(double[] open, double[] high, double[] low, double[] close, int[] windows,
            Wanted wanted) {
        ArpDPass pass = new ArpDPass(open, high, low, close, windows, wanted);
        int n = open.length;
        for (int b0 = 0; b0 < n; b0 += pass.blocks.rows) {
            pass.block(b0, Math.min(n, b0 + pass.blocks.rows));
        }
        return pass.out;
    }

    private double[][] columns(int n) {
        double[][] cols = new double[windows.length][n];
        for (int k = 0; k < windows.length; k++) {
            Arrays.fill(cols[k], 0, Math.min(n, windows[k] - 1), Double.NaN);
        }
        return cols;
    }

    private void block(int b0, int b1) {
        int base = blocks.base(b0);
        classify(base, b1 - base);
        for (int k = 0; k < windows.length; k++) {
            int w = windows[k];
            int i0 = Math.max(b0, w - 1);
            if (i0 < b1) {
                int j0 = i0 - base;
                int j1 = b1 - base;
                int g0 = WindowSums.firstSegment(w, 0, j0);
                for (int v = POS; v <= DOWN; v++) {
                    WindowSums.parts(buf[v], w, 0, g0, j1, suffixPart(v), prefixPart(v));
                }
                outputs(k, w, j0, j1, i0);
            }
        }
    }

    private double[] suffixPart(int value) {
        return buf[SCRATCH + 2 * value];
    }

    private double[] prefixPart(int value) {
        return buf[SCRATCH + 2 * value + 1];
    }

    /**
     * The four per-bar values of rows {@code [base, base+len)} (see the class comment), straight from the candles.
     * Scalar (its loads and stores sit at different offsets), and branch-free: a branch on the side mispredicts on
     * every other bar, which made this loop twice as slow.
     */
    private void classify(int base, int len) {
        double[] pos = buf[POS];
        double[] neg = buf[NEG];
        double[] up = buf[UP];
        double[] down = buf[DOWN];
        for (int t = 0; t < len; t++) {
            double o = open[base + t];
            double c = close[base + t];
            double r = RangeBlocks.rangePct(o, high[base + t], low[base + t]);
            // 0, or NaN when the open or the close is not finite
            double bad = (o - o) + (c - c);
            // the side as bit masks (all ones or zero) from the sign of c-o, so that nothing is chosen by a branch
            // (bullish and bearish bars come in random order); "+ 0.0" turns -0.0 into +0.0: a doji stays neither
            long bull = Double.doubleToRawLongBits((o - c) + 0.0) >> 63;
            long bear = Double.doubleToRawLongBits((c - o) + 0.0) >> 63;
            long rangeBits = Double.doubleToRawLongBits(r);
            pos[t] = Double.longBitsToDouble(rangeBits & bull) + bad;
            neg[t] = Double.longBitsToDouble(rangeBits & bear) + bad;
            up[t] = Double.longBitsToDouble(ONE & bull) + bad;
            down[t] = Double.longBitsToDouble(ONE & bear) + bad;
        }
    }

    /** The wanted outputs of window {@code k} for the buffer rows {@code [j0, j1)}, copied out from row {@code i0}. */
    private void outputs(int k, int w, int j0, int j1, int i0) {
        double[] result = buf[RESULT];
        if (out.posMean() != null) {
            means(suffixPart(POS), prefixPart(POS), suffixPart(UP), prefixPart(UP), result, j0, j1);
            System.arraycopy(result, j0, out.posMean()[k], i0, j1 - j0);
        }
        if (out.negMean() != null) {
            means(suffixPart(NEG), prefixPart(NEG), suffixPart(DOWN), prefixPart(DOWN), result, j0, j1);
            System.arraycopy(result, j0, out.negMean()[k], i0, j1 - j0);
        }
        if (out.posFrac() != null) {
            fractions(suffixPart(UP), prefixPart(UP), 1.0 / w, result, j0, j1);
            System.arraycopy(result, j0, out.posFrac()[k], i0, j1 - j0);
        }
        if (out.negFrac() != null) {
            fractions(suffixPart(DOWN), prefixPart(DOWN), 1.0 / w, result, j0, j1);
            System.arraycopy(result, j0, out.negFrac()[k], i0, j1 - j0);
        }
    }

    /** {@code sum / count}, NaN where not finite ({@code 0/0} without a bar of the side, an overflowed sum). */
    private static void means(double[] sa, double[] sb, double[] ca, double[] cb, double[] o, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            o[j] = FiniteValues.finiteOrNaN((sa[j] + sb[j]) / (ca[j] + cb[j]));
        }
    }

    private static void fractions(double[] ca, double[] cb, double scale, double[] o, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            o[j] = (ca[j] + cb[j]) * scale;
        }
    }
}
