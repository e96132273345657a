package io.qlir.core.primitives;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.catalogue.ChartHint;
import io.qlir.core.catalogue.OpArguments;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpOutput;
import io.qlir.core.catalogue.OpParam;
import io.qlir.core.catalogue.OpProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * The primitive column ops of this package as op-catalogue definitions, registered through
 * {@code META-INF/services}: every op of {@link Temporal}, {@link NonTemporal}, {@link Relations} and
 * {@link Counters}, by its op-language name.
 * <pre>{@code
 * Op op = OpLanguage.parse("rolling_mean(close,5,20)");
 * Derived d = op.apply(candles);                     // same as Temporal.rollingMean(candles, "close", 5, 20)
 * }</pre>
 *
 * <table>
 *   <caption>Primitive ops by op-language name</caption>
 *   <tr><th>name</th><th>façade</th></tr>
 *   <tr><td>{@code lag diff pct_change log_return}</td><td>{@link Temporal}</td></tr>
 *   <tr><td>{@code rolling_mean rolling_sum rolling_min rolling_max rolling_std rolling_pop_std}</td>
 *       <td>{@link Temporal}</td></tr>
 *   <tr><td>{@code sign abs}</td><td>{@link NonTemporal}</td></tr>
 *   <tr><td>{@code gt ge lt le eq ne cross_up cross_down higher_high lower_low inside_bar outside_bar bullish
 *       bearish true_range}</td><td>{@link Relations}</td></tr>
 *   <tr><td>{@code running_true bars_since_true all any at_least}</td><td>{@link Counters}</td></tr>
 * </table>
 */
public final class PrimitiveOpProvider implements OpProvider {

    private static final String SAME_ROW = "[i .. i], warm-up 0";
    /** Boolean columns: dots on the close where true. */
    private static final ChartHint FLAG = ChartHint.markers(null);
    private static final ChartHint LINE = ChartHint.ownPanel();

    /** A façade method over one column and one or more whole numbers. */
    private interface ColumnInts {
        Derived apply(Table table, String column, int first, int[] more);
    }

    private interface ColumnsOp {
        Derived apply(Table table, String column, String... more);
    }

    private interface Comparison {
        Derived apply(Table table, String a, String b, double tolerance);
    }

    private interface Pair {
        Derived apply(Table table, String a, String b);
    }

    private interface OneColumn {
        Derived apply(Table table, String column);
    }

    /** Called by {@link java.util.ServiceLoader}. */
    public PrimitiveOpProvider() {
    }

    /**
     * The primitive ops.
     *
     * @return their definitions
     */
    @Override
    public List<OpDefinition> definitions() {
        List<OpDefinition> out = new ArrayList<>();
        temporal(out);
        relations(out);
        counters(out);
        out.add(columns("sign", "sign of each value: -1, 0 or 1", NonTemporal::sign));
        out.add(columns("abs", "absolute value", NonTemporal::abs));
        return out;
    }

    private static void temporal(List<OpDefinition> out) {
        String step = "[i-n .. i], warm-up n";
        out.add(columnInts("lag", "value n rows back", "n", 1, "[i-n .. i-n], warm-up n", LINE, Temporal::lag));
        out.add(columnInts("diff", "x[i] - x[i-n]", "n", 1, step, LINE, Temporal::diff));
        out.add(columnInts("pct_change", "x[i] / x[i-n] - 1", "n", 1, step, LINE, Temporal::pctChange));
        out.add(columnInts("log_return", "ln(x[i] / x[i-n])", "n", 1, step, LINE, Temporal::logReturn));
        String w = "[i-(w-1) .. i], warm-up w-1";
        out.add(columnInts("rolling_mean", "mean of the window", "window", 1, w, LINE, Temporal::rollingMean));
        out.add(columnInts("rolling_sum", "sum of the window", "window", 1, w, LINE, Temporal::rollingSum));
        out.add(columnInts("rolling_min", "least value of the window", "window", 1, w, LINE, Temporal::rollingMin));
        out.add(columnInts("rolling_max", "greatest value of the window", "window", 1, w, LINE,
                Temporal::rollingMax));
        out.add(columnInts("rolling_std", "sample standard deviation of the window", "window", 2, w, LINE,
                Temporal::rollingStd));
        out.add(columnInts("rolling_pop_std", "population standard deviation of the window", "window", 1, w, LINE,
                Temporal::rollingPopStd));
    }

    private static void relations(List<OpDefinition> out) {
        out.add(comparison("gt", "a > b", Relations::gt));
        out.add(comparison("ge", "a >= b", Relations::ge));
        out.add(comparison("lt", "a < b", Relations::lt));
        out.add(comparison("le", "a <= b", Relations::le));
        out.add(comparison("eq", "a == b", Relations::eq));
        out.add(comparison("ne", "a != b", Relations::ne));
        out.add(pair("cross_up", "a crosses above b on this bar", Relations::crossUp));
        out.add(pair("cross_down", "a crosses below b on this bar", Relations::crossDown));
        out.add(bar("higher_high", "high above the previous high", "[i-1 .. i], warm-up 1", FLAG,
                Relations::higherHigh));
        out.add(bar("lower_low", "low below the previous low", "[i-1 .. i], warm-up 1", FLAG,
                Relations::lowerLow));
        out.add(bar("inside_bar", "range inside the previous bar's", "[i-1 .. i], warm-up 1", FLAG,
                Relations::insideBar));
        out.add(bar("outside_bar", "range around the previous bar's", "[i-1 .. i], warm-up 1", FLAG,
                Relations::outsideBar));
        out.add(bar("bullish", "close > open", SAME_ROW, FLAG,
                Relations::bullish));
        out.add(bar("bearish", "close < open", SAME_ROW, FLAG,
                Relations::bearish));
        out.add(bar("true_range", "max(high-low, |high-close[i-1]|, |low-close[i-1]|)", "[i-1 .. i], warm-up 1",
                LINE, Relations::trueRange));
    }

    private static void counters(List<OpDefinition> out) {
        out.add(oneColumn("running_true", "length of the current run of true values", Counters::runningTrue));
        out.add(oneColumn("bars_since_true", "bars since the column was last true", Counters::barsSinceTrue));
        out.add(columnInts("all", "true on all of the last k bars", "k", 1, "[i-(k-1) .. i], warm-up k-1",
                FLAG, Counters::all));
        out.add(columnInts("any", "true on any of the last k bars", "k", 1, "[i-(k-1) .. i], warm-up k-1",
                FLAG, Counters::any));
        out.add(definition("at_least", "true on at least m of the last k bars", "[i-(k-1) .. i], warm-up k-1")
                .params(OpParam.column("column"), OpParam.whole("m", 1), OpParam.wholes("k", 1))
                .output(OpOutput.of("AT_LEAST", "{column}_at_least_{m}_of_{k}", FLAG))
                .factory(a -> {
                    String column = a.column("column");
                    int m = a.integer("m");
                    int[] ks = a.integers("k");
                    ArgumentChecks.allAtLeast("at_least", "k (at least m)", m, ks[0], rest(ks));
                    return Op.of("at_least", OpArguments.params(List.of(column, m), ks),
                            t -> Counters.atLeast(t, column, m, ks[0], rest(ks)));
                }).build());
    }

    private static OpDefinition.Builder definition(String name, String summary, String rows) {
        return OpDefinition.builder(name).summary(summary).rows(rows);
    }

    private static OpDefinition columnInts(String name, String summary, String param, int min, String rows,
            ChartHint chart, ColumnInts f) {
        return definition(name, summary, rows)
                .params(OpParam.column("column"), OpParam.wholes(param, min))
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), "{column}_" + name + "_{" + param + "}", chart))
                .factory(a -> {
                    String column = a.column("column");
                    int[] values = a.integers(param);
                    return Op.of(name, OpArguments.params(List.of(column), values),
                            t -> f.apply(t, column, values[0], rest(values)));
                }).build();
    }

    private static OpDefinition columns(String name, String summary, ColumnsOp f) {
        return definition(name, summary, SAME_ROW)
                .params(OpParam.columns("column"))
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), "{column}_" + name, LINE))
                .factory(a -> {
                    List<String> cols = a.columns("column");
                    String[] more = cols.subList(1, cols.size()).toArray(new String[0]);
                    return Op.of(name, cols, t -> f.apply(t, cols.get(0), more));
                }).build();
    }

    private static OpDefinition comparison(String name, String summary, Comparison f) {
        return definition(name, summary + ", within tolerance", SAME_ROW)
                .params(OpParam.column("a"), OpParam.column("b"), OpParam.number("tolerance", 0, 0.0))
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), "{a}_" + name + "_{b}[_tol_{tolerance}]", FLAG))
                .factory(a -> {
                    String left = a.column("a");
                    String right = a.column("b");
                    double tol = a.decimal("tolerance");
                    List<Object> params = tol == 0 ? List.of(left, right) : List.of(left, right, tol);
                    return Op.of(name, params, t -> f.apply(t, left, right, tol));
                }).build();
    }

    private static OpDefinition pair(String name, String summary, Pair f) {
        return definition(name, summary, "[i-1 .. i], warm-up 1")
                .params(OpParam.column("a"), OpParam.column("b"))
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), "{a}_" + name + "_{b}", FLAG))
                .factory(a -> {
                    String left = a.column("a");
                    String right = a.column("b");
                    return Op.of(name, List.of(left, right), t -> f.apply(t, left, right));
                }).build();
    }

    private static OpDefinition bar(String name, String summary, String rows, ChartHint chart,
            Function<Table, Derived> f) {
        return definition(name, summary, rows)
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), name, chart))
                .factory(a -> Op.of(name, List.of(), f)).build();
    }

    private static OpDefinition oneColumn(String name, String summary, OneColumn f) {
        return definition(name, summary, "[.. i], warm-up 0")
                .params(OpParam.column("column"))
                .output(OpOutput.of(name.toUpperCase(Locale.ROOT), "{column}_" + name, LINE))
                .factory(a -> {
                    String column = a.column("column");
                    return Op.of(name, List.of(column), t -> f.apply(t, column));
                }).build();
    }


    private static int[] rest(int[] values) {
        return Arrays.copyOfRange(values, 1, values.length);
    }
}
