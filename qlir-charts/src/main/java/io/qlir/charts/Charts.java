package io.qlir.charts;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.ops.dataset.TableFiles;
import io.qlir.ops.study.SmaPersistence;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Charts of candles, indicators and study results, rendered headless to PNG.
 *
 * <p>Two steps: a method named for what it shows builds a {@link ChartSpec} (panels, series, points; read it to see
 * or test what will be drawn), and {@link #writePng(ChartSpec, Path)} draws it. Rendering needs no display: the class
 * sets {@code java.awt.headless=true} unless the JVM was started with a value.
 * <pre>{@code
 * ChartSpec c = Charts.candles(candles, CandleChartOptions.standard());
 * Charts.writePng(c, Path.of("btc.png"));
 * SmaPersistence r = Studies.smaPersistence(candles, "close");
 * Charts.writePng(Charts.smaPersistence(r, StudyChartOptions.defaults()), Path.of("runs.png"));
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Charts {

    private static final Logger LOG = LoggerFactory.getLogger(Charts.class);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * A candle chart: the options' ops are applied to the candles and their columns placed by their specs
     * (averages and bands over the candles, band touches as dots on their line, range shock in a panel below with
     * events marked above the bars, other numbers in panels of their own).
     *
     * @param candles a candle table; not modified
     * @param options size, title, ops, bars shown, shock threshold
     * @return the chart, ready to render
     * @throws IllegalArgumentException when the table is not a candle table or empty, or an op fails on it
     */
    public static ChartSpec candles(Table candles, CandleChartOptions options) {
        Derived d = Derived.builder(candles).build();
        for (Op op : options.ops()) {
            d = d.then(op);
        }
        return CandlePlan.plan(d, options);
    }

    /**
     * A candle chart of a derived table (a pipeline's output, for example): its new columns are drawn as in
     * {@link #candles(Table, CandleChartOptions)}, then those of the options' ops, if any.
     *
     * @param derived a derived candle table
     * @param options size, title, more ops, bars shown, shock threshold
     * @return the chart, ready to render
     * @throws IllegalArgumentException when the table is not a candle table or empty, or an op fails on it
     */
    public static ChartSpec candles(Derived derived, CandleChartOptions options) {
        Derived d = derived;
        for (Op op : options.ops()) {
            d = d.then(op);
        }
        return CandlePlan.plan(d, options);
    }

    /**
     * The run-length distribution of an SMA persistence study: the share of completed runs of each length, one
     * curve per window and direction.
     *
     * @param result the study's result
     * @param options size, title, windows, directions, axis length
     * @return the chart, ready to render
     * @throws IllegalArgumentException when a requested window is not in the study
     */
    public static ChartSpec runLengthDistribution(SmaPersistence result, StudyChartOptions options) {
        return StudyPlan.distribution(result, options);
    }

    /**
     * The survival curves {@code P(run >= n)} of an SMA persistence study over completed runs, one per window and
     * direction (on a log axis if asked).
     *
     * @param result the study's result
     * @param options size, title, windows, directions, axis length, log scale
     * @return the chart, ready to render
     * @throws IllegalArgumentException when a requested window is not in the study
     */
    public static ChartSpec survival(SmaPersistence result, StudyChartOptions options) {
        return StudyPlan.survival(result, options);
    }

    /**
     * Both study charts in one picture: the distribution above, the survival curves below, sharing the run-length
     * axis.
     *
     * @param result the study's result
     * @param options size, title, windows, directions, axis length, log scale
     * @return the chart, ready to render
     * @throws IllegalArgumentException when a requested window is not in the study
     */
    public static ChartSpec smaPersistence(SmaPersistence result, StudyChartOptions options) {
        return StudyPlan.both(result, options);
    }

    /**
     * Draws a chart into an image of its size.
     *
     * @param spec the chart
     * @return the image
     */
    public static BufferedImage render(ChartSpec spec) {
        return Renderer.chart(spec).createBufferedImage(spec.width(), spec.height());
    }

    /**
     * Draws a chart as a PNG file of its size, atomically; parent folders are created.
     *
     * @param spec the chart
     * @param file the PNG file
     * @return the file
     * @throws IOException when it cannot be written
     */
    public static Path writePng(ChartSpec spec, Path file) throws IOException {
        long started = System.nanoTime();
        JFreeChart chart = Renderer.chart(spec);
        ByteArrayOutputStream png = new ByteArrayOutputStream(256 * 1024);
        ChartUtils.writeChartAsPNG(png, chart, spec.width(), spec.height());
        TableFiles.writeAtomically(file, png.toByteArray());
        LOG.debug("chart '{}' {}x{} ({} series) written to {} in {} ms", spec.title(), spec.width(), spec.height(),
                spec.seriesNames().size(), file, (System.nanoTime() - started) / 1_000_000);
        return file;
    }
}
