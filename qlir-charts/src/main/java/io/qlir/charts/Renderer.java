package io.qlir.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultHighLowDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Turns a {@link ChartSpec} into a JFreeChart: one subplot per panel over a shared horizontal axis. */
final class Renderer {

    private static final Color[] LINE_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0xe377c2),
        new Color(0x2ca02c), new Color(0xd62728), new Color(0x393b79), new Color(0xad494a)};
    private static final Color UP = new Color(0x26a69a);
    private static final Color DOWN = new Color(0xef5350);
    private static final Color EVENT = new Color(0xff8f00);
    private static final Color GRID = new Color(0xe0e0e0);
    /** Beyond this many points the dots of a curve only hide the curve. */
    private static final int MAX_DOTS = 80;

    private Renderer() {
    }

    static JFreeChart chart(ChartSpec spec) {
        ValueAxis domain;
        if (spec.xAxis() == AxisKind.TIME) {
            DateAxis time = new DateAxis(spec.xLabel());
            time.setTimeZone(TimeZone.getTimeZone("UTC"));
            domain = time;
        } else {
            NumberAxis n = new NumberAxis(spec.xLabel());
            n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            domain = n;
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(domain);
        combined.setGap(8);
        java.util.Map<String, Integer> colours = new java.util.HashMap<>();   // one colour and legend entry per name
        for (Panel p : spec.panels()) {
            XYPlot plot = new XYPlot();
            plot.setRangeAxis(rangeAxis(p));
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            int index = 0;
            for (ChartSeries s : p.series()) {
                if (s.kind() == SeriesKind.CANDLES) {
                    plot.setDataset(index, candles(s));
                    plot.setRenderer(index, candleRenderer(s.size(), spec.width()));
                } else {
                    XYSeriesCollection data = new XYSeriesCollection(xySeries(s, p.logScale()));
                    plot.setDataset(index, data);
                    boolean seen = colours.containsKey(s.name());
                    int colour = colours.computeIfAbsent(s.name(), k -> colours.size());
                    XYLineAndShapeRenderer r = renderer(s, colorFor(s, colour));
                    r.setSeriesVisibleInLegend(0, !seen);
                    plot.setRenderer(index, r);
                }
                index++;
            }
            combined.add(plot, p.weight());
        }
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static ValueAxis rangeAxis(Panel p) {
        if (p.logScale()) {
            LogAxis log = new LogAxis(p.title());
            log.setSmallestValue(1e-6);
            return log;
        }
        NumberAxis axis = new NumberAxis(p.title());
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static DefaultHighLowDataset candles(ChartSeries s) {
        int n = s.size();
        Date[] dates = new Date[n];
        double[] volume = new double[n];
        double[] xs = s.xs();
        for (int i = 0; i < n; i++) {
            dates[i] = new Date((long) xs[i]);
        }
        return new DefaultHighLowDataset(s.name(), dates, s.high(), s.low(), s.open(), s.ys(), volume);
    }

    /**
     * Candles with a body 60% of the room per bar. The width is set from the image width because JFreeChart's
     * automatic width comes out a pixel or two wide inside a combined plot.
     */
    private static CandlestickRenderer candleRenderer(int bars, int imageWidth) {
        CandlestickRenderer r = new CandlestickRenderer();
        double plotWidth = imageWidth * 0.92 - 80;   // less the range axis and margins
        r.setCandleWidth(Math.max(1.0, 0.6 * plotWidth / Math.max(bars, 1)));
        r.setUpPaint(UP);
        r.setDownPaint(DOWN);
        r.setSeriesPaint(0, new Color(0x555555));   // wicks and outlines
        r.setUseOutlinePaint(false);
        r.setDrawVolume(false);
        r.setDefaultSeriesVisibleInLegend(true);
        return r;
    }

    private static XYSeries xySeries(ChartSeries s, boolean positiveOnly) {
        XYSeries out = new XYSeries(s.name(), false, true);
        double[] xs = s.xs();
        double[] ys = s.ys();
        for (int i = 0; i < xs.length; i++) {
            boolean defined = Double.isFinite(ys[i]) && (!positiveOnly || ys[i] > 0);
            out.add(xs[i], defined ? (Number) ys[i] : null, false);
        }
        return out;
    }

    private static XYLineAndShapeRenderer renderer(ChartSeries s, Paint paint) {
        boolean lines = s.kind() == SeriesKind.LINE || s.kind() == SeriesKind.LINE_WITH_DOTS
                || s.kind() == SeriesKind.THRESHOLD;
        boolean shapes = s.kind() == SeriesKind.MARKERS || s.kind() == SeriesKind.EVENTS
                || s.kind() == SeriesKind.LINE_WITH_DOTS && s.size() <= MAX_DOTS;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setSeriesPaint(0, paint);
        r.setSeriesStroke(0, s.kind() == SeriesKind.THRESHOLD
                ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(1.6f));
        r.setSeriesShape(0, shape(s.kind()));
        return r;
    }

    private static Paint colorFor(ChartSeries s, int colour) {
        if (s.kind() == SeriesKind.EVENTS || s.kind() == SeriesKind.THRESHOLD) {
            return EVENT;
        }
        if (s.kind() == SeriesKind.MARKERS) {
            String name = s.name();
            return name.endsWith("lower") ? UP.darker() : name.endsWith("upper") ? DOWN.darker()
                    : name.endsWith("mid") ? new Color(0x9e9e9e) : new Color(0x3949ab);
        }
        return LINE_COLORS[colour % LINE_COLORS.length];
    }

    private static Shape shape(SeriesKind kind) {
        if (kind == SeriesKind.EVENTS) {
            Path2D.Double triangle = new Path2D.Double();
            triangle.moveTo(0, -10);
            triangle.lineTo(5, -2);
            triangle.lineTo(-5, -2);
            triangle.closePath();
            return triangle;
        }
        double d = 5;
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    /** The series names in the chart's datasets, subplot by subplot, for checking that the picture follows the spec. */
    static List<String> datasetSeriesNames(JFreeChart chart) {
        List<String> names = new java.util.ArrayList<>();
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        for (XYPlot plot : combined.getSubplots()) {
            for (int i = 0; i < plot.getDatasetCount(); i++) {
                if (plot.getDataset(i) != null) {
                    for (int s = 0; s < plot.getDataset(i).getSeriesCount(); s++) {
                        names.add(String.valueOf(plot.getDataset(i).getSeriesKey(s)));
                    }
                }
            }
        }
        return names;
    }
}
