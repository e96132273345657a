package io.qlir.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.ops.indicators.Bands;
import io.qlir.ops.indicators.Indicators;
import io.qlir.ops.pipeline.Pipeline;
import io.qlir.testkit.BinanceRecordings;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CandleChartTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);

    @Test
    void theStandardChartDrawsCandlesAveragesBandsTouchesAndShocks(@TempDir Path dir) throws IOException {
        ChartSpec spec = Charts.candles(CANDLES, CandleChartOptions.builder().size(1200, 700).title("BTCUSDT 30m")
                .ops(CandleChartOptions.STANDARD_OPS).build());

        assertThat(spec.panels()).extracting(Panel::title).containsExactly("price", "range shock");
        assertThat(spec.panel("price").seriesNames()).containsExactly("candles", "close_sma_20", "close_sma_50",
                "close_boll_mid_20_2", "close_boll_upper_20_2", "close_boll_lower_20_2",
                "close_boll_20_2_touch_lower", "close_boll_20_2_touch_mid", "close_boll_20_2_touch_upper",
                "range_shock_14 >= 2");
        assertThat(spec.panel("range shock").seriesNames()).containsExactly("range_shock_14",
                "range_shock_14 threshold 2");
        assertThat(spec.skipped()).singleElement().asString().startsWith("close_boll_20_2_position");

        Path png = Charts.writePng(spec, dir.resolve("charts/btc.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(Renderer.datasetSeriesNames(Renderer.chart(spec))).isEqualTo(spec.seriesNames());
        Files.createDirectories(Path.of("target/test-charts"));
        Files.copy(png, Path.of("target/test-charts/candles-standard.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void onlyTheLastBarsAreDrawnAndMarkersSitWhereTheFlagsAreTrue() throws IOException {
        ChartSpec spec = Charts.candles(CANDLES, CandleChartOptions.builder().lastBars(120)
                .ops(CandleChartOptions.STANDARD_OPS).build());
        Charts.writePng(spec, Path.of("target/test-charts/candles-last-120.png"));
        int from = CANDLES.rowCount() - 120;

        ChartSeries candles = spec.series("candles");
        assertThat(candles.size()).isEqualTo(120);
        assertThat(candles.x()[0]).isEqualTo(CANDLES.longColumn("open_time").getLong(from));

        Table touches = Indicators.bandTouches(CANDLES, Bands.bollinger("close", 20, 2)).table();
        double[] lower = touches.doubleColumn("close_boll_lower_20_2").asDoubleArray();
        ChartSeries touchLower = spec.series("close_boll_20_2_touch_lower");
        int expected = 0;
        for (int i = from; i < CANDLES.rowCount(); i++) {
            Boolean t = touches.booleanColumn("close_boll_20_2_touch_lower").get(i);
            if (t != null && t) {
                assertThat(touchLower.y()[expected]).isEqualTo(lower[i]);
                expected++;
            }
        }
        assertThat(expected).isPositive();
        assertThat(touchLower.size()).isEqualTo(expected);

        double[] shock = Indicators.rangeShock(CANDLES, 14).table().doubleColumn("range_shock_14").asDoubleArray();
        double[] high = CANDLES.doubleColumn("high").asDoubleArray();
        ChartSeries events = spec.series("range_shock_14 >= 2");
        int k = 0;
        for (int i = from; i < CANDLES.rowCount(); i++) {
            if (shock[i] >= 2.0) {
                assertThat(events.y()[k]).isEqualTo(high[i]);
                k++;
            }
        }
        assertThat(k).isPositive();
        assertThat(events.size()).isEqualTo(k);
    }

    @Test
    void aTimeRangeDrawsOnlyItsBarsWithAveragesFromTheBarsBefore() {
        long t100 = CANDLES.longColumn("open_time").getLong(100);
        long t149 = CANDLES.longColumn("open_time").getLong(149);
        ChartSpec spec = Charts.candles(CANDLES, CandleChartOptions.builder().ops("sma(close,50)")
                .between(java.time.Instant.ofEpochMilli(t100), java.time.Instant.ofEpochMilli(t149)).build());
        ChartSeries candles = spec.series("candles");
        assertThat(candles.size()).isEqualTo(50);
        assertThat(candles.x()[0]).isEqualTo(t100);
        assertThat(candles.x()[49]).isEqualTo(t149);
        assertThat(spec.series("close_sma_50").y()).doesNotContain(Double.NaN);   // warm-up was before the range

        assertThatThrownBy(() -> Charts.candles(CANDLES, CandleChartOptions.builder()
                .between(java.time.Instant.parse("2030-01-01T00:00:00Z"), null).build()))
                .hasMessageContaining("no bar").hasMessageContaining("2019-04-11T14:00:00Z");
    }

    @Test
    void theSeriesDrawnAreTheOnesAskedFor() {
        ChartSpec sma = Charts.candles(CANDLES, CandleChartOptions.builder().ops("sma(close,10)").build());
        assertThat(sma.seriesNames()).containsExactly("candles", "close_sma_10");
        assertThat(sma.panels()).hasSize(1);

        ChartSpec rsi = Charts.candles(CANDLES, CandleChartOptions.builder().ops("rsi(close,14); ema(close,9)")
                .build());
        assertThat(rsi.panels()).extracting(Panel::title).containsExactly("price", "rsi");
        assertThat(rsi.panel("price").seriesNames()).containsExactly("candles", "close_ema_9");
        assertThat(rsi.panel("rsi").seriesNames()).containsExactly("close_rsi_14");

        ChartSpec flags = Charts.candles(CANDLES, CandleChartOptions.builder()
                .ops("sma(close,20); cross_up(close,close_sma_20)").build());
        assertThat(flags.panel("price").seriesNames()).containsExactly("candles", "close_sma_20",
                "close_cross_up_close_sma_20");
    }

    @Test
    void aPipelineOutputIsChartedFromItsOwnColumns() throws IOException {
        Derived d = Pipeline.parse("trend", "sma(close,20,50); range_shock(14)").apply(CANDLES);
        ChartSpec spec = Charts.candles(d, CandleChartOptions.builder().size(800, 500).build());
        assertThat(spec.seriesNames()).containsExactly("candles", "close_sma_20", "close_sma_50",
                "range_shock_14 >= 2", "range_shock_14", "range_shock_14 threshold 2");
        BufferedImage image = Charts.render(spec);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void badInputGetsOneClearError() {
        assertThatThrownBy(() -> CandleChartOptions.builder().size(50, 700).build())
                .hasMessageContaining("50x700").hasMessageContaining("100..10000");
        assertThatThrownBy(() -> CandleChartOptions.builder().shockThreshold(0).build())
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> Charts.candles(CANDLES.selectColumns("open_time", "close"),
                CandleChartOptions.builder().build())).hasMessageContaining("a candle chart draws open_time, open,"
                + " high, low and close, and it lacks 'open'");
        assertThat(Charts.candles(CANDLES.selectColumns("open_time", "open", "high", "low", "close"),
                CandleChartOptions.builder().build()).seriesNames()).isNotEmpty(); // no volume, trades, ...: fine
        assertThatThrownBy(() -> Charts.candles(CANDLES.emptyCopy(), CandleChartOptions.builder().build()))
                .hasMessageContaining("no rows");
    }
}
