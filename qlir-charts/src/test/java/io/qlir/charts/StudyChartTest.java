package io.qlir.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.ops.study.Direction;
import io.qlir.ops.study.RunStats;
import io.qlir.ops.study.SmaPersistence;
import io.qlir.ops.study.Studies;
import io.qlir.testkit.BinanceRecordings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyChartTest {

    private static final SmaPersistence RESULT = Studies.smaPersistence(
            BinanceRecordings.candles(BinanceRecordings.SPOT_30M), "close");

    @Test
    void withoutWindowsSixAreSpreadOverTheStudyAndBothDirectionsDrawn(@TempDir Path dir) throws IOException {
        ChartSpec spec = Charts.smaPersistence(RESULT, StudyChartOptions.builder().size(1000, 800).build());

        List<String> expected = new ArrayList<>();
        for (int w : new int[] {5, 16, 27, 38, 49, 60}) {
            for (Direction d : Direction.values()) {
                expected.add("sma " + w + " " + d.wireCode() + " (" + RESULT.stats(w, d).runs() + " runs)");
            }
        }
        assertThat(spec.panels()).extracting(Panel::title).containsExactly("share of completed runs", "P(run >= n)");
        assertThat(spec.panel("share of completed runs").seriesNames()).isEqualTo(expected);
        assertThat(spec.panel("P(run >= n)").seriesNames()).isEqualTo(expected);

        Path png = Charts.writePng(spec, dir.resolve("runs.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(Renderer.datasetSeriesNames(Renderer.chart(spec))).isEqualTo(spec.seriesNames());
        Files.createDirectories(Path.of("target/test-charts"));
        Files.copy(png, Path.of("target/test-charts/sma-persistence.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theCurvesAreTheStudysNumbers() {
        ChartSpec dist = Charts.runLengthDistribution(RESULT, StudyChartOptions.builder().windows(10)
                .directions(Direction.UP).maxLength(10_000).build());
        RunStats up = RESULT.stats(10, Direction.UP);
        ChartSeries s = dist.series("sma 10 up (" + up.runs() + " runs)");
        assertThat(dist.seriesNames()).hasSize(1);
        assertThat(s.size()).isEqualTo(up.max());
        for (int n = 1; n <= up.max(); n++) {
            assertThat(s.x()[n - 1]).isEqualTo(n);
            assertThat(s.y()[n - 1]).isEqualTo(up.share(n));
        }

        ChartSpec auto = Charts.runLengthDistribution(RESULT, StudyChartOptions.builder().windows(10)
                .directions(Direction.UP).build());
        assertThat(auto.series(s.name()).size()).isEqualTo((int) Math.ceil(up.percentile(0.99)));

        ChartSpec surv = Charts.survival(RESULT, StudyChartOptions.builder().windows(10, 20).maxLength(5)
                .logScale(true).build());
        assertThat(surv.seriesNames()).hasSize(4);
        ChartSeries s20 = surv.series("sma 20 down (" + RESULT.stats(20, Direction.DOWN).runs() + " runs)");
        assertThat(s20.y()[0]).isEqualTo(1.0);
        assertThat(s20.size()).isLessThanOrEqualTo(5);
        assertThat(s20.y()[s20.size() - 1]).isEqualTo(RESULT.stats(20, Direction.DOWN).survival(s20.size()));
        assertThat(surv.panel("P(run >= n)").logScale()).isTrue();
    }

    @Test
    void aWindowOutsideTheStudyIsOneClearError() {
        assertThatThrownBy(() -> Charts.survival(RESULT, StudyChartOptions.builder().windows(3).build()))
                .hasMessageContaining("window 3 is not in the study").hasMessageContaining("5, 6");
        assertThatThrownBy(() -> StudyChartOptions.builder().directions().build())
                .hasMessageContaining("at least one direction");
    }
}
