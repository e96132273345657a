package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir chart --input F.csv}: a PNG of the requested size, and bad input refused before drawing. */
class ChartCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        DemoCandles.csv(cli.workingDir().resolve("btc.csv"));
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        CliRunner.Result r = cli.run("chart", "--input", "btc.csv", "--ops",
                "sma(close,20); bollinger(close,20,2); band_touches(close,20,2); range_shock(14)",
                "--out", "c.png", "--size", "800x500", "--last", "120");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote c.png (800x500, columns: close_sma_20, close_boll_mid_20_2");
        BufferedImage png = ImageIO.read(cli.workingDir().resolve("c.png").toFile());
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(500);
    }

    @Test
    void aTimeRangeOutsideTheDataIsBadInput() {
        CliRunner.Result r = cli.run("chart", "--input", "btc.csv", "--ops", "sma(close,20)", "--out", "c.png",
                "--start", "2020-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("qlir: cannot chart btc.csv:");
        assertThat(cli.workingDir().resolve("c.png")).doesNotExist();
    }

    @Test
    void badSizesOpsAndFoldersAreBadInput() {
        assertThat(cli.run("chart", "--input", "btc.csv", "--ops", "sma(close,20)", "--out", "c.png", "--size",
                "big").err()).contains("--size 'big' is not WIDTHxHEIGHT");
        assertThat(cli.run("chart", "--input", "btc.csv", "--ops", "nope(1)", "--out", "c.png").err())
                .contains("unknown op 'nope'");
        assertThat(cli.run("chart", "--input", "btc.csv", "--ops", "sma(close,20)", "--out", "no/c.png").exitCode())
                .isEqualTo(2);
        assertThat(cli.workingDir().resolve("c.png")).doesNotExist();
    }
}
