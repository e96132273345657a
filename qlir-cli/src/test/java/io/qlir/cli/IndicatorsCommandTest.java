package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir indicators --input F.csv}, end to end in-process, on the real 30m recording. */
class IndicatorsCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path input;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        input = DemoCandles.csv(cli.workingDir().resolve("btc-30m.csv"));
    }

    /** Mean of the recorded closes of rows [to-13 .. to], by hand from the raw strings. */
    private static double sma14(int to) {
        double sum = 0;
        for (int i = to - 13; i <= to; i++) {
            sum += DemoCandles.close(i);
        }
        return sum / 14;
    }

    private static void assertClose(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void writesTheCandlesPlusTheNewColumnsToOut() throws Exception {
        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops", "sma(close,14); arp(14)",
                "--out", "out.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 500 rows to out.csv (new columns: close_sma_14, arp_14)");
        List<String> lines = Files.readAllLines(cli.workingDir().resolve("out.csv"));
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0)).isEqualTo(DemoCandles.HEADER + ",close_sma_14,arp_14");
        String[] row12 = lines.get(13).split(",", -1);
        String[] row13 = lines.get(14).split(",", -1);
        String[] row499 = lines.get(500).split(",", -1);
        assertThat(row12[11]).isEmpty();                              // warm-up: rows 0..12 undefined
        assertClose(Double.parseDouble(row13[11]), sma14(13));
        assertClose(Double.parseDouble(row499[11]), sma14(499));
        assertThat(row499[0]).isEqualTo(DemoCandles.rows().get(499).get(0).asText());
    }

    @Test
    void explainPrintsEveryColumnsRowSemantics() {
        CliRunner.Result r = cli.run("indicators", "--input", input.toString(), "--ops",
                "sma(close,14,50); range_shock(14)", "--explain");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "SMA(base_col=close, window=14, rows_used=[i-13 .. i], write_col=close_sma_14, write_row=i)",
                "SMA(base_col=close, window=50, rows_used=[i-49 .. i], write_col=close_sma_50, write_row=i)",
                "write_col=range_shock_14")
                .doesNotContain("open_time,");
    }

    @Test
    void jsonGoesToStdout() throws Exception {
        CliRunner.Result r = cli.run("indicators", "--input", input.toString(), "--ops", "sma(close,14)",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.size()).isEqualTo(500);
        assertThat(json.get(0).get("close_sma_14").isNull()).isTrue();
        assertClose(json.get(20).get("close_sma_14").asDouble(), sma14(20));
    }

    @Test
    void anUnknownOpIsBadInputListingTheOpsAndNothingIsWritten() {
        CliRunner.Result r = cli.run("indicators", "--input", input.toString(), "--ops", "smaa(close,14)",
                "--out", "out.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --ops: unknown op 'smaa'", "valid ops:", "sma");
        assertThat(cli.workingDir().resolve("out.csv")).doesNotExist();
    }

    @Test
    void aMissingInputIsBadInput() {
        CliRunner.Result r = cli.run("indicators", "--input", "nope.csv", "--ops", "sma(close,14)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--input " + cli.workingDir().resolve("nope.csv") + " does not exist");
    }

    @Test
    void aCsvWithoutTheCandleColumnsIsBadInput() throws Exception {
        Files.writeString(cli.workingDir().resolve("x.csv"), "a,b\n1,2\n");
        CliRunner.Result r = cli.run("indicators", "--input", "x.csv", "--ops", "sma(close,14)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --input:", "open_time");
    }

    @Test
    void helpListsTheOps() {
        CliRunner.Result r = cli.run("indicators", "--help");
        assertThat(r.out()).contains("Ops (", "  sma(column, window...)", "band_touches(", "Examples:");
    }
}
