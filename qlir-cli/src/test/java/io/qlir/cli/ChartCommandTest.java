package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir chart}, end to end in-process, on a store holding the real 30m recording (and on its CSV). */
class ChartCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        DemoStore.write(root);
    }

    private CliRunner.Result chart(String... more) {
        List<String> args = new ArrayList<>(List.of("chart", "--symbol", "BTCUSDT", "--interval", "30m", "--limit",
                "100", "--data-root", root.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(new String[0]));
    }

    private static BufferedImage png(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " is a PNG").isNotNull();
        return image;
    }

    @Test
    void drawsTheRequestedSeriesAtTheRequestedSize() throws Exception {
        CliRunner.Result r = chart("--ops", "sma(close,20); bollinger(close,20,2); band_touches(close,20,2);"
                + " range_shock(14)", "--out", "btc.png", "--width", "800", "--height", "500");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = cli.workingDir().resolve("btc.png");
        assertThat(r.out()).startsWith("wrote " + file + " (800x500): ")
                .contains("close_sma_20", "close_boll_upper_20_2", "close_boll_lower_20_2", "range_shock_14")
                .doesNotContain("close_sma_50");
        BufferedImage image = png(file);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void aTimeRangeDrawsThatRange() throws Exception {
        CliRunner.Result r = chart("--start", "2019-04-18", "--end", "2019-04-19T12:00:00Z", "--ops",
                "sma(close,50)", "--out", "range.png", "--width", "400", "--height", "300");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("close_sma_50");
        assertThat(png(cli.workingDir().resolve("range.png")).getWidth()).isEqualTo(400);
    }

    @Test
    void aCandleCsvIsAnAlternativeSource() throws Exception {
        DemoCandles.csv(cli.workingDir().resolve("btc.csv"));
        CliRunner.Result r = cli.run("chart", "--input", "btc.csv", "--ops", "range_shock(14)", "--out", "c.png",
                "--width", "300", "--height", "200");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("range_shock_14");
        BufferedImage image = png(cli.workingDir().resolve("c.png"));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void anUnknownOpIsBadInputAndNoImageIsWritten() {
        CliRunner.Result r = chart("--ops", "sma(close,20); smaa(close,5)", "--out", "x.png");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --ops: unknown op 'smaa'").hasLineCount(1);
        assertThat(cli.workingDir().resolve("x.png")).doesNotExist();
    }

    @Test
    void zeroBarsIsBadInputInTheOptionsWords() {
        CliRunner.Result r = chart("--ops", "sma(close,20)", "--out", "x.png", "--bars", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --bars must be at least 1").doesNotContain("lastBars");
        assertThat(cli.workingDir().resolve("x.png")).doesNotExist();
    }

    @Test
    void badOutputSizeAndSourceAreBadInput() {
        CliRunner.Result notPng = chart("--ops", "sma(close,20)", "--out", "x.jpg");
        assertThat(notPng.exitCode()).isEqualTo(2);
        assertThat(notPng.err()).contains("--out", "must end in .png");

        CliRunner.Result tiny = chart("--ops", "sma(close,20)", "--out", "x.png", "--width", "10");
        assertThat(tiny.exitCode()).isEqualTo(2);
        assertThat(tiny.err()).contains("--width/--height", "10");

        CliRunner.Result both = cli.run("chart", "--input", "a.csv", "--symbol", "BTCUSDT", "--ops", "sma(close,5)",
                "--out", "x.png");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either --input F.csv or --symbol and --interval, not both");

        CliRunner.Result none = cli.run("chart", "--ops", "sma(close,5)", "--out", "x.png");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give --symbol and --interval", "--input F.csv");

        CliRunner.Result empty = chart("--start", "2030-01-01", "--ops", "sma(close,5)", "--out", "x.png");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no closed candles");
        assertThat(CliRunner.filesUnder(cli.workingDir())).isEmpty();
    }
}
