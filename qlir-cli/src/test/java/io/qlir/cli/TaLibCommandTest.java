package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.charts.CandleChartOptions;
import io.qlir.charts.ChartSpec;
import io.qlir.charts.Charts;
import io.qlir.core.Candles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code talib(...)} ops through the command line: qlir-talib is on the CLI's class path and joins the op registry
 * without qlir-ops knowing it. On the real 30m recording.
 */
class TaLibCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        DemoCandles.csv(cli.workingDir().resolve("btc-30m.csv"));
    }

    @Test
    void indicatorsWritesTalibColumns() throws Exception {
        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops",
                "talib(CCI,20); talib(MOM,close,10); talib(STOCHF,14,3)", "--out", "out.csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("new columns: talib_cci_20, talib_mom_close_10, talib_stochf_14_3_fastk, "
                + "talib_stochf_14_3_fastd");
        List<String> lines = Files.readAllLines(cli.workingDir().resolve("out.csv"));
        assertThat(lines.get(0)).endsWith(",talib_cci_20,talib_mom_close_10,talib_stochf_14_3_fastk,"
                + "talib_stochf_14_3_fastd");
        int mom = List.of(lines.get(0).split(",")).indexOf("talib_mom_close_10");
        assertThat(lines.get(10).split(",", -1)[mom]).isEmpty();                 // row 9: before the lookback of 10
        double row10 = Double.parseDouble(lines.get(11).split(",", -1)[mom]);
        assertThat(row10).isEqualTo(DemoCandles.close(10) - DemoCandles.close(0)); // MOM by hand
    }

    @Test
    void explainShowsTheDeclaredRows() {
        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops", "talib(CCI,20); talib(RSI,14)",
                "--explain");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "TALIB_CCI(time_period=20, rows_used=[i-19 .. i], write_col=talib_cci_20, write_row=i)",
                "TALIB_RSI(base_col=close, time_period=14, rows_used=[.. i], write_col=talib_rsi_14, write_row=i)");
    }

    @Test
    void aBadTalibCallIsOneMessageNamingTheFunction() {
        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops", "talib(CCI,1)");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("talib(CCI): time_period must be a whole number from 2 to 100000, got 1");
    }

    @Test
    void chartDrawsTalibOps() throws Exception {
        CliRunner.Result r = cli.run("chart", "--input", "btc-30m.csv", "--ops", "talib(BBANDS,20,2,2); talib(RSI,14)",
                "--out", "ta.png", "--width", "800", "--height", "500");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("talib_bbands_20_2_2_upperband", "talib_rsi_14");
        BufferedImage image = ImageIO.read(cli.workingDir().resolve("ta.png").toFile());
        assertThat(image.getWidth()).isEqualTo(800);
    }

    @Test
    void overlapStudiesAreDrawnOverTheCandlesAndOthersInAPanelOfTheirOwn() throws Exception {
        Table candles = Candles.fromCsv(cli.workingDir().resolve("btc-30m.csv"));
        CandleChartOptions options = CandleChartOptions.builder()
                .ops("talib(BBANDS,20,2,2); talib(SAR); talib(STOCHF,14,3); talib(CDLENGULFING)").build();

        ChartSpec spec = Charts.candles(candles, options);

        assertThat(spec.panel("price").seriesNames()).contains("talib_bbands_20_2_2_upperband",
                "talib_bbands_20_2_2_middleband", "talib_bbands_20_2_2_lowerband", "talib_sar");
        assertThat(spec.panel("talib_stochf").seriesNames())
                .containsExactly("talib_stochf_14_3_fastk", "talib_stochf_14_3_fastd");
        assertThat(spec.panel("talib_cdlengulfing").seriesNames()).containsExactly("talib_cdlengulfing");
    }
}
