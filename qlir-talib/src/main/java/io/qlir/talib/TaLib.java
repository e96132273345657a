package io.qlir.talib;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Every function of TA-Lib's Java port ({@code com.tictactec:ta-lib:0.4.0}) as a qlir op: named columns, a
 * {@code RowDerivationSpec} per output, and row semantics that {@code Causality.check} confirms.
 *
 * <p>The functions are read from TA-Lib's own metadata, so all of them are here. A call names the function, then
 * its column arguments (a function with one real input reads {@code close} when none is named), then its options in
 * TA-Lib's order (left-out options take TA-Lib's defaults; MA types by name or number):
 * <pre>{@code
 * Derived d = TaLib.apply(candles, "STOCHF", 14, 3);   // talib_stochf_14_3_fastk, talib_stochf_14_3_fastd
 * Op mom = TaLib.op("MOM", "close", 10);              // talib(MOM,close,10) -> talib_mom_close_10
 * OpLanguage.parse("talib(CCI,20)");                   // the same through the op language
 * }</pre>
 * Rows: an output reads {@code [i-L .. i]} for TA-Lib's lookback L and is NaN before row L; a function whose value
 * depends on every earlier row (TA-Lib's unstable period, EMA-based, running totals, SAR) reads {@code [.. i]}.
 * Integer outputs (candlestick patterns, indexes) are stored as doubles; non-finite values as NaN. The façade is
 * stateless and thread-safe.
 */
public final class TaLib {

    private TaLib() {
    }

    /**
     * Every function of the port, sorted by name, including any qlir refuses (see {@link TaFunction#refusal()}).
     *
     * @return the functions
     */
    public static List<TaFunction> functions() {
        return List.copyOf(TaCatalog.FUNCTIONS.values());
    }

    /**
     * One function by name.
     *
     * @param name TA-Lib's name, in any case ({@code CCI}, {@code cci})
     * @return the function
     * @throws IllegalArgumentException naming it and listing the functions, when there is none
     */
    public static TaFunction function(String name) {
        TaFunction f = name == null ? null : TaCatalog.FUNCTIONS.get(name.toUpperCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown TA-Lib function '" + name + "'; functions: "
                    + String.join(", ", TaCatalog.FUNCTIONS.keySet()));
        }
        return f;
    }

    /**
     * The op for one call, as {@code talib(NAME, args...)} parses to.
     *
     * @param function TA-Lib's name, for example {@code CCI}
     * @param args column names first (optional for a single real input), then options in TA-Lib's order: whole
     *     numbers, real numbers, MA types by name ({@code ema}) or index
     * @return the op, whose text parses back to an equal op
     * @throws IllegalArgumentException naming the function and showing its signature when the arguments do not fit,
     *     or naming a function qlir cannot express and why
     */
    public static Op op(String function, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(function);
        all.addAll(List.of(args));
        return op(all);
    }

    /**
     * The op for a parsed call: {@code talib}'s arguments as the op language reads them.
     *
     * @param args the function's name, then its arguments
     * @return the op
     * @throws IllegalArgumentException as {@link #op(String, Object...)}
     */
    public static Op op(List<?> args) {
        TaInvocation call = TaInvocation.parse(args);
        return Op.of(TaLibOpProvider.NAME, call.params(), call::apply);
    }

    /**
     * Runs one function on a table.
     *
     * @param table a candle table (or any table with the columns the function reads); it is not modified
     * @param function TA-Lib's name, for example {@code CCI}
     * @param args as {@link #op(String, Object...)}
     * @return the table with the function's output columns and their specs
     * @throws IllegalArgumentException as {@link #op(String, Object...)}, or naming a column the table lacks
     */
    public static Derived apply(Table table, String function, Object... args) {
        return op(function, args).apply(table);
    }
}
