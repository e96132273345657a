package io.qlir.charts;

import io.qlir.ops.study.Direction;
import io.qlir.ops.study.RunStats;
import io.qlir.ops.study.SmaPersistence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/** The run-length distribution and survival curves of an SMA persistence study, as chart panels. */
final class StudyPlan {

    static final String DISTRIBUTION = "share of completed runs";
    static final String SURVIVAL = "P(run >= n)";
    private static final int AUTO_WINDOWS = 6;

    private final SmaPersistence result;
    private final StudyChartOptions options;
    private final List<RunStats> drawn = new ArrayList<>();
    private final int maxLength;

    private StudyPlan(SmaPersistence result, StudyChartOptions options) {
        this.result = result;
        this.options = options;
        for (int w : windows()) {
            for (Direction d : Direction.values()) {
                if (options.directions().contains(d)) {
                    drawn.add(result.stats(w, d));
                }
            }
        }
        // Automatic: where the longest-lasting curve drawn reaches its 99th percentile, so a few extreme runs do not
        // squeeze the body of every curve into the left edge.
        int p99 = drawn.stream().filter(s -> s.runs() > 0).mapToInt(s -> (int) Math.ceil(s.percentile(0.99)))
                .max().orElse(1);
        this.maxLength = options.maxLength() > 0 ? options.maxLength() : Math.max(p99, 1);
    }

    static ChartSpec distribution(SmaPersistence result, StudyChartOptions options) {
        StudyPlan p = new StudyPlan(result, options);
        return p.chart(List.of(p.distributionPanel()));
    }

    static ChartSpec survival(SmaPersistence result, StudyChartOptions options) {
        StudyPlan p = new StudyPlan(result, options);
        return p.chart(List.of(p.survivalPanel()));
    }

    static ChartSpec both(SmaPersistence result, StudyChartOptions options) {
        StudyPlan p = new StudyPlan(result, options);
        return p.chart(List.of(p.distributionPanel(), p.survivalPanel()));
    }

    /** The requested windows, checked; or up to six spread evenly over the study's windows, first and last kept. */
    private List<Integer> windows() {
        List<Integer> all = result.windows();
        if (!options.windows().isEmpty()) {
            for (int w : options.windows()) {
                if (!all.contains(w)) {
                    throw new IllegalArgumentException("window " + w + " is not in the study; its windows: " + all);
                }
            }
            return options.windows();
        }
        if (all.size() <= AUTO_WINDOWS) {
            return all;
        }
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < AUTO_WINDOWS; k++) {
            int w = all.get((int) Math.round(k * (all.size() - 1) / (double) (AUTO_WINDOWS - 1)));
            if (!picked.contains(w)) {
                picked.add(w);
            }
        }
        return picked;
    }

    private Panel distributionPanel() {
        return new Panel(DISTRIBUTION, 1, false, curves((s, n) -> s.share(n), false));
    }

    private Panel survivalPanel() {
        return new Panel(SURVIVAL, 1, options.logScale(), curves((s, n) -> s.survival(n), options.logScale()));
    }

    private List<ChartSeries> curves(ToDoubleBiFunction<RunStats, Integer> value, boolean positiveOnly) {
        List<ChartSeries> out = new ArrayList<>();
        for (RunStats s : drawn) {
            int last = Math.min(maxLength, s.max());
            List<double[]> pts = new ArrayList<>();
            for (int n = 1; n <= last; n++) {
                double v = value.applyAsDouble(s, n);
                if (!positiveOnly || v > 0) {
                    pts.add(new double[] {n, v});
                }
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            out.add(ChartSeries.of(name(s), SeriesKind.LINE_WITH_DOTS, null, x, y));
        }
        return out;
    }

    static String name(RunStats s) {
        return label(s) + " (" + s.runs() + " runs)";
    }

    /** A curve's stem: the study's SMA window and the run direction. */
    private static String label(RunStats s) {
        return "sma " + s.window() + " " + s.direction().wireCode();
    }

    private ChartSpec chart(List<Panel> panels) {
        List<String> skipped = new ArrayList<>();
        for (RunStats s : drawn) {
            if (s.runs() == 0) {
                skipped.add(label(s) + ": no completed runs");
            }
        }
        return new ChartSpec(options.title(), options.width(), options.height(), AxisKind.NUMBER,
                "run length (bars)", panels, skipped);
    }
}
