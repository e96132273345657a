package io.qlir.core.primitives;

import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.kernels.RollingDeviations;
import io.qlir.core.kernels.RollingSums;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.function.BiFunction;
import tech.tablesaw.api.Table;

/**
 * Ops that look back along the rows of one numeric column: lags, differences, returns and trailing-window
 * aggregates.
 *
 * <p>Every method takes one parameter value or many ({@code rollingMean(t, "close", 5)} or
 * {@code rollingMean(t, "close", 5, 10, 20)}), reads the column once and adds one column per value, named
 * {@code {column}_{op}_{value}}. Results follow qlir's missing-value rules: rows before the warm-up are NaN, a NaN or
 * non-finite input makes every result that reads it NaN (a rolling window with a NaN inside is NaN, unlike
 * Tablesaw's rolling mean, which skips it), and an undefined result (zero divisor, log of a non-positive ratio,
 * overflow) is NaN, never ±inf. Rows are counted, not time: across a gap in the data a 5-row window spans more than
 * five intervals.
 * <pre>{@code
 * Derived d = Temporal.logReturn(candles, "close", 1).then(t -> Temporal.rollingStd(t, "close_log_return_1", 20));
 * }</pre>
 */
public final class Temporal {

    private Temporal() {
    }

    /**
     * The value {@code n} rows before (pandas' {@code shift(n)}): {@code close_lag_n[i] = close[i-n]}.
     *
     * <p>Reads {@code [i-n .. i-n]}; warm-up {@code n} (rows {@code 0..n-1} are NaN). A lag of 0 would copy the
     * column and a negative one would read the future, so {@code n >= 1}.
     * <pre>{@code
     * Temporal.lag(candles, "close", 1, 2, 3);   // close_lag_1, close_lag_2, close_lag_3
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param n the lag in rows, at least 1
     * @param more further lags, computed in the same pass
     * @return the table with one {@code {column}_lag_{n}} column per lag
     * @throws IllegalArgumentException when the column is absent or not numeric (naming it and the columns present),
     *     or a lag is below 1
     */
    public static Derived lag(Table table, String column, int n, int... more) {
        return steps(table, column, ColumnArrays.Step.LAG, "lag", ArgumentChecks.allAtLeast("lag", "n", 1, n, more));
    }

    /**
     * The difference to the value {@code n} rows before: {@code close_diff_n[i] = close[i] - close[i-n]}.
     *
     * <p>Reads {@code [i-n .. i]}; warm-up {@code n}.
     * <pre>{@code
     * Temporal.diff(candles, "close", 1);        // close_diff_1
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param n the distance in rows, at least 1
     * @param more further distances, computed in the same pass
     * @return the table with one {@code {column}_diff_{n}} column per distance
     * @throws IllegalArgumentException when the column is absent or not numeric, or a distance is below 1
     */
    public static Derived diff(Table table, String column, int n, int... more) {
        return steps(table, column, ColumnArrays.Step.DIFF, "diff", ArgumentChecks.allAtLeast("diff", "n", 1, n, more));
    }

    /**
     * The relative change over {@code n} rows: {@code close_pct_change_n[i] = close[i] / close[i-n] - 1}
     * (a fraction: 0.01 is one percent).
     *
     * <p>Reads {@code [i-n .. i]}; warm-up {@code n}; NaN where {@code close[i-n]} is 0.
     * <pre>{@code
     * Temporal.pctChange(candles, "close", 1, 5); // close_pct_change_1, close_pct_change_5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param n the distance in rows, at least 1
     * @param more further distances, computed in the same pass
     * @return the table with one {@code {column}_pct_change_{n}} column per distance
     * @throws IllegalArgumentException when the column is absent or not numeric, or a distance is below 1
     */
    public static Derived pctChange(Table table, String column, int n, int... more) {
        return steps(table, column, ColumnArrays.Step.PCT_CHANGE, "pct_change",
                ArgumentChecks.allAtLeast("pct_change", "n", 1, n, more));
    }

    /**
     * The log return over {@code n} rows: {@code close_log_return_n[i] = ln(close[i] / close[i-n])}.
     *
     * <p>Reads {@code [i-n .. i]}; warm-up {@code n}; NaN where the ratio is not positive.
     * <pre>{@code
     * Temporal.logReturn(candles, "close", 1);   // close_log_return_1
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param n the distance in rows, at least 1
     * @param more further distances, computed in the same pass
     * @return the table with one {@code {column}_log_return_{n}} column per distance
     * @throws IllegalArgumentException when the column is absent or not numeric, or a distance is below 1
     */
    public static Derived logReturn(Table table, String column, int n, int... more) {
        return steps(table, column, ColumnArrays.Step.LOG_RETURN, "log_return",
                ArgumentChecks.allAtLeast("log_return", "n", 1, n, more));
    }

    /**
     * The trailing mean: {@code close_rolling_mean_w[i] = (close[i-w+1] + ... + close[i]) / w}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN. The SMA's kernel
     * ({@link RollingSums}): no running sum carried along the table, so no drift however long it is.
     * <pre>{@code
     * Temporal.rollingMean(candles, "close", 5, 20);   // close_rolling_mean_5, close_rolling_mean_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 1
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_mean_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 1
     */
    public static Derived rollingMean(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_mean", -1, (x, w) -> RollingSums.means(x, new int[] {w})[0], window,
                more);
    }

    /**
     * The trailing sum: {@code close_rolling_sum_w[i] = close[i-w+1] + ... + close[i]}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN.
     * <pre>{@code
     * Temporal.rollingSum(candles, "volume", 60);      // volume_rolling_sum_60
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 1
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_sum_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 1
     */
    public static Derived rollingSum(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_sum", -1, (x, w) -> RollingSums.sums(x, new int[] {w})[0], window,
                more);
    }

    /**
     * The trailing minimum: {@code close_rolling_min_w[i] = min(close[i-w+1 .. i])}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN.
     * <pre>{@code
     * Temporal.rollingMin(candles, "low", 20);         // low_rolling_min_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 1
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_min_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 1
     */
    public static Derived rollingMin(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_min", -1, RollingExtremes::min, window, more);
    }

    /**
     * The trailing maximum: {@code close_rolling_max_w[i] = max(close[i-w+1 .. i])}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN.
     * <pre>{@code
     * Temporal.rollingMax(candles, "high", 20);        // high_rolling_max_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 1
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_max_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 1
     */
    public static Derived rollingMax(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_max", -1, RollingExtremes::max, window, more);
    }

    /**
     * The trailing <b>sample</b> standard deviation (divisor {@code w-1}, ddof 1, as pandas' {@code rolling().std()}):
     * {@code close_rolling_std_w[i] = sqrt(sum((x - mean)^2) / (w-1))} over {@code close[i-w+1 .. i]}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN. Needs {@code w >= 2}.
     * For the population deviation (divisor {@code w}, as TA-Lib's {@code STDDEV} and Bollinger bands) use
     * {@link #rollingPopStd(Table, String, int, int...)}. Bollinger's kernel ({@link RollingDeviations}), so it stays
     * accurate for prices far from zero.
     * <pre>{@code
     * Temporal.rollingStd(candles, "close_log_return_1", 20);   // close_log_return_1_rolling_std_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 2
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_std_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 2
     */
    public static Derived rollingStd(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_std", 1, (x, w) -> RollingDeviations.sigma(x, w, 1), window, more);
    }

    /**
     * The trailing <b>population</b> standard deviation (divisor {@code w}, ddof 0, as TA-Lib's {@code STDDEV}):
     * {@code close_rolling_pop_std_w[i] = sqrt(sum((x - mean)^2) / w)} over {@code close[i-w+1 .. i]}.
     *
     * <p>Reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}; NaN when the window holds a NaN. For the sample deviation
     * use {@link #rollingStd(Table, String, int, int...)}.
     * <pre>{@code
     * Temporal.rollingPopStd(candles, "close", 20);    // close_rolling_pop_std_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param window the window length in rows, at least 1
     * @param more further window lengths
     * @return the table with one {@code {column}_rolling_pop_std_{w}} column per window
     * @throws IllegalArgumentException when the column is absent or not numeric, or a window is below 1
     */
    public static Derived rollingPopStd(Table table, String column, int window, int... more) {
        return rolling(table, column, "rolling_pop_std", 0, (x, w) -> RollingDeviations.sigma(x, w, 0), window, more);
    }

    private static Derived steps(Table table, String column, ColumnArrays.Step step, String op, int[] lags) {
        double[][] values = ColumnArrays.steps(ColumnArrays.finite(table, column), step, lags);
        Derived.Builder b = Derived.builder(table);
        for (int s = 0; s < lags.length; s++) {
            int n = lags[s];
            String name = Columns.name(column, op, n);
            RowWindow reads = step == ColumnArrays.Step.LAG ? RowWindow.of(-n, -n) : RowWindow.of(-n, 0);
            b.add(Columns.doubleColumn(name, values[s]), RowDerivationSpec.builder(step.name())
                    .baseColumn(column).param("n", n).reads(reads).output(name).warmup(n).build());
        }
        return b.build();
    }

    /** A rolling aggregate; {@code ddof < 0} means the op has no ddof param. */
    private static Derived rolling(Table table, String column, String op, int ddof,
            BiFunction<double[], Integer, double[]> kernel, int window, int[] more) {
        int[] windows = ArgumentChecks.allAtLeast(op, "window", Math.max(1, ddof + 1), window, more);
        double[] x = ColumnArrays.finite(table, column);
        Derived.Builder b = Derived.builder(table);
        for (int w : windows) {
            String name = Columns.name(column, op, w);
            RowDerivationSpec.Builder spec = RowDerivationSpec.builder(op.toUpperCase(java.util.Locale.ROOT))
                    .baseColumn(column).param("window", w);
            if (ddof >= 0) {
                spec.param("ddof", ddof);
            }
            double[] values = kernel.apply(x, w);
            for (int i = 0; i < values.length; i++) {
                values[i] = finiteOrNaN(values[i]); // an overflowing sum or σ is NaN, never ±inf
            }
            b.add(Columns.doubleColumn(name, values),
                    spec.reads(RowWindow.trailing(w)).output(name).warmup(w - 1).build());
        }
        return b.build();
    }
}
