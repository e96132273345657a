package io.qlir.charts;

import java.util.Arrays;
import java.util.Objects;

/**
 * One series of a chart as it will be drawn: a name (the legend entry), a kind, the column it came from, and its
 * points. Candles carry open, high, low and close per point; every other kind one y per x. An undefined y is NaN
 * and leaves a gap.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class ChartSeries {

    private final String name;
    private final SeriesKind kind;
    private final String column;
    private final double[] x;
    private final double[] y;
    private final double[][] ohlc;

    private ChartSeries(String name, SeriesKind kind, String column, double[] x, double[] y, double[][] ohlc) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.column = column;
        this.x = x.clone();
        this.y = y.clone();
        this.ohlc = ohlc;
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + " has " + x.length + " x and " + y.length + " y");
        }
    }

    static ChartSeries of(String name, SeriesKind kind, String column, double[] x, double[] y) {
        return new ChartSeries(name, kind, column, x, y, null);
    }

    static ChartSeries candles(String name, double[] x, double[] open, double[] high, double[] low, double[] close) {
        return new ChartSeries(name, SeriesKind.CANDLES, null, x, close,
                new double[][] {open.clone(), high.clone(), low.clone(), close.clone()});
    }

    /**
     * The legend name, for example {@code close_sma_20}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * How it is drawn.
     *
     * @return the kind
     */
    public SeriesKind kind() {
        return kind;
    }

    /**
     * The table column the values came from.
     *
     * @return the column, or {@code null} for candles and thresholds
     */
    public String column() {
        return column;
    }

    /**
     * The number of points.
     *
     * @return the count
     */
    public int size() {
        return x.length;
    }

    /**
     * The x values (epoch millis on a time axis).
     *
     * @return a copy
     */
    public double[] x() {
        return x.clone();
    }

    /**
     * The y values (the close, for candles).
     *
     * @return a copy
     */
    public double[] y() {
        return y.clone();
    }

    double[] open() {
        return ohlc[0];
    }

    double[] high() {
        return ohlc[1];
    }

    double[] low() {
        return ohlc[2];
    }

    double[] xs() {
        return x;
    }

    double[] ys() {
        return y;
    }

    @Override
    public String toString() {
        return "ChartSeries[" + name + ", " + kind + ", " + x.length + " points" + (column == null ? "" : ", " + column)
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartSeries s && s.name.equals(name) && s.kind == kind && Objects.equals(s.column, column)
                && Arrays.equals(s.x, x) && Arrays.equals(s.y, y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, column, Arrays.hashCode(x), Arrays.hashCode(y));
    }
}
