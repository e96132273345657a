package io.qlir.ops.indicators;

import java.util.Arrays;

/**
 * The recursive kernels that follow TA-Lib operation for operation: EMA (SMA-seeded), Wilder's ATR and RSI.
 *
 * <p>They mirror TA-Lib's order of floating-point operations so that parity holds to the last few ulps, and they
 * treat a non-finite input as NaN: the recursion's state is then unknown, so that row and every later row is NaN.
 */
final class Recursions {

    private Recursions() {
    }

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /**
     * EMAs for many periods in one pass over {@code x}: seeded with the mean of the first {@code period} values at
     * index {@code period-1}, then {@code e = (x - e) * k + e} with {@code k = 2 / (period + 1)}.
     */
    static double[][] emas(double[] x, int[] periods) {
        int n = x.length;
        int m = periods.length;
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) {
            out[k] = new double[n];
            Arrays.fill(out[k], 0, Math.min(n, periods[k] - 1), Double.NaN);
        }
        double[] state = new double[m];
        double[] alpha = new double[m];
        for (int k = 0; k < m; k++) {
            alpha[k] = 2.0 / (periods[k] + 1);
        }
        for (int i = 0; i < n; i++) {
            double v = finite(x[i]) ? x[i] : Double.NaN;
            for (int k = 0; k < m; k++) {
                int p = periods[k];
                if (i < p - 1) {
                    state[k] += v;
                } else if (i == p - 1) {
                    state[k] = (state[k] + v) / p;
                    out[k][i] = state[k];
                } else {
                    state[k] = ((v - state[k]) * alpha[k]) + state[k];
                    out[k][i] = state[k];
                }
            }
        }
        return out;
    }

    /**
     * One EMA whose first value sits at {@code first}: seeded with the mean of {@code x[first-period+1 .. first]}
     * (TA-Lib's {@code INT_EMA} called with a start index), NaN before. Used by MACD.
     */
    static double[] ema(double[] x, int period, int first) {
        int n = x.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (first >= n) {
            return out;
        }
        double k = 2.0 / (period + 1);
        double sum = 0;
        for (int i = first - period + 1; i <= first; i++) {
            sum += finite(x[i]) ? x[i] : Double.NaN;
        }
        double e = sum / period;
        out[first] = e;
        for (int i = first + 1; i < n; i++) {
            double v = finite(x[i]) ? x[i] : Double.NaN;
            e = ((v - e) * k) + e;
            out[i] = e;
        }
        return out;
    }

    /**
     * True range from row 1 ({@code max(high-low, |high-prevClose|, |low-prevClose|)}, TA-Lib's comparison order);
     * row 0 is NaN because it has no previous close.
     */
    static double[] trueRange(double[] high, double[] low, double[] close) {
        int n = high.length;
        double[] tr = new double[n];
        if (n > 0) {
            tr[0] = Double.NaN;
        }
        for (int i = 1; i < n; i++) {
            double h = high[i];
            double l = low[i];
            double pc = close[i - 1];
            if (!(finite(h) && finite(l) && finite(pc))) {
                tr[i] = Double.NaN;
                continue;
            }
            double greatest = h - l;
            double v2 = Math.abs(pc - h);
            if (v2 > greatest) {
                greatest = v2;
            }
            double v3 = Math.abs(pc - l);
            if (v3 > greatest) {
                greatest = v3;
            }
            tr[i] = greatest;
        }
        return tr;
    }

    /**
     * Wilder's ATR for many periods in one pass over the true range: first value at index {@code period} = mean of
     * {@code tr[1 .. period]}, then {@code atr = (atr * (period-1) + tr) / period}.
     */
    static double[][] atrs(double[] tr, int[] periods) {
        int n = tr.length;
        int m = periods.length;
        double[][] out = new double[m][];
        double[] state = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = new double[n];
            Arrays.fill(out[k], 0, Math.min(n, periods[k]), Double.NaN);
        }
        for (int i = 1; i < n; i++) {
            double v = tr[i];
            for (int k = 0; k < m; k++) {
                int p = periods[k];
                if (i < p) {
                    state[k] += v;
                } else if (i == p) {
                    state[k] = (state[k] + v) / p;
                    out[k][i] = state[k];
                } else {
                    double a = state[k] * (p - 1);
                    a += v;
                    state[k] = a / p;
                    out[k][i] = state[k];
                }
            }
        }
        return out;
    }

    /**
     * Wilder's RSI for many periods in one pass, as TA-Lib computes it: average gain and loss over the first
     * {@code period} changes, first value at index {@code period}, then Wilder smoothing. A window without any
     * movement (gain + loss exactly 0) gives 0, as TA-Lib does.
     */
    static double[][] rsis(double[] x, int[] periods) {
        int n = x.length;
        int m = periods.length;
        double[][] out = new double[m][];
        double[] gain = new double[m];
        double[] loss = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = new double[n];
            Arrays.fill(out[k], 0, Math.min(n, periods[k]), Double.NaN);
        }
        for (int i = 1; i < n; i++) {
            double prev = x[i - 1];
            double cur = x[i];
            double diff = finite(prev) && finite(cur) ? cur - prev : Double.NaN;
            for (int k = 0; k < m; k++) {
                int p = periods[k];
                if (i <= p) {
                    addMove(gain, loss, k, diff);
                    if (i == p) {
                        loss[k] /= p;
                        gain[k] /= p;
                        out[k][i] = rsiValue(gain[k], loss[k]);
                    }
                } else {
                    loss[k] *= p - 1;
                    gain[k] *= p - 1;
                    addMove(gain, loss, k, diff);
                    loss[k] /= p;
                    gain[k] /= p;
                    out[k][i] = rsiValue(gain[k], loss[k]);
                }
            }
        }
        return out;
    }

    private static void addMove(double[] gain, double[] loss, int k, double diff) {
        if (Double.isNaN(diff)) {
            gain[k] = Double.NaN;
            loss[k] = Double.NaN;
        } else if (diff < 0) {
            loss[k] -= diff;
        } else {
            gain[k] += diff;
        }
    }

    private static double rsiValue(double gain, double loss) {
        double total = gain + loss;
        if (Double.isNaN(total)) {
            return Double.NaN;
        }
        return total == 0 ? 0.0 : 100.0 * (gain / total);
    }
}
