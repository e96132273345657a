package io.qlir.core.ops;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * Every core op as an {@link Op} value, by its op-language name and params: the catalogue the op-language registry
 * (in qlir-ops), pipelines, the CLI and {@code Causality} draw core ops from.
 *
 * <p>Params come in op-language order: column names as strings, then numbers (any {@link Number}, or a string
 * that parses as one). The op's text prints back the same way, so {@code CoreOps.op("lag", List.of("close", 1, 2))
 * .toText()} is {@code lag(close,1,2)}. Invalid params fail here, when the op is made, not when it is applied.
 * <pre>{@code
 * Op op = CoreOps.op("rolling_mean", List.of("close", 5, 20));
 * Derived d = op.apply(candles);                     // same as Temporal.rollingMean(candles, "close", 5, 20)
 * CoreOps.usage("at_least");                         // at_least(column, m, k, k...)
 * }</pre>
 *
 * <table>
 *   <caption>Core ops by op-language name</caption>
 *   <tr><th>name</th><th>façade method</th></tr>
 *   <tr><td>{@code lag diff pct_change log_return}</td><td>{@link Temporal}</td></tr>
 *   <tr><td>{@code rolling_mean rolling_sum rolling_min rolling_max rolling_std rolling_pop_std}</td>
 *       <td>{@link Temporal}</td></tr>
 *   <tr><td>{@code sign abs}</td><td>{@link NonTemporal}</td></tr>
 *   <tr><td>{@code gt ge lt le eq ne cross_up cross_down higher_high lower_low inside_bar outside_bar bullish
 *       bearish true_range}</td><td>{@link Relations}</td></tr>
 *   <tr><td>{@code running_true bars_since_true all any at_least}</td><td>{@link Counters}</td></tr>
 * </table>
 */
public final class CoreOps {

    private record Entry(String usage, Function<OpArgs, Op> factory) {
    }

    /** A façade method over one column and one or more whole numbers. */
    private interface ColumnInts {
        Derived apply(Table table, String column, int first, int[] more);
    }

    private static final Map<String, Entry> OPS = catalogue();

    private CoreOps() {
    }

    /**
     * The op with this op-language name and params.
     *
     * @param name an op-language name, one of {@link #names()}
     * @param params the params in op-language order (column names, then numbers)
     * @return the op
     * @throws IllegalArgumentException when the name is unknown (listing the core ops) or the params do not fit
     *     (naming the op and showing its usage)
     */
    public static Op op(String name, List<?> params) {
        return entry(name).factory().apply(new OpArgs(name, entry(name).usage(), params));
    }

    /**
     * The op-language names of every core op, sorted.
     *
     * @return the names
     */
    public static Set<String> names() {
        return Collections.unmodifiableSet(OPS.keySet());
    }

    /**
     * How to call an op in the op language, for help and error messages.
     *
     * @param name an op-language name
     * @return its usage, for example {@code lag(column, n, n...)}
     * @throws IllegalArgumentException when the name is unknown (listing the core ops)
     */
    public static String usage(String name) {
        return entry(name).usage();
    }

    private static Entry entry(String name) {
        Entry e = OPS.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown core op '" + name + "'; core ops: "
                    + String.join(", ", OPS.keySet()));
        }
        return e;
    }

    private static Map<String, Entry> catalogue() {
        Map<String, Entry> m = new TreeMap<>();
        temporal(m);
        relations(m);
        counters(m);
        columns(m, "sign", NonTemporal::sign);
        columns(m, "abs", NonTemporal::abs);
        return Collections.unmodifiableMap(m);
    }

    private static void temporal(Map<String, Entry> m) {
        columnInts(m, "lag", "n", 1, Temporal::lag);
        columnInts(m, "diff", "n", 1, Temporal::diff);
        columnInts(m, "pct_change", "n", 1, Temporal::pctChange);
        columnInts(m, "log_return", "n", 1, Temporal::logReturn);
        columnInts(m, "rolling_mean", "window", 1, Temporal::rollingMean);
        columnInts(m, "rolling_sum", "window", 1, Temporal::rollingSum);
        columnInts(m, "rolling_min", "window", 1, Temporal::rollingMin);
        columnInts(m, "rolling_max", "window", 1, Temporal::rollingMax);
        columnInts(m, "rolling_std", "window", 2, Temporal::rollingStd);
        columnInts(m, "rolling_pop_std", "window", 1, Temporal::rollingPopStd);
    }

    private static void relations(Map<String, Entry> m) {
        comparison(m, "gt", Relations::gt);
        comparison(m, "ge", Relations::ge);
        comparison(m, "lt", Relations::lt);
        comparison(m, "le", Relations::le);
        comparison(m, "eq", Relations::eq);
        comparison(m, "ne", Relations::ne);
        pair(m, "cross_up", Relations::crossUp);
        pair(m, "cross_down", Relations::crossDown);
        bar(m, "higher_high", Relations::higherHigh);
        bar(m, "lower_low", Relations::lowerLow);
        bar(m, "inside_bar", Relations::insideBar);
        bar(m, "outside_bar", Relations::outsideBar);
        bar(m, "bullish", Relations::bullish);
        bar(m, "bearish", Relations::bearish);
        bar(m, "true_range", Relations::trueRange);
    }

    private static void counters(Map<String, Entry> m) {
        oneColumn(m, "running_true", Counters::runningTrue);
        oneColumn(m, "bars_since_true", Counters::barsSinceTrue);
        columnInts(m, "all", "k", 1, Counters::all);
        columnInts(m, "any", "k", 1, Counters::any);
        m.put("at_least", new Entry("at_least(column, m, k, k...)", a -> {
            a.arity(3, Integer.MAX_VALUE);
            String column = a.column(0);
            int mm = a.integer(1);
            int[] ks = a.integers(2);
            Params.atLeast("at_least", "m", 1, mm);
            Params.atLeast("at_least", "k (which must be >= m)", mm, ks[0], rest(ks));
            return Op.of("at_least", params(List.of(column, mm), ks),
                    t -> Counters.atLeast(t, column, mm, ks[0], rest(ks)));
        }));
    }

    private static void columnInts(Map<String, Entry> m, String name, String param, int min, ColumnInts f) {
        m.put(name, new Entry(name + "(column, " + param + ", " + param + "...)", a -> {
            a.arity(2, Integer.MAX_VALUE);
            String column = a.column(0);
            int[] values = a.integers(1);
            Params.atLeast(name, param, min, values[0], rest(values));
            return Op.of(name, params(List.of(column), values), t -> f.apply(t, column, values[0], rest(values)));
        }));
    }

    private static void columns(Map<String, Entry> m, String name, ColumnsOp f) {
        m.put(name, new Entry(name + "(column, column...)", a -> {
            a.arity(1, Integer.MAX_VALUE);
            List<String> cols = a.columns(0);
            String[] more = cols.subList(1, cols.size()).toArray(new String[0]);
            return Op.of(name, cols, t -> f.apply(t, cols.get(0), more));
        }));
    }

    private interface ColumnsOp {
        Derived apply(Table table, String column, String... more);
    }

    private interface Comparison {
        Derived apply(Table table, String a, String b, double tolerance);
    }

    private static void comparison(Map<String, Entry> m, String name, Comparison f) {
        m.put(name, new Entry(name + "(a, b[, tolerance])", a -> {
            a.arity(2, 3);
            String left = a.column(0);
            String right = a.column(1);
            double tol = Params.tolerance(name, a.decimal(2, 0.0));
            List<Object> params = tol == 0 ? List.of(left, right) : List.of(left, right, tol);
            return Op.of(name, params, t -> f.apply(t, left, right, tol));
        }));
    }

    private interface Pair {
        Derived apply(Table table, String a, String b);
    }

    private static void pair(Map<String, Entry> m, String name, Pair f) {
        m.put(name, new Entry(name + "(a, b)", a -> {
            a.arity(2, 2);
            String left = a.column(0);
            String right = a.column(1);
            return Op.of(name, List.of(left, right), t -> f.apply(t, left, right));
        }));
    }

    private static void bar(Map<String, Entry> m, String name, Function<Table, Derived> f) {
        m.put(name, new Entry(name + "()", a -> {
            a.arity(0, 0);
            return Op.of(name, List.of(), f);
        }));
    }

    private interface OneColumn {
        Derived apply(Table table, String column);
    }

    private static void oneColumn(Map<String, Entry> m, String name, OneColumn f) {
        m.put(name, new Entry(name + "(column)", a -> {
            a.arity(1, 1);
            String column = a.column(0);
            return Op.of(name, List.of(column), t -> f.apply(t, column));
        }));
    }

    private static List<Object> params(List<Object> head, int[] values) {
        List<Object> out = new ArrayList<>(head);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    private static int[] rest(int[] values) {
        return Arrays.copyOfRange(values, 1, values.length);
    }
}
