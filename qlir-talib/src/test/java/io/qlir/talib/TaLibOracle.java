package io.qlir.talib;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * The independent oracle: TA-Lib called directly on the same arrays, never through qlir-talib's code.
 *
 * <p>Functions with default options run through TA-Lib's own generic API ({@code CoreMetaData}: it maps price inputs
 * by their flags and fills defaults itself). That API cannot pass MA-type options (it stores them as integers and the
 * call fails with "argument type mismatch"), so the nine functions with one are called directly on {@code Core} with
 * TA-Lib's documented defaults written out here. Outputs are placed at their rows (NaN before {@code outBegIdx});
 * non-finite values become NaN, as qlir's convention is.
 */
final class TaLibOracle {

    /** Columns of one table, by name. */
    record Arrays5(double[] open, double[] high, double[] low, double[] close, double[] volume) {
    }

    /** A direct call: writes into compact buffers from index 0. */
    interface Call {
        RetCode run(Core core, int end, MInteger begin, MInteger count, double[][] out);
    }

    private TaLibOracle() {
    }

    /**
     * Every output of a function at its default options, on real inputs.
     *
     * @param name TA-Lib's name
     * @param p the candle arrays
     * @param real0 the first real input (for functions that take one)
     * @param real1 the second real input (for functions that take two)
     * @return one array per output, placed at its rows
     */
    static double[][] defaults(String name, Arrays5 p, double[] real0, double[] real1) throws Exception {
        int n = p.close().length;
        switch (name) {
            case "APO":
                return direct(n, 1, (c, e, b, k, o) -> c.apo(0, e, real0, 12, 26, MAType.Sma, b, k, o[0]));
            case "PPO":
                return direct(n, 1, (c, e, b, k, o) -> c.ppo(0, e, real0, 12, 26, MAType.Sma, b, k, o[0]));
            case "BBANDS":
                return direct(n, 3, (c, e, b, k, o) -> c.bbands(0, e, real0, 5, 2.0, 2.0, MAType.Sma, b, k, o[0],
                        o[1], o[2]));
            case "MA":
                return direct(n, 1, (c, e, b, k, o) -> c.movingAverage(0, e, real0, 30, MAType.Sma, b, k, o[0]));
            case "MACDEXT":
                return direct(n, 3, (c, e, b, k, o) -> c.macdExt(0, e, real0, 12, MAType.Sma, 26, MAType.Sma, 9,
                        MAType.Sma, b, k, o[0], o[1], o[2]));
            case "MAVP":
                return direct(n, 1, (c, e, b, k, o) -> c.movingAverageVariablePeriod(0, e, real0, real1, 2, 30,
                        MAType.Sma, b, k, o[0]));
            case "STOCH":
                return direct(n, 2, (c, e, b, k, o) -> c.stoch(0, e, p.high(), p.low(), p.close(), 5, 3, MAType.Sma,
                        3, MAType.Sma, b, k, o[0], o[1]));
            case "STOCHF":
                return direct(n, 2, (c, e, b, k, o) -> c.stochF(0, e, p.high(), p.low(), p.close(), 5, 3, MAType.Sma,
                        b, k, o[0], o[1]));
            case "STOCHRSI":
                return direct(n, 2, (c, e, b, k, o) -> c.stochRsi(0, e, real0, 14, 5, 3, MAType.Sma, b, k, o[0],
                        o[1]));
            default:
                return generic(name, p, real0, real1);
        }
    }

    /** TA-Lib's own generic call: it maps the price arrays by their flags; options get their metadata defaults. */
    private static double[][] generic(String name, Arrays5 p, double[] real0, double[] real1) throws Exception {
        int n = p.close().length;
        CoreMetaData meta = CoreMetaData.getInstance(name);
        FuncInfo info = meta.getFuncInfo();
        int reals = 0;
        for (int i = 0; i < info.nbInput(); i++) {
            if (meta.getInputParameterInfo(i).type() == InputParameterType.TA_Input_Price) {
                // TA-Lib's price holder wants every array, open interest too, though it passes only the flagged ones
                meta.setInputParamPrice(i, p.open(), p.high(), p.low(), p.close(), p.volume(), new double[n]);
            } else {
                meta.setInputParamReal(i, reals++ == 0 ? real0 : real1);
            }
        }
        for (int i = 0; i < info.nbOptInput(); i++) {
            if (meta.getOptInputParameterInfo(i).type() == OptInputParameterType.TA_OptInput_IntegerRange) {
                meta.setOptInputParamInteger(i, meta.getOptInputIntegerRange(i).defaultValue());
            } else {
                meta.setOptInputParamReal(i, meta.getOptInputRealRange(i).defaultValue());
            }
        }
        if (info.nbOptInput() == 0) {
            // CoreMetaData creates its option array only when an option is set; without one callFunc fails on null.
            Field options = CoreMetaData.class.getDeclaredField("callOptInputParams");
            options.setAccessible(true);
            options.set(meta, new Object[0]);
        }
        Object[] outs = new Object[info.nbOutput()];
        for (int i = 0; i < outs.length; i++) {
            if (meta.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer) {
                outs[i] = new int[n];
                meta.setOutputParamInteger(i, outs[i]);
            } else {
                outs[i] = new double[n];
                meta.setOutputParamReal(i, outs[i]);
            }
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        meta.callFunc(0, n - 1, begin, count);
        double[][] placed = new double[outs.length][];
        for (int i = 0; i < outs.length; i++) {
            double[] compact = outs[i] instanceof int[] ints ? Arrays.stream(ints).asDoubleStream().toArray()
                    : (double[]) outs[i];
            placed[i] = place(n, begin.value, count.value, compact);
        }
        return placed;
    }

    static double[][] direct(int n, int outputs, Call call) {
        double[][] out = new double[outputs][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode rc = call.run(new Core(), n - 1, begin, count, out);
        if (rc != RetCode.Success) {
            throw new IllegalStateException("TA-Lib returned " + rc);
        }
        double[][] placed = new double[outputs][];
        for (int i = 0; i < outputs; i++) {
            placed[i] = place(n, begin.value, count.value, out[i]);
        }
        return placed;
    }

    private static double[] place(int n, int begin, int count, double[] compact) {
        double[] full = new double[n];
        Arrays.fill(full, Double.NaN);
        for (int j = 0; j < count; j++) {
            double v = compact[j];
            full[begin + j] = Double.isFinite(v) ? v : Double.NaN;
        }
        return full;
    }
}
