package io.qlir.talib;

import com.tictactec.ta.lib.meta.annotation.FuncFlags;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One function of TA-Lib's Java port as its own metadata describes it: inputs, options, outputs and flags.
 *
 * <p>Instances come from {@link TaLib#functions()}, which reads them from the {@code @FuncInfo}-annotated methods of
 * TA-Lib's {@code CoreAnnotated}; nothing here is written by hand per function.
 * <pre>{@code
 * TaFunction stochf = TaLib.function("STOCHF");
 * stochf.inputs();    // [high, low, close]
 * stochf.outputs();   // [fastk (real), fastd (real)]
 * }</pre>
 */
public final class TaFunction {

    /**
     * One output of a function.
     *
     * @param name the lower-case name, TA-Lib's without {@code out} (and without a leading {@code Real} when more
     *     follows): {@code outFastK} is {@code fastk}, {@code outRealUpperBand} is {@code upperband}
     * @param integer whether TA-Lib writes it as whole numbers (candlestick patterns, indexes, trend mode); qlir
     *     stores those as doubles
     */
    public record Output(String name, boolean integer) {

        /**
         * Validates the components.
         *
         * @param name the lower-case output name
         * @param integer whether TA-Lib writes whole numbers
         */
        public Output {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name + (integer ? " (integer)" : " (real)");
        }
    }

    /**
     * One array the TA-Lib method reads, in the method's order: a candle column, or the {@code n}-th column
     * argument.
     */
    record Slot(String candleColumn, int columnArgument) {
    }

    private final String name;
    private final String group;
    private final int flags;
    private final List<String> inputs;
    private final List<Slot> slots;
    private final int columnArguments;
    private final List<TaOption> options;
    private final List<Output> outputs;
    private final Method method;
    private final Method lookback;
    private final String refusal;

    TaFunction(String name, String group, int flags, List<String> inputs, List<Slot> slots, List<TaOption> options,
            List<Output> outputs, Method method, Method lookback, String refusal) {
        this.name = name;
        this.group = group;
        this.flags = flags;
        this.inputs = List.copyOf(inputs);
        this.slots = List.copyOf(slots);
        this.columnArguments = (int) slots.stream().filter(s -> s.candleColumn() == null).count();
        this.options = List.copyOf(options);
        this.outputs = List.copyOf(outputs);
        this.method = method;
        this.lookback = lookback;
        this.refusal = refusal;
    }

    /**
     * TA-Lib's name.
     *
     * @return the upper-case name, for example {@code CCI} or {@code HT_DCPERIOD}
     */
    public String name() {
        return name;
    }

    /**
     * TA-Lib's group.
     *
     * @return for example {@code Momentum Indicators}, {@code Overlap Studies}, {@code Pattern Recognition}
     */
    public String group() {
        return group;
    }

    /**
     * What the function reads, in order: candle columns ({@code high}, {@code close}, {@code volume}) and column
     * arguments ({@code real}, or {@code real0}, {@code real1}, {@code periods} when there are several).
     *
     * @return the input names
     */
    public List<String> inputs() {
        return inputs;
    }

    /**
     * How many column arguments the function takes (its real inputs). With one, the column may be left out and is
     * then {@code close}; with more, each must be named.
     *
     * @return 0, 1 or 2
     */
    public int columnArguments() {
        return columnArguments;
    }

    /**
     * The optional parameters, in TA-Lib's order (the order the op language reads them in).
     *
     * @return the options
     */
    public List<TaOption> options() {
        return options;
    }

    /**
     * The outputs, in TA-Lib's order.
     *
     * @return the outputs
     */
    public List<Output> outputs() {
        return outputs;
    }

    /**
     * Whether TA-Lib flags the function as having an unstable period (its value depends on every earlier row, as
     * RSI's, ATR's and ADX's do).
     *
     * @return TA-Lib's {@code TA_FUNC_FLG_UNST_PER}
     */
    public boolean unstablePeriod() {
        return (flags & FuncFlags.TA_FUNC_FLG_UNST_PER) != 0;
    }

    /**
     * Whether the output is on the scale of its input prices (TA-Lib's overlap flag), so a chart draws it over the
     * candles.
     *
     * @return TA-Lib's {@code TA_FUNC_FLG_OVERLAP}
     */
    public boolean overlap() {
        return (flags & FuncFlags.TA_FUNC_FLG_OVERLAP) != 0;
    }

    /**
     * Why qlir cannot express this function as an op, if it cannot (inputs qlir cannot supply, such as open interest,
     * or an option kind it does not know).
     *
     * @return the reason, or empty when the function is available
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * The call as the op language writes it, with every option and its default, for example
     * {@code talib(MOM[, column=close][, time_period=10])}.
     *
     * @return the signature
     */
    public String signature() {
        StringBuilder sb = new StringBuilder("talib(").append(name);
        if (columnArguments == 1) {
            sb.append("[, column=close]");
        } else {
            for (String input : columnInputs()) {
                sb.append(", ").append(input);
            }
        }
        for (TaOption o : options) {
            sb.append("[, ").append(o.name()).append('=').append(o.defaultText()).append(']');
        }
        return sb.append(')').toString();
    }

    /**
     * The names of the column arguments, in order.
     *
     * @return for example {@code [real0, real1]}
     */
    List<String> columnInputs() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).candleColumn() == null) {
                out.add(inputs.get(i));
            }
        }
        return out;
    }

    List<Slot> slots() {
        return slots;
    }

    Method method() {
        return method;
    }

    Method lookbackMethod() {
        return lookback;
    }

    @Override
    public String toString() {
        return signature();
    }
}
