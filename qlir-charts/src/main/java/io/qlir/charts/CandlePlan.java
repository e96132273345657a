package io.qlir.charts;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.RowDerivationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Decides where each derived column goes on a candle chart, from its spec: overlays on the price panel, markers,
 * range-shock panel and events, or a panel of its own.
 */
final class CandlePlan {

    static final String PRICE = "price";
    static final String SHOCK = "range shock";
    static final String CANDLES = "candles";

    /** Spec ops whose values are prices: drawn over the candles. */
    private static final Set<String> OVERLAYS = Set.of("SMA", "EMA", "WMA", "BOLL_MID", "BOLL_UPPER", "BOLL_LOWER",
            "VWAP");

    private final Derived derived;
    private final CandleChartOptions options;
    private final int from;
    private final int to;
    private final double[] x;
    private final List<Series> price = new ArrayList<>();
    private final List<Series> priceMarks = new ArrayList<>();
    private final List<Series> shock = new ArrayList<>();
    private final Map<String, List<Series>> lower = new LinkedHashMap<>();
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
        price.add(Series.candles(CANDLES, x, visible(Candles.OPEN), visible(Candles.HIGH), visible(Candles.LOW),
                visible(Candles.CLOSE)));
        for (String column : derived.columns()) {
            RowDerivationSpec spec = derived.spec(column);
            Column<?> c = derived.table().column(column);
            if (c instanceof BooleanColumn) {
                priceMarks.add(markers(column, spec));
            } else if (!(c instanceof NumericColumn<?>)) {
                skipped.add(column + ": " + c.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " labels are not drawn");
            } else if (OVERLAYS.contains(spec.op())) {
                price.add(Series.of(column, SeriesKind.LINE, column, x, visible(column)));
            } else if (spec.op().equals("RANGE_SHOCK")) {
                placeShock(column);
            } else {
                lower.computeIfAbsent(spec.op().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(Series.of(column, SeriesKind.LINE, column, x, visible(column)));
            }
        }
    }

    private void placeShock(String column) {
        double[] v = visible(column);
        double threshold = options.shockThreshold();
        shock.add(Series.of(column, SeriesKind.LINE, column, x, v));
        shock.add(Series.of(column + " threshold " + Columns.number(threshold), SeriesKind.THRESHOLD, null,
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

    /** A boolean column as dots where it is true: band touches on their line, other flags on the close. */
    private Series markers(String column, RowDerivationSpec spec) {
        boolean[] flag = Columns.booleans(derived.table(), column);
        double[] at = visible(lineOf(spec));
        List<double[]> pts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (flag[i]) {
                pts.add(new double[] {x[i - from], at[i - from]});
            }
        }
        return points(column, SeriesKind.MARKERS, column, pts);
    }

    /** The band line a touch column refers to, when it is in the table; otherwise the close. */
    private String lineOf(RowDerivationSpec spec) {
        if (!spec.op().equals("BAND_TOUCH")) {
            return Candles.CLOSE;
        }
        String line = String.valueOf(spec.param("line"));
        int index = List.of("lower", "mid", "upper").indexOf(line);
        String candidate = null;
        if (spec.params().stream().anyMatch(p -> p.name().equals("bands"))) {
            candidate = index >= 0 && spec.inputs().size() > 2 ? spec.inputs().get(index) : null;
        } else if (index >= 0) {
            io.qlir.ops.indicators.Bands b = io.qlir.ops.indicators.Bands.bollinger(
                    String.valueOf(spec.param("base_col")), ((Number) spec.param("period")).intValue(),
                    ((Number) spec.param("k")).doubleValue());
            candidate = List.of(b.lower(), b.mid(), b.upper()).get(index);
        }
        return candidate != null && derived.table().containsColumn(candidate) ? candidate : Candles.CLOSE;
    }

    private static Series points(String name, SeriesKind kind, String column, List<double[]> pts) {
        double[] px = new double[pts.size()];
        double[] py = new double[pts.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = pts.get(i)[0];
            py[i] = pts.get(i)[1];
        }
        return Series.of(name, kind, column, px, py);
    }

    private double[] visible(String column) {
        return java.util.Arrays.copyOfRange(Columns.doubles(derived.table(), column), from, to);
    }

    private ChartSpec spec() {
        List<Series> top = new ArrayList<>(price);
        top.addAll(priceMarks);
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(PRICE, 3, false, top));
        if (!shock.isEmpty()) {
            panels.add(new Panel(SHOCK, 1, false, shock));
        }
        lower.forEach((op, series) -> panels.add(new Panel(op, 1, false, series)));
        return new ChartSpec(options.title(), options.width(), options.height(), AxisKind.TIME, "time (UTC)", panels,
                skipped);
    }
}
