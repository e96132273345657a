package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.Logging;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir demo}: the whole pipeline offline, end to end in-process. */
class DemoCommandTest {

    @TempDir
    Path temp;

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    @Test
    void runsThePipelineOnTheReplayAndWritesCsvAndChart() throws Exception {
        CliRunner cli = new CliRunner(temp);
        CliRunner.Result r = cli.run("demo", "--out", "demo-out");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(
                "5 slices attempted (4 complete, 1 partial, 0 empty, 0 failed), 500 rows",
                "3. validate clean: 5 slices (4 complete, 1 partial: still_forming), 0 violations",
                "499 candles from 5 files (500 rows, 0 replaced, 1 forming left out)",
                "band touches lower", "done: clean");
        Path dir = cli.workingDir().resolve("demo-out");

        List<String> csv = Files.readAllLines(dir.resolve("demo-indicators.csv"));
        assertThat(csv).hasSize(500);
        assertThat(csv.get(0)).startsWith(DemoCandles.HEADER + ",close_sma_14,close_sma_50,");
        double sum = 0;
        for (int i = 485; i <= 498; i++) {
            sum += DemoCandles.close(i);
        }
        String[] last = csv.get(499).split(",", -1);
        assertThat(Math.abs(Double.parseDouble(last[11]) - sum / 14)).isLessThan(1e-9 * sum / 14);

        BufferedImage png = ImageIO.read(dir.resolve("demo-chart.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1600);
        assertThat(png.getHeight()).isEqualTo(900);
        assertThat(dir.resolve("data/logs/binance-klines-BTCUSDT-30m-limit100.log")).isNotEmptyFile();

        Logging.stopFiles();
        CliRunner.Result again = cli.run("demo", "--out", "demo-out");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 slices attempted", "0 requests", "done: clean");
    }

    @Test
    void anUnwritableOutIsBadInput() throws Exception {
        Path file = Files.writeString(temp.resolve("f"), "x");
        CliRunner.Result r = new CliRunner(temp).run("demo", "--out", file.resolve("d").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not writable", "is a file, not a folder");
    }
}
