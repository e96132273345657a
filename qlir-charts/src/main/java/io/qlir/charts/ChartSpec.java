package io.qlir.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart before it is drawn: title, size, the horizontal axis, and the panels with every series and its points.
 *
 * <p>Why a value between the data and the picture: what a chart shows can be read and asserted
 * ({@link #seriesNames()}) without decoding pixels, and the same spec renders the same PNG.
 * <pre>{@code
 * ChartSpec spec = Charts.candles(candles, CandleChartOptions.standard());
 * spec.seriesNames();       // [candles, close_sma_20, close_sma_50, close_boll_mid_20_2, ...]
 * Charts.writePng(spec, Path.of("chart.png"));
 * }</pre>
 *
 * @param title the chart's title
 * @param width the image width in pixels
 * @param height the image height in pixels
 * @param xAxis what the horizontal axis counts
 * @param xLabel the horizontal axis label
 * @param panels the stacked panels, top first
 * @param skipped columns that were asked for but are not drawn, each with the reason
 */
public record ChartSpec(String title, int width, int height, AxisKind xAxis, String xLabel, List<Panel> panels,
        List<String> skipped) {

    /**
     * Validates the components.
     *
     * @param title the chart's title
     * @param width the image width in pixels
     * @param height the image height in pixels
     * @param xAxis what the horizontal axis counts
     * @param xLabel the horizontal axis label
     * @param panels the stacked panels, top first
     * @param skipped columns that were asked for but are not drawn, each with the reason
     * @throws IllegalArgumentException when the size is not positive or there is no panel
     */
    public ChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(xLabel, "xLabel");
        panels = List.copyOf(panels);
        skipped = List.copyOf(skipped);
        ChartSize.check(width, height);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one panel");
        }
    }

    /**
     * Every series name, panel by panel, in drawing order.
     *
     * @return the names
     */
    public List<String> seriesNames() {
        List<String> names = new ArrayList<>();
        panels.forEach(p -> names.addAll(p.seriesNames()));
        return names;
    }

    /**
     * A series by name.
     *
     * @param name the series name
     * @return the series
     * @throws IllegalArgumentException naming it and listing the chart's series when there is none
     */
    public ChartSeries series(String name) {
        for (Panel p : panels) {
            for (ChartSeries s : p.series()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("no series '" + name + "' in chart '" + title + "'; series: "
                + seriesNames());
    }

    /**
     * A panel by title.
     *
     * @param panelTitle the panel's title
     * @return the panel
     * @throws IllegalArgumentException naming it and listing the panels when there is none
     */
    public Panel panel(String panelTitle) {
        for (Panel p : panels) {
            if (p.title().equals(panelTitle)) {
                return p;
            }
        }
        List<String> titles = new ArrayList<>();
        panels.forEach(p -> titles.add(p.title()));
        throw new IllegalArgumentException("no panel '" + panelTitle + "' in chart '" + title + "'; panels: "
                + titles);
    }
}
