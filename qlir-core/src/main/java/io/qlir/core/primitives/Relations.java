package io.qlir.core.primitives;

import io.qlir.core.Derived;
import tech.tablesaw.api.Table;

/**
 * Comparisons between columns and between a bar and the bar before it, as boolean columns.
 *
 * <p>Column comparisons ({@code gt}, {@code ge}, {@code lt}, {@code le}, {@code eq}, {@code ne}) read the written row
 * of both columns and are named {@code {a}_{op}_{b}} ({@code close_gt_open}); with a tolerance the name adds
 * {@code _tol_{tolerance}} ({@code close_eq_open_tol_0p01}). The tolerance is absolute and widens the "equal" band:
 * {@code gt} means {@code a > b + tol}, {@code ge} {@code a >= b - tol}, {@code lt} {@code a < b - tol},
 * {@code le} {@code a <= b + tol}, {@code eq} {@code |a - b| <= tol}, {@code ne} {@code |a - b| > tol}.
 *
 * <p><b>NaN is unknown, not different</b>: every relation, {@code ne} included, is false when an operand it reads is
 * NaN (or non-finite). Rows before a relation's warm-up (row 0 of the bar-to-bar relations) are missing, not false.
 * Bar relations read the candle columns {@code open, high, low, close} and are named without a column prefix
 * ({@code higher_high}, {@code inside_bar}, {@code true_range}).
 * <pre>{@code
 * Derived d = Relations.crossUp(Temporal.rollingMean(candles, "close", 20).table(), "close", "close_rolling_mean_20");
 * }</pre>
 */
public final class Relations {

    private Relations() {
    }

    /**
     * Whether {@code a} is greater than {@code b}: {@code close_gt_open[i] = close[i] > open[i]}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.gt(candles, "close", "open");     // close_gt_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_gt_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived gt(Table table, String a, String b) {
        return gt(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} exceeds {@code b} by more than {@code tolerance}: {@code a[i] > b[i] + tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.gt(candles, "close", "open", 0.5);   // close_gt_open_tol_0p5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0 ({@code 0} gives the name without {@code _tol})
     * @return the table with {@code {a}_gt_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived gt(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "gt", a, b, tolerance, (x, y, t) -> x > y + t);
    }

    /**
     * Whether {@code a} is greater than or equal to {@code b}: {@code close_ge_open[i] = close[i] >= open[i]}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.ge(candles, "close", "open");     // close_ge_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_ge_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived ge(Table table, String a, String b) {
        return ge(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} is at least {@code b} less the tolerance: {@code a[i] >= b[i] - tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.ge(candles, "close", "open", 0.5);   // close_ge_open_tol_0p5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0
     * @return the table with {@code {a}_ge_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived ge(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "ge", a, b, tolerance, (x, y, t) -> x >= y - t);
    }

    /**
     * Whether {@code a} is less than {@code b}: {@code close_lt_open[i] = close[i] < open[i]}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.lt(candles, "close", "open");     // close_lt_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_lt_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived lt(Table table, String a, String b) {
        return lt(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} falls short of {@code b} by more than {@code tolerance}: {@code a[i] < b[i] - tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.lt(candles, "close", "open", 0.5);   // close_lt_open_tol_0p5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0
     * @return the table with {@code {a}_lt_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived lt(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "lt", a, b, tolerance, (x, y, t) -> x < y - t);
    }

    /**
     * Whether {@code a} is less than or equal to {@code b}: {@code close_le_open[i] = close[i] <= open[i]}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.le(candles, "close", "open");     // close_le_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_le_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived le(Table table, String a, String b) {
        return le(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} is at most {@code b} plus the tolerance: {@code a[i] <= b[i] + tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.le(candles, "close", "open", 0.5);   // close_le_open_tol_0p5
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0
     * @return the table with {@code {a}_le_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived le(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "le", a, b, tolerance, (x, y, t) -> x <= y + t);
    }

    /**
     * Whether {@code a} equals {@code b} exactly: {@code close_eq_open[i] = close[i] == open[i]}. Prices that went
     * through arithmetic rarely compare equal; prefer {@link #eq(Table, String, String, double)}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.eq(candles, "close", "open");     // close_eq_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_eq_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived eq(Table table, String a, String b) {
        return eq(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} and {@code b} differ by at most {@code tolerance}: {@code |a[i] - b[i]| <= tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.eq(candles, "close", "open", 0.01);  // close_eq_open_tol_0p01 (a doji-ish bar)
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0
     * @return the table with {@code {a}_eq_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived eq(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "eq", a, b, tolerance, (x, y, t) -> Math.abs(x - y) <= t);
    }

    /**
     * Whether {@code a} differs from {@code b}: {@code close_ne_open[i] = close[i] != open[i]}; false (not true)
     * when either is NaN.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0.
     * <pre>{@code
     * Relations.ne(candles, "close", "open");     // close_ne_open
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @return the table with {@code {a}_ne_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived ne(Table table, String a, String b) {
        return ne(table, a, b, 0.0);
    }

    /**
     * Whether {@code a} and {@code b} differ by more than {@code tolerance}: {@code |a[i] - b[i]| > tolerance}.
     *
     * <p>Reads {@code [i .. i]} of both; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.ne(candles, "close", "open", 0.01);  // close_ne_open_tol_0p01
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the left numeric column
     * @param b the right numeric column
     * @param tolerance the absolute tolerance, at least 0
     * @return the table with {@code {a}_ne_{b}[_tol_{tolerance}]}
     * @throws IllegalArgumentException when a column is absent or not numeric, or the tolerance is negative or not
     *     finite
     */
    public static Derived ne(Table table, String a, String b, double tolerance) {
        return Comparisons.compare(table, "ne", a, b, tolerance, (x, y, t) -> Math.abs(x - y) > t);
    }

    /**
     * Whether {@code a} crosses above {@code b} at this row:
     * {@code a[i] > b[i] && a[i-1] <= b[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of both; warm-up 1 (row 0 is missing); false when any of the four values is NaN.
     * <pre>{@code
     * Relations.crossUp(t, "close", "close_rolling_mean_20");   // close_cross_up_close_rolling_mean_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the crossing numeric column
     * @param b the crossed numeric column
     * @return the table with {@code {a}_cross_up_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived crossUp(Table table, String a, String b) {
        return Comparisons.cross(table, "cross_up", a, b, (prev, now) -> prev <= 0 && now > 0);
    }

    /**
     * Whether {@code a} crosses below {@code b} at this row:
     * {@code a[i] < b[i] && a[i-1] >= b[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of both; warm-up 1 (row 0 is missing); false when any of the four values is NaN.
     * <pre>{@code
     * Relations.crossDown(t, "close", "close_rolling_mean_20"); // close_cross_down_close_rolling_mean_20
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param a the crossing numeric column
     * @param b the crossed numeric column
     * @return the table with {@code {a}_cross_down_{b}}
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived crossDown(Table table, String a, String b) {
        return Comparisons.cross(table, "cross_down", a, b, (prev, now) -> prev >= 0 && now < 0);
    }

    // ---- bar relations -----------------------------------------------------------------------------------------

    /**
     * Whether this bar's high is above the previous bar's: {@code higher_high[i] = high[i] > high[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of {@code high}; warm-up 1 (row 0 is missing); false when either high is NaN.
     * <pre>{@code
     * Relations.higherHigh(candles);              // higher_high
     * }</pre>
     *
     * @param table a table with a numeric {@code high} column (not modified)
     * @return the table with {@code higher_high}
     * @throws IllegalArgumentException when {@code high} is absent (listing the columns present)
     */
    public static Derived higherHigh(Table table) {
        return BarRelations.higherHigh(table);
    }

    /**
     * Whether this bar's low is below the previous bar's: {@code lower_low[i] = low[i] < low[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of {@code low}; warm-up 1 (row 0 is missing); false when either low is NaN.
     * <pre>{@code
     * Relations.lowerLow(candles);                // lower_low
     * }</pre>
     *
     * @param table a table with a numeric {@code low} column (not modified)
     * @return the table with {@code lower_low}
     * @throws IllegalArgumentException when {@code low} is absent (listing the columns present)
     */
    public static Derived lowerLow(Table table) {
        return BarRelations.lowerLow(table);
    }

    /**
     * Whether this bar lies strictly inside the previous one:
     * {@code inside_bar[i] = high[i] < high[i-1] && low[i] > low[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of {@code high, low}; warm-up 1 (row 0 is missing); false when any value is NaN.
     * Strict: a bar that shares the previous high or low is not inside.
     * <pre>{@code
     * Relations.insideBar(candles);               // inside_bar
     * }</pre>
     *
     * @param table a table with numeric {@code high} and {@code low} columns (not modified)
     * @return the table with {@code inside_bar}
     * @throws IllegalArgumentException when a column is absent (listing the columns present)
     */
    public static Derived insideBar(Table table) {
        return BarRelations.insideBar(table);
    }

    /**
     * Whether this bar strictly engulfs the previous one's range:
     * {@code outside_bar[i] = high[i] > high[i-1] && low[i] < low[i-1]}.
     *
     * <p>Reads {@code [i-1 .. i]} of {@code high, low}; warm-up 1 (row 0 is missing); false when any value is NaN.
     * <pre>{@code
     * Relations.outsideBar(candles);              // outside_bar
     * }</pre>
     *
     * @param table a table with numeric {@code high} and {@code low} columns (not modified)
     * @return the table with {@code outside_bar}
     * @throws IllegalArgumentException when a column is absent (listing the columns present)
     */
    public static Derived outsideBar(Table table) {
        return BarRelations.outsideBar(table);
    }

    /**
     * Whether the bar closed above its open: {@code bullish[i] = close[i] > open[i]}.
     *
     * <p>Reads {@code [i .. i]} of {@code close, open}; warm-up 0; false when either is NaN (a doji is neither
     * bullish nor bearish).
     * <pre>{@code
     * Relations.bullish(candles);                 // bullish
     * }</pre>
     *
     * @param table a table with numeric {@code open} and {@code close} columns (not modified)
     * @return the table with {@code bullish}
     * @throws IllegalArgumentException when a column is absent (listing the columns present)
     */
    public static Derived bullish(Table table) {
        return BarRelations.bullish(table);
    }

    /**
     * Whether the bar closed below its open: {@code bearish[i] = close[i] < open[i]}.
     *
     * <p>Reads {@code [i .. i]} of {@code close, open}; warm-up 0; false when either is NaN.
     * <pre>{@code
     * Relations.bearish(candles);                 // bearish
     * }</pre>
     *
     * @param table a table with numeric {@code open} and {@code close} columns (not modified)
     * @return the table with {@code bearish}
     * @throws IllegalArgumentException when a column is absent (listing the columns present)
     */
    public static Derived bearish(Table table) {
        return BarRelations.bearish(table);
    }

    /**
     * Wilder's true range, a number: {@code true_range[i] = max(high[i] - low[i], |high[i] - close[i-1]|,
     * |low[i] - close[i-1]|)}.
     *
     * <p>Reads {@code [i-1 .. i]} of {@code high, low, close}; warm-up 1 (row 0 is NaN, as TA-Lib's {@code TRANGE});
     * NaN when any value read is NaN.
     * <pre>{@code
     * Relations.trueRange(candles);               // true_range
     * }</pre>
     *
     * @param table a table with numeric {@code high}, {@code low} and {@code close} columns (not modified)
     * @return the table with the double column {@code true_range}
     * @throws IllegalArgumentException when a column is absent (listing the columns present)
     */
    public static Derived trueRange(Table table) {
        return BarRelations.trueRange(table);
    }
}
