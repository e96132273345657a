package io.qlir.ops.indicators;

import static io.qlir.core.kernels.FiniteValues.finite;
import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import java.util.Arrays;

/**
 * The recursive kernels in TA-Lib's conventions: EMA (SMA-seeded), Wilder's RSI, and MACD's two EMAs (Wilder's ATR
 * is in {@link Atr}, fused with its true range).
 *
 * <p>They follow TA-Lib's seeding and warm-up exactly (the seed is the same sum in the same order), and in the steady
 * state they compute the same recursion in the form that is fastest on a modern core: {@code e = (x - e)·k + e}
 * (TA-Lib's EMA) becomes {@code e = fma(1-k, e, k·x)} and Wilder's {@code (a·(p-1) + x)/p} becomes
 * {@code fma((p-1)/p, a, x/p)}, so each row's step on the recursion's critical path is one fused multiply-add
 * instead of a subtraction, a multiplication and an addition (or a division). Each step still rounds once or twice
 * and the recursion damps old errors, so the results stay within a few ulps of TA-Lib's. A non-finite input is
 * treated as NaN: the recursion's state is then unknown, so that row and every later row is NaN.
 */
final class Recursions {

    /** Rows per block of the RSI's buffered smoothing. */
    private static final int BLOCK = 2048;

    private Recursions() {
    }

    /**
     * EMAs for many periods over {@code x}: seeded with the mean of the first {@code period} values at index
     * {@code period-1}, then {@code e = (x - e) * k + e} with {@code k = 2 / (period + 1)}.
     */
    static double[][] emas(double[] x, int[] periods) {
        double[][] out = new double[periods.length][];
        for (int k = 0; k < periods.length; k++) {
            out[k] = new double[x.length];
            emaInto(x, periods[k], periods[k] - 1, out[k]);
        }
        return out;
    }

    /**
     * One EMA whose first value sits at {@code first}: seeded with the mean of {@code x[first-period+1 .. first]}
     * (TA-Lib's {@code INT_EMA} called with a start index), NaN before. Used by MACD.
     */
    static double[] ema(double[] x, int period, int first) {
        double[] out = new double[x.length];
        emaInto(x, period, first, out);
        return out;
    }

    private static void emaInto(double[] x, int period, int first, double[] out) {
        int n = x.length;
        Arrays.fill(out, 0, Math.min(n, first), Double.NaN);
        if (first >= n) {
            return;
        }
        double e = seedMean(x, first - period + 1, first, period);
        out[first] = e;
        double k = 2.0 / (period + 1);
        double keep = 1 - k;
        for (int i = first + 1; i < n; i++) {
            e = Math.fma(keep, e, k * finiteOrNaN(x[i]));
            out[i] = e;
        }
    }

    /** The mean of {@code x[from .. to]} summed in order (TA-Lib's seed), NaN if a value is not finite. */
    private static double seedMean(double[] x, int from, int to, int period) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += finiteOrNaN(x[i]);
        }
        return sum / period;
    }

    /**
     * MACD's line, TA-Lib's {@code TA_MACD} from row 0: the slow EMA seeded with the mean of {@code [0 .. slow-1]},
     * the fast one with the mean of {@code [slow-fast .. slow-1]}, both from row {@code slow-1}; the line is
     * {@code fast - slow} there on, NaN before. Both EMAs run in one pass and neither is stored.
     */
    static double[] macdLine(double[] x, int fast, int slow) {
        int n = x.length;
        double[] line = new double[n];
        int first = slow - 1;
        Arrays.fill(line, 0, Math.min(n, first), Double.NaN);
        if (first >= n) {
            return line;
        }
        double s = seedMean(x, 0, first, slow);
        double f = seedMean(x, slow - fast, first, fast);
        line[first] = f - s;
        double ks = 2.0 / (slow + 1);
        double kf = 2.0 / (fast + 1);
        double keepS = 1 - ks;
        double keepF = 1 - kf;
        for (int i = first + 1; i < n; i++) {
            double v = finiteOrNaN(x[i]);
            s = Math.fma(keepS, s, ks * v);
            f = Math.fma(keepF, f, kf * v);
            line[i] = f - s;
        }
        return line;
    }

    /**
     * Wilder's RSI for many periods, as TA-Lib computes it: average gain and loss over the first {@code period}
     * changes, first value at index {@code period}, then Wilder smoothing. A window without any movement
     * (gain + loss exactly 0) gives 0, as TA-Lib does.
     */
    static double[][] rsis(double[] x, int[] periods) {
        double[][] out = new double[periods.length][];
        for (int k = 0; k < periods.length; k++) {
            out[k] = rsi(x, periods[k]);
        }
        return out;
    }

    private static double[] rsi(double[] x, int p) {
        int n = x.length;
        double[] o = new double[n];
        Arrays.fill(o, 0, Math.min(n, p), Double.NaN);
        if (p >= n) {
            return o;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= p; i++) {
            double diff = change(x, i);
            if (Double.isNaN(diff)) {
                gain = Double.NaN;
                loss = Double.NaN;
            } else if (diff < 0) {
                loss -= diff;
            } else {
                gain += diff;
            }
        }
        loss /= p;
        gain /= p;
        o[p] = rsiValue(gain, loss);
        smoothRsi(x, p, gain, loss, o);
        return o;
    }

    /**
     * The steady state from row {@code p+1}, block by block: the two smoothings (independent chains, one fma each per
     * row) fill small buffers, and the division that turns them into RSI runs afterwards in a loop over those buffers
     * that C2 vectorises, instead of a scalar division on every row of the recursion.
     */
    private static void smoothRsi(double[] x, int p, double gain0, double loss0, double[] o) {
        int n = x.length;
        double keep = (p - 1.0) / p;
        double inv = 1.0 / p;
        double gain = gain0;
        double loss = loss0;
        double[] g = new double[Math.min(BLOCK, n)];
        double[] l = new double[g.length];
        double[] v = new double[g.length];
        for (int b0 = p + 1; b0 < n; b0 += BLOCK) {
            int len = Math.min(BLOCK, n - b0);
            for (int j = 0; j < len; j++) {
                double diff = change(x, b0 + j);
                // Math.max keeps NaN, so a NaN change poisons both averages as before
                gain = Math.fma(keep, gain, Math.max(diff, 0.0) * inv);
                loss = Math.fma(keep, loss, Math.max(-diff, 0.0) * inv);
                g[j] = gain;
                l[j] = loss;
            }
            for (int j = 0; j < len; j++) {
                v[j] = 100.0 * (g[j] / (g[j] + l[j]));
            }
            for (int j = 0; j < len; j++) {
                if (v[j] != v[j] && g[j] + l[j] == 0) { // no movement at all: 0, as TA-Lib (the division gave 0/0)
                    v[j] = 0.0;
                }
            }
            System.arraycopy(v, 0, o, b0, len);
        }
    }

    private static double change(double[] x, int i) {
        double prev = x[i - 1];
        double cur = x[i];
        return finite(prev) && finite(cur) ? cur - prev : Double.NaN;
    }

    private static double rsiValue(double gain, double loss) {
        double total = gain + loss;
        return total == 0 ? 0.0 : 100.0 * (gain / total);
    }
}
