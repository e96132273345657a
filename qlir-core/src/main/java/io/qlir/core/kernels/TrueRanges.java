package io.qlir.core.kernels;

import static io.qlir.core.kernels.FiniteValues.finite;

/**
 * The true range kernel, shared by the core op {@code true_range} and qlir-ops' ATR/ATRP (which fuse it with their
 * recursion block by block, so it writes into a caller's buffer rather than a new column).
 * <pre>{@code
 * TrueRanges.into(high, low, close, 1, n, tr);   // tr[i - 1] = true range of row i
 * }</pre>
 */
public final class TrueRanges {

    private TrueRanges() {
    }

    /**
     * True ranges of rows {@code [from, to)} (from at least 1) into {@code tr[0 ..]}:
     * {@code max(high-low, |high-prevClose|, |low-prevClose|)} in TA-Lib's comparison order; NaN in, NaN out, and an
     * infinite input (which can give a finite-looking or infinite range) gives NaN too. Two finite inputs whose
     * difference overflows give +inf; callers that promise finite results map it.
     *
     * @param high the highs
     * @param low the lows
     * @param close the closes (row {@code i} reads the close of row {@code i-1})
     * @param from the first row, at least 1
     * @param to the row after the last
     * @param tr where row {@code i}'s range goes, at index {@code i - from}
     */
    public static void into(double[] high, double[] low, double[] close, int from, int to, double[] tr) {
        for (int i = from; i < to; i++) {
            double h = high[i];
            double l = low[i];
            double pc = close[i - 1];
            double greatest = h - l;
            double v2 = Math.abs(pc - h);
            if (v2 > greatest) {
                greatest = v2;
            }
            double v3 = Math.abs(pc - l);
            if (v3 > greatest) {
                greatest = v3;
            }
            tr[i - from] = finite(h) && finite(l) && finite(pc) ? greatest : Double.NaN;
        }
    }
}
