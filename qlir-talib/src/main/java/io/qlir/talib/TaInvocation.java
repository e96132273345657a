package io.qlir.talib;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * One call {@code talib(NAME, args...)} read and checked: the function, the columns it reads, every option's value
 * (defaults filled in), the op-language params as written, and the rows each output declares.
 *
 * @param function the TA-Lib function
 * @param columns the column argument of each real input ({@code close} when a single one was left out)
 * @param options every option's canonical value, in TA-Lib's order
 * @param params the op's params as the op language writes them: the name, then the arguments given, canonical
 * @param lookback TA-Lib's lookback for these options: the first row written
 */
record TaInvocation(TaFunction function, List<String> columns, List<Object> options, List<Object> params,
        int lookback) {

    /**
     * Functions TA-Lib does not flag as unstable whose value at row {@code i} still depends on rows before its
     * lookback, with the reason in a few words; each declares {@code [.. i]}. Found by construction and confirmed by
     * {@code Causality.check} on the real recordings (docs/talib.md explains each reason).
     */
    static final Map<String, String> WHOLE_PAST = wholePast();

    private static Map<String, String> wholePast() {
        Map<String, String> m = new TreeMap<>();
        for (String f : List.of("MACD", "MACDFIX", "DEMA", "TEMA", "TRIX", "ADOSC")) {
            m.put(f, "EMA-based");
        }
        m.put("AD", "running total");
        m.put("OBV", "running total");
        m.put("SAR", "trend state");
        m.put("SAREXT", "trend state");
        for (String f : List.of("MAXINDEX", "MININDEX", "MINMAXINDEX")) {
            m.put(f, "index of ties");
        }
        for (String f : List.of("VAR", "STDDEV", "BETA")) {
            m.put(f, "running sums of squares");
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Reads the arguments of {@code talib(...)}.
     *
     * @param args the function's name, then its column arguments, then its options in TA-Lib's order
     * @return the invocation
     * @throws IllegalArgumentException naming the function (or listing the valid ones) and showing its signature
     */
    static TaInvocation parse(List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String name)) {
            throw new IllegalArgumentException("talib needs a TA-Lib function name first, as in talib(CCI,20), got "
                    + args + "; functions: " + String.join(", ", TaCatalog.FUNCTIONS.keySet()));
        }
        TaFunction f = TaLib.function(name);
        return of(f, args.subList(1, args.size()));
    }

    /**
     * Reads the arguments after the function's name.
     *
     * @param f the function
     * @param args its column arguments, then its options
     * @return the invocation
     * @throws IllegalArgumentException naming the function, when qlir refuses it or the arguments do not fit
     */
    static TaInvocation of(TaFunction f, List<?> args) {
        if (f.refusal().isPresent()) {
            throw new IllegalArgumentException("TA-Lib function " + f.name() + " cannot be a qlir op: "
                    + f.refusal().get());
        }
        try {
            return read(f, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("talib(" + f.name() + "): " + e.getMessage() + "; expected "
                    + f.signature(), e);
        }
    }

    private static TaInvocation read(TaFunction f, List<?> args) {
        List<Object> params = new ArrayList<>();
        params.add(f.name());
        List<String> columns = new ArrayList<>();
        int pos = 0;
        int wanted = f.columnArguments();
        while (pos < args.size() && columns.size() < wanted && args.get(pos) instanceof String s) {
            columns.add(s);
            params.add(s);
            pos++;
        }
        if (wanted == 1 && columns.isEmpty()) {
            columns.add(Candles.CLOSE);
        } else if (columns.size() < wanted) {
            throw new IllegalArgumentException("needs " + wanted + " column names first (" + f.columnInputs()
                    + "), got " + columns.size());
        }
        List<TaOption> declared = f.options();
        if (args.size() - pos > declared.size()) {
            throw new IllegalArgumentException("takes at most " + declared.size() + " option"
                    + (declared.size() == 1 ? "" : "s") + " after its column" + (wanted == 1 ? "" : "s")
                    + ", got " + args.subList(pos, args.size()));
        }
        List<Object> options = new ArrayList<>();
        for (int k = 0; k < declared.size(); k++) {
            if (pos + k < args.size()) {
                Object v = declared.get(k).read(args.get(pos + k));
                options.add(v);
                params.add(v);
            } else {
                options.add(declared.get(k).defaultCanonical());
            }
        }
        return new TaInvocation(f, columns, options, params, TaCall.lookback(f, options));
    }

    /**
     * Whether each output reads every earlier row: TA-Lib flags an unstable period, the function is one of
     * {@link #WHOLE_PAST}, or an MA-type option names a recursive average.
     *
     * @return true for {@code rows_used=[.. i]}
     */
    boolean readsWholePast() {
        return !wholePastReason().isEmpty();
    }

    /**
     * Why the outputs read every earlier row, in a few words, or empty when they read {@code [i-L .. i]}.
     *
     * @return for example {@code TA-Lib unstable period}, {@code EMA-based}, {@code MA type ema}
     */
    String wholePastReason() {
        if (function.unstablePeriod()) {
            return "TA-Lib unstable period";
        }
        if (WHOLE_PAST.containsKey(function.name())) {
            return WHOLE_PAST.get(function.name());
        }
        for (int k = 0; k < options.size(); k++) {
            if (function.options().get(k).kind() == TaOption.Kind.MA_TYPE
                    && TaOption.RECURSIVE_MA_TYPES.contains((String) options.get(k))) {
                return "MA type " + options.get(k);
            }
        }
        return "";
    }

    /**
     * The rows each output reads: {@code [i-L .. i]} for TA-Lib's lookback L, or {@code [.. i]}.
     *
     * @return the window
     */
    RowWindow reads() {
        return readsWholePast() ? RowWindow.unboundedPast(0) : RowWindow.of(-lookback, 0);
    }

    /**
     * The column each output is written to: {@code talib_<name>_<args>} for one output,
     * {@code talib_<name>_<args>_<output>} for several.
     *
     * @return the names, in TA-Lib's output order
     */
    List<String> outputColumns() {
        List<Object> parts = new ArrayList<>();
        parts.add("talib");
        parts.add(function.name().toLowerCase(Locale.ROOT));
        parts.addAll(params.subList(1, params.size()));
        List<String> out = new ArrayList<>();
        List<TaFunction.Output> outputs = function.outputs();
        for (TaFunction.Output o : outputs) {
            List<Object> named = new ArrayList<>(parts);
            if (outputs.size() > 1) {
                named.add(o.name());
            }
            out.add(Columns.name(named.toArray()));
        }
        return out;
    }

    /**
     * Runs the function on a table and returns its columns with their specs.
     *
     * @param table the input; it is not modified
     * @return the result
     */
    Derived apply(Table table) {
        List<TaFunction.Slot> slots = function.slots();
        double[][] arrays = new double[slots.size()][];
        List<String> read = new ArrayList<>();
        for (int s = 0; s < arrays.length; s++) {
            TaFunction.Slot slot = slots.get(s);
            String column = slot.candleColumn() != null ? slot.candleColumn() : columns.get(slot.columnArgument());
            arrays[s] = Columns.doubles(table, column);
            if (!read.contains(column)) {
                read.add(column);
            }
        }
        double[][] outputs = TaCall.run(function, arrays, options);
        List<String> names = outputColumns();
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < outputs.length; k++) {
            b.add(Columns.doubleColumn(names.get(k), outputs[k]), spec(read, names.get(k)));
        }
        return b.build();
    }

    /**
     * The op of every spec a function writes.
     *
     * @param f the function
     * @return {@code TALIB_<NAME>}, for example {@code TALIB_CCI}
     */
    static String specOp(TaFunction f) {
        return "TALIB_" + f.name();
    }

    private RowDerivationSpec spec(List<String> read, String output) {
        RowDerivationSpec.Builder s = RowDerivationSpec.builder(specOp(function));
        List<String> others = new ArrayList<>(read);
        if (function.columnArguments() > 0) {
            s.baseColumn(columns.get(0));
            others.remove(columns.get(0));
        }
        s.inputs(others.toArray(new String[0]));
        for (int k = 0; k < options.size(); k++) {
            s.param(function.options().get(k).name(), options.get(k));
        }
        return s.reads(reads()).output(output).warmup(lookback).build();
    }
}
