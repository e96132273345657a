package io.qlir.ops.indicators;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;

/**
 * TA-Lib's Java port ({@code com.tictactec:ta-lib:0.4.0}) called on whole series, its outputs placed at their row
 * (NaN before {@code outBegIdx}), so they line up with qlir's columns.
 */
final class TaLib {

    private TaLib() {
    }

    /** One TA-Lib call writing into compact buffers. */
    private interface Call {
        RetCode run(Core core, int end, MInteger begin, MInteger count);
    }

    private static void place(int n, Call call, double[]... compactAndFull) {
        for (double[] full : compactAndFull) {
            Arrays.fill(full, Double.NaN);
        }
        if (n == 0) {
            return;
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode rc = call.run(new Core(), n - 1, begin, count);
        if (rc != RetCode.Success) {
            throw new IllegalStateException("TA-Lib returned " + rc);
        }
        // compact buffers were written from index 0; shift them to their rows
        for (double[] buf : compactAndFull) {
            double[] compact = Arrays.copyOf(buf, count.value);
            Arrays.fill(buf, Double.NaN);
            System.arraycopy(compact, 0, buf, begin.value, count.value);
        }
    }

    static double[] sma(double[] x, int p) {
        double[] out = new double[x.length];
        place(x.length, (c, e, b, n) -> c.sma(0, e, x, p, b, n, out), out);
        return out;
    }

    static double[] ema(double[] x, int p) {
        double[] out = new double[x.length];
        place(x.length, (c, e, b, n) -> c.ema(0, e, x, p, b, n, out), out);
        return out;
    }

    static double[] wma(double[] x, int p) {
        double[] out = new double[x.length];
        place(x.length, (c, e, b, n) -> c.wma(0, e, x, p, b, n, out), out);
        return out;
    }

    static double[] atr(double[] h, double[] l, double[] cl, int p) {
        double[] out = new double[h.length];
        place(h.length, (c, e, b, n) -> c.atr(0, e, h, l, cl, p, b, n, out), out);
        return out;
    }

    static double[] rsi(double[] x, int p) {
        double[] out = new double[x.length];
        place(x.length, (c, e, b, n) -> c.rsi(0, e, x, p, b, n, out), out);
        return out;
    }

    /** upper, mid, lower. */
    static double[][] bbands(double[] x, int p, double k) {
        double[] up = new double[x.length];
        double[] mid = new double[x.length];
        double[] lo = new double[x.length];
        place(x.length, (c, e, b, n) -> c.bbands(0, e, x, p, k, k, MAType.Sma, b, n, up, mid, lo), up, mid, lo);
        return new double[][] {up, mid, lo};
    }

    /** macd, signal, hist. */
    static double[][] macd(double[] x, int fast, int slow, int signal) {
        double[] m = new double[x.length];
        double[] s = new double[x.length];
        double[] h = new double[x.length];
        place(x.length, (c, e, b, n) -> c.macd(0, e, x, fast, slow, signal, b, n, m, s, h), m, s, h);
        return new double[][] {m, s, h};
    }
}
