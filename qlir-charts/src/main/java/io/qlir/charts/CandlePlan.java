package io.qlir.charts;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ChartHint;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpOutput;
import io.qlir.semantics.RowDerivationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Decides where each derived column goes on a candle chart: the op catalogue's chart hint for the column's spec op
 * says overlay on the price panel, markers, a threshold panel with events, or a panel of its own (also what a column
 * no op declares gets). Boolean columns are markers whatever their hint; labels are not drawn.
 */
final class CandlePlan {

    static final String PRICE = "price";
    static final String CANDLES = "candles";

    private final Derived derived;
    private final CandleChartOptions options;
    private final int from;
    private final int to;
    private final double[] x;
    private final List<ChartSeries> price = new ArrayList<>();
    private final List<ChartSeries> priceMarks = new ArrayList<>();
    private final Map<String, List<ChartSeries>> thresholds = new LinkedHashMap<>();
    private final Map<String, List<ChartSeries>> lower = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private CandlePlan(Derived derived, CandleChartOptions options) {
        this.derived = derived;
        this.options = options;
        Table t = derived.table();
        double[] times = Columns.doubles(t, Candles.OPEN_TIME);
        int end = times.length;
        while (options.to() != null && end > 0 && times[end - 1] > options.to().toEpochMilli()) {
            end--;
        }
        int start = Math.max(0, end - options.lastBars());
        while (options.from() != null && start < end && times[start] < options.from().toEpochMilli()) {
            start++;
        }
        if (start == end) {
            throw new IllegalArgumentException("no bar of table '" + t.name() + "' opens in the chart's range "
                    + options.from() + " .. " + options.to() + "; the table spans "
                    + java.time.Instant.ofEpochMilli((long) times[0]) + " .. "
                    + java.time.Instant.ofEpochMilli((long) times[times.length - 1]));
        }
        this.from = start;
        this.to = end;
        this.x = java.util.Arrays.copyOfRange(times, from, to);
    }

    static ChartSpec plan(Derived derived, CandleChartOptions options) {
        for (String column : List.of(Candles.OPEN_TIME, Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE)) {
            if (!derived.table().containsColumn(column)) {
                throw new IllegalArgumentException("cannot chart table '" + derived.table().name() + "': a candle"
                        + " chart draws open_time, open, high, low and close, and it lacks '" + column + "'; it has "
                        + derived.table().columnNames());
            }
        }
        if (derived.table().rowCount() == 0) {
            throw new IllegalArgumentException("cannot chart table '" + derived.table().name() + "': it has no rows");
        }
        CandlePlan p = new CandlePlan(derived, options);
        p.place();
        return p.spec();
    }

    private void place() {
        price.add(ChartSeries.candles(CANDLES, x, visible(Candles.OPEN), visible(Candles.HIGH), visible(Candles.LOW),
                visible(Candles.CLOSE)));
        for (String column : derived.columns()) {
            RowDerivationSpec spec = derived.spec(column);
            ChartHint hint = OpCatalogue.standard().output(spec.op()).map(OpOutput::chart)
                    .orElseGet(ChartHint::ownPanel);
            Column<?> c = derived.table().column(column);
            if (c instanceof BooleanColumn) {
                priceMarks.add(markers(column, hint.anchorOf(spec)));
            } else if (!(c instanceof NumericColumn<?>)) {
                skipped.add(column + ": " + c.type().name().toLowerCase(Locale.ROOT) + " labels are not drawn");
            } else if (hint.placement() == ChartHint.Placement.PRICE_OVERLAY) {
                price.add(ChartSeries.of(column, SeriesKind.LINE, column, x, visible(column)));
            } else if (hint.placement() == ChartHint.Placement.THRESHOLD_PANEL) {
                placeThreshold(thresholds.computeIfAbsent(hint.panel(), k -> new ArrayList<>()), column);
            } else {
                String panel = hint.panel() != null ? hint.panel() : spec.op().toLowerCase(Locale.ROOT);
                lower.computeIfAbsent(panel, k -> new ArrayList<>())
                        .add(ChartSeries.of(column, SeriesKind.LINE, column, x, visible(column)));
            }
        }
    }

    /** A line in its panel, the chart's threshold beside it, and an event on the price panel where it is reached. */
    private void placeThreshold(List<ChartSeries> panel, String column) {
        double[] v = visible(column);
        double threshold = options.shockThreshold();
        panel.add(ChartSeries.of(column, SeriesKind.LINE, column, x, v));
        panel.add(ChartSeries.of(column + " threshold " + Columns.number(threshold), SeriesKind.THRESHOLD, null,
                new double[] {x[0], x[x.length - 1]}, new double[] {threshold, threshold}));
        double[] high = visible(Candles.HIGH);
        List<double[]> events = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= threshold) {
                events.add(new double[] {x[i], high[i]});
            }
        }
        priceMarks.add(points(column + " >= " + Columns.number(threshold), SeriesKind.EVENTS, column, events));
    }

    /** A boolean column as dots where it is true, on its anchor column when the table has it, else the close. */
    private ChartSeries markers(String column, String anchor) {
        boolean[] flag = Columns.booleans(derived.table(), column);
        String line = anchor != null && derived.table().containsColumn(anchor) ? anchor : Candles.CLOSE;
        double[] at = visible(line);
        List<double[]> pts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (flag[i]) {
                pts.add(new double[] {x[i - from], at[i - from]});
            }
        }
        return points(column, SeriesKind.MARKERS, column, pts);
    }

    private static ChartSeries points(String name, SeriesKind kind, String column, List<double[]> pts) {
        double[] px = new double[pts.size()];
        double[] py = new double[pts.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = pts.get(i)[0];
            py[i] = pts.get(i)[1];
        }
        return ChartSeries.of(name, kind, column, px, py);
    }

    private double[] visible(String column) {
        return java.util.Arrays.copyOfRange(Columns.doubles(derived.table(), column), from, to);
    }

    private ChartSpec spec() {
        List<ChartSeries> top = new ArrayList<>(price);
        top.addAll(priceMarks);
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(PRICE, 3, false, top));
        thresholds.forEach((title, series) -> panels.add(new Panel(title, 1, false, series)));
        lower.forEach((op, series) -> panels.add(new Panel(op, 1, false, series)));
        return new ChartSpec(options.title(), options.width(), options.height(), AxisKind.TIME, "time (UTC)", panels,
                skipped);
    }
}
