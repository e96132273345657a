package io.qlir.core.primitives;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import tech.tablesaw.api.Table;

/**
 * Counting over a boolean column: streaks, bars since an event, and "k of the last n" conditions.
 *
 * <p>Input columns are {@code BooleanColumn}s such as {@code bullish} or {@code close_gt_open}; a missing value reads
 * as false (so the missing warm-up rows of a relation never count as true). Counts are {@code DoubleColumn}s so that
 * they compose with every numeric op (a rolling mean of a streak length, a comparison against a threshold).
 * <pre>{@code
 * Derived d = Relations.bullish(candles).then(t -> Counters.atLeast(t, "bullish", 3, 5));  // bullish_at_least_3_of_5
 * }</pre>
 */
public final class Counters {

    private Counters() {
    }

    /**
     * The length of the run of true rows ending at this row: {@code bullish_running_true[i]} is 0 where
     * {@code bullish[i]} is false, else one more than the row before.
     *
     * <p>Reads every row up to {@code i} ({@code [.. i]}); warm-up 0: every row is defined.
     * <pre>{@code
     * Counters.runningTrue(t, "bullish");         // bullish_running_true: 0, 1, 2, 0, 1, ...
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a boolean column
     * @return the table with the double column {@code {column}_running_true}
     * @throws IllegalArgumentException when the column is absent or not boolean (naming it and the columns present)
     */
    public static Derived runningTrue(Table table, String column) {
        boolean[] b = Columns.booleans(table, column);
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] ? (i == 0 ? 1 : out[i - 1] + 1) : 0;
        }
        return count(table, column, "running_true", out);
    }

    /**
     * How many rows ago the column was last true: {@code bullish_bars_since_true[i]} is 0 where {@code bullish[i]}
     * is true, {@code i - j} for the latest true row {@code j < i} otherwise, and <b>NaN before the first true
     * row</b> (there is no event to count from; it is not "infinitely long ago").
     *
     * <p>Reads every row up to {@code i} ({@code [.. i]}); warm-up 0 (row 0 is defined when it is true).
     * <pre>{@code
     * Counters.barsSinceTrue(t, "close_cross_up_close_rolling_mean_20");
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a boolean column
     * @return the table with the double column {@code {column}_bars_since_true}
     * @throws IllegalArgumentException when the column is absent or not boolean (naming it and the columns present)
     */
    public static Derived barsSinceTrue(Table table, String column) {
        boolean[] b = Columns.booleans(table, column);
        double[] out = new double[b.length];
        int last = -1;
        for (int i = 0; i < b.length; i++) {
            last = b[i] ? i : last;
            out[i] = last < 0 ? Double.NaN : i - last;
        }
        return count(table, column, "bars_since_true", out);
    }

    /**
     * Whether all of the last {@code k} rows are true: {@code bullish_all_k[i]} = every one of
     * {@code bullish[i-k+1 .. i]}.
     *
     * <p>Reads {@code [i-(k-1) .. i]}; warm-up {@code k-1} (earlier rows are missing).
     * <pre>{@code
     * Counters.all(t, "bullish", 3);              // bullish_all_3: three bullish bars in a row
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a boolean column
     * @param k the number of rows, at least 1
     * @param more further row counts
     * @return the table with one boolean column {@code {column}_all_{k}} per count
     * @throws IllegalArgumentException when the column is absent or not boolean, or a count is below 1
     */
    public static Derived all(Table table, String column, int k, int... more) {
        int[] ks = ArgumentChecks.allAtLeast("all", "k", 1, k, more);
        return window(table, column, "ALL", ks, w -> Columns.name(column, "all", w), w -> c -> c == w, -1);
    }

    /**
     * Whether any of the last {@code k} rows is true: {@code bullish_any_k[i]} = at least one of
     * {@code bullish[i-k+1 .. i]}.
     *
     * <p>Reads {@code [i-(k-1) .. i]}; warm-up {@code k-1} (earlier rows are missing).
     * <pre>{@code
     * Counters.any(t, "higher_high", 5);          // higher_high_any_5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a boolean column
     * @param k the number of rows, at least 1
     * @param more further row counts
     * @return the table with one boolean column {@code {column}_any_{k}} per count
     * @throws IllegalArgumentException when the column is absent or not boolean, or a count is below 1
     */
    public static Derived any(Table table, String column, int k, int... more) {
        int[] ks = ArgumentChecks.allAtLeast("any", "k", 1, k, more);
        return window(table, column, "ANY", ks, w -> Columns.name(column, "any", w), w -> c -> c >= 1, -1);
    }

    /**
     * Whether at least {@code m} of the last {@code k} rows are true: {@code bullish_at_least_m_of_k[i]} =
     * (number of true rows in {@code bullish[i-k+1 .. i]}) {@code >= m}.
     *
     * <p>Reads {@code [i-(k-1) .. i]}; warm-up {@code k-1} (earlier rows are missing).
     * <pre>{@code
     * Counters.atLeast(t, "bullish", 3, 5, 10);   // bullish_at_least_3_of_5, bullish_at_least_3_of_10
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a boolean column
     * @param m how many true rows are needed, from 1 to {@code k}
     * @param k the number of rows
     * @param more further row counts, each at least {@code m}
     * @return the table with one boolean column {@code {column}_at_least_{m}_of_{k}} per count
     * @throws IllegalArgumentException when the column is absent or not boolean, {@code m < 1}, or a count is below
     *     {@code m}
     */
    public static Derived atLeast(Table table, String column, int m, int k, int... more) {
        ArgumentChecks.atLeast("at_least", "m", 1, m);
        int[] ks = ArgumentChecks.allAtLeast("at_least", "k (at least m)", m, k, more);
        return window(table, column, "AT_LEAST", ks, w -> Columns.name(column, "at_least", m, "of", w),
                w -> c -> c >= m, m);
    }

    private static Derived count(Table table, String column, String op, double[] values) {
        String name = Columns.name(column, op);
        return Derived.builder(table).add(Columns.doubleColumn(name, values), RowDerivationSpec
                .builder(op.toUpperCase(Locale.ROOT)).baseColumn(column)
                .reads(RowWindow.unboundedPast(0)).output(name).build()).build();
    }

    /** A trailing-window condition on the count of true rows; {@code m > 0} adds it as a param. */
    private static Derived window(Table table, String column, String op, int[] ks, IntFunction<String> naming,
            IntFunction<IntPredicate> rule, int m) {
        boolean[] b = Columns.booleans(table, column);
        Derived.Builder d = Derived.builder(table);
        for (int k : ks) {
            int[] counts = ColumnArrays.trailingTrueCounts(b, k);
            boolean[] out = new boolean[b.length];
            IntPredicate holds = rule.apply(k);
            for (int i = k - 1; i < b.length; i++) {
                out[i] = holds.test(counts[i]);
            }
            String name = naming.apply(k);
            RowDerivationSpec.Builder spec = RowDerivationSpec.builder(op).baseColumn(column);
            if (m > 0) {
                spec.param("m", m);
            }
            d.add(ColumnArrays.booleans(name, out, k - 1),
                    spec.param("k", k).reads(RowWindow.trailing(k)).output(name).warmup(k - 1).build());
        }
        return d.build();
    }
}
