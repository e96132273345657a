package io.qlir.ops.indicators;

import io.qlir.core.Columns;
import io.qlir.core.catalogue.ArgumentChecks;
import java.util.Objects;

/**
 * Three band lines (lower, mid, upper) as columns of a table, named by a common stem; the input of
 * {@link Indicators#bandTouches(tech.tablesaw.api.Table, Bands, double)}.
 *
 * <p>Why a value and not three strings: touch columns are named after the bands' stem
 * ({@code close_boll_20_2_touch_lower}), and Bollinger bands that are not in the table yet can be computed on the
 * spot because the value knows their column, period and k.
 * <pre>{@code
 * Bands b = Bands.bollinger("close", 20, 2);   // close_boll_lower_20_2, close_boll_mid_20_2, close_boll_upper_20_2
 * Derived d = Indicators.bandTouches(candles, b);
 * }</pre>
 */
public final class Bands {

    private final String stem;
    private final String lower;
    private final String mid;
    private final String upper;
    private final int warmup;
    private final String column;
    private final int period;
    private final double k;

    private Bands(String stem, String lower, String mid, String upper, int warmup, String column, int period,
            double k) {
        this.stem = stem;
        this.lower = lower;
        this.mid = mid;
        this.upper = upper;
        this.warmup = warmup;
        this.column = column;
        this.period = period;
        this.k = k;
    }

    /**
     * The Bollinger bands {@link Indicators#bollinger(tech.tablesaw.api.Table, String, int, double)} writes.
     *
     * @param column the base column, for example {@code close}
     * @param period the window, at least 1
     * @param k the width in standard deviations, finite and at least 0
     * @return the bands, stem {@code {column}_boll_{period}_{k}}
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public static Bands bollinger(String column, int period, double k) {
        ArgumentChecks.column("bollinger", "column", column);
        ArgumentChecks.atLeast("bollinger", "period", 1, period);
        ArgumentChecks.nonNegative("bollinger", "k", k);
        return new Bands(Columns.name(column, "boll", period, k), Columns.name(column, "boll", "lower", period, k),
                Columns.name(column, "boll", "mid", period, k), Columns.name(column, "boll", "upper", period, k),
                period - 1, column, period, k);
    }

    /**
     * Any three band columns already in a table (for example Keltner channels).
     *
     * @param stem the prefix of the touch columns, for example {@code close_kelt_20}
     * @param lower the lower line's column
     * @param mid the middle line's column
     * @param upper the upper line's column
     * @param warmup the first row where all three lines are defined
     * @return the bands
     * @throws IllegalArgumentException when a name is blank or the warm-up is negative
     */
    public static Bands of(String stem, String lower, String mid, String upper, int warmup) {
        ArgumentChecks.column("bands", "stem", stem);
        ArgumentChecks.column("bands", "lower", lower);
        ArgumentChecks.column("bands", "mid", mid);
        ArgumentChecks.column("bands", "upper", upper);
        ArgumentChecks.atLeast("bands", "warmup", 0, warmup);
        return new Bands(stem, lower, mid, upper, warmup, null, 0, 0);
    }

    /**
     * The stem touch columns are named after.
     *
     * @return for example {@code close_boll_20_2}
     */
    public String stem() {
        return stem;
    }

    /**
     * The lower line's column.
     *
     * @return the column name
     */
    public String lower() {
        return lower;
    }

    /**
     * The middle line's column.
     *
     * @return the column name
     */
    public String mid() {
        return mid;
    }

    /**
     * The upper line's column.
     *
     * @return the column name
     */
    public String upper() {
        return upper;
    }

    /**
     * The first row where all three lines are defined.
     *
     * @return the warm-up
     */
    public int warmup() {
        return warmup;
    }

    boolean isBollinger() {
        return column != null;
    }

    String column() {
        return column;
    }

    int period() {
        return period;
    }

    double k() {
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bands b && b.stem.equals(stem) && b.lower.equals(lower) && b.mid.equals(mid)
                && b.upper.equals(upper) && b.warmup == warmup && Objects.equals(b.column, column)
                && b.period == period && Double.compare(b.k, k) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stem, lower, mid, upper, warmup, column, period, k);
    }

    @Override
    public String toString() {
        return "Bands[" + stem + ": " + lower + ", " + mid + ", " + upper + "]";
    }
}
