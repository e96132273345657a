package io.qlir.talib;

import com.tictactec.ta.lib.CoreAnnotated;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Calls one TA-Lib function over whole series through its annotated method and places the outputs at their rows:
 * NaN before TA-Lib's {@code outBegIdx}, non-finite values as NaN (qlir never writes ±inf), integer outputs as doubles.
 */
final class TaCall {

    private TaCall() {
    }

    /**
     * TA-Lib's lookback for these option values: the index of the first row it writes.
     *
     * @param f the function
     * @param options the canonical option values, in TA-Lib's order
     * @return the lookback
     */
    static int lookback(TaFunction f, List<Object> options) {
        return (Integer) invoke(f, f.lookbackMethod(), javaOptions(f, options));
    }

    /**
     * Runs the function.
     *
     * @param f the function
     * @param arrays one array per slot of {@code f}, each of the same length
     * @param options the canonical option values, in TA-Lib's order
     * @return one array per output, as long as the inputs
     */
    static double[][] run(TaFunction f, double[][] arrays, List<Object> options) {
        int n = arrays.length == 0 ? 0 : arrays[0].length;
        List<TaFunction.Output> outputs = f.outputs();
        double[][] placed = new double[outputs.size()][n];
        for (double[] p : placed) {
            Arrays.fill(p, Double.NaN);
        }
        if (n == 0) {
            return placed;
        }
        Object[] opts = javaOptions(f, options);
        Object[] compact = new Object[outputs.size()];
        for (int k = 0; k < compact.length; k++) {
            compact[k] = outputs.get(k).integer() ? new int[n] : new double[n];
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        Object[] args = new Object[2 + arrays.length + opts.length + 2 + compact.length];
        int a = 0;
        args[a++] = 0;
        args[a++] = n - 1;
        for (double[] in : arrays) {
            args[a++] = in;
        }
        for (Object o : opts) {
            args[a++] = o;
        }
        args[a++] = begin;
        args[a++] = count;
        for (Object c : compact) {
            args[a++] = c;
        }
        RetCode rc = (RetCode) invoke(f, f.method(), args);
        if (rc != RetCode.Success) {
            throw new IllegalArgumentException("TA-Lib " + f.name() + " with options " + options + " returned " + rc);
        }
        for (int k = 0; k < compact.length; k++) {
            for (int j = 0; j < count.value; j++) {
                double v = compact[k] instanceof int[] ints ? ints[j] : ((double[]) compact[k])[j];
                placed[k][begin.value + j] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return placed;
    }

    /** Canonical values to the Java types TA-Lib's methods take (an MA-type name becomes an {@link MAType}). */
    private static Object[] javaOptions(TaFunction f, List<Object> options) {
        Object[] out = new Object[options.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = options.get(i);
            out[i] = f.options().get(i).kind() == TaOption.Kind.MA_TYPE
                    ? MAType.values()[TaOption.MA_TYPES.indexOf((String) v)] : v;
        }
        return out;
    }

    private static Object invoke(TaFunction f, Method m, Object[] args) {
        try {
            // A Core holds settings (unstable periods, candle settings); a fresh one always has TA-Lib's defaults.
            return m.invoke(new CoreAnnotated(), args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call TA-Lib " + f.name() + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("TA-Lib " + f.name() + " failed: " + cause, cause);
        }
    }
}
