package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qlir indicators}, {@code qlir chart} and {@code qlir study sma} on CSVs qlir did not write: the real 30m recording as a Yahoo-style
 * daily file and as a ccxt-style epoch-millis dump, in-process.
 */
class ForeignCsvCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp);
    }

    /** Mean of the recorded closes of rows [to-13 .. to], by hand from the raw strings. */
    private static double sma14(int to) {
        double sum = 0;
        for (int i = to - 13; i <= to; i++) {
            sum += DemoCandles.close(i);
        }
        return sum / 14;
    }

    private void yahoo(String name) throws Exception {
        StringBuilder b = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\r\n");
        LocalDate day = LocalDate.of(2019, 1, 1);
        for (JsonNode r : DemoCandles.rows()) {
            b.append(day).append(',').append(r.get(1).asText()).append(',').append(r.get(2).asText()).append(',')
                    .append(r.get(3).asText()).append(',').append(r.get(4).asText()).append(",1,")
                    .append(r.get(5).asText()).append("\r\n");
            day = day.plusDays(1);
        }
        Files.writeString(cli.workingDir().resolve(name), b);
    }

    private void ccxt(String name, boolean withOpen) throws Exception {
        StringBuilder b = new StringBuilder(withOpen ? "timestamp,open,high,low,close,volume\n" : "timestamp,close\n");
        for (JsonNode r : DemoCandles.rows()) {
            b.append(r.get(0).asText());
            for (int i = withOpen ? 1 : 4; i <= (withOpen ? 5 : 4); i++) {
                b.append(',').append(r.get(i).asText());
            }
            b.append('\n');
        }
        Files.writeString(cli.workingDir().resolve(name), b);
    }

    @Test
    void aYahooStyleFileGivesTheSmaAndKeepsOnlyItsOwnColumns() throws Exception {
        yahoo("AAPL.csv");

        CliRunner.Result r = cli.run("indicators", "--input", "AAPL.csv", "--ops", "sma(close,14)", "--out", "o.csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("read AAPL.csv: 500 rows, ',' separated",
                "times from 'Date' as ISO-8601 dates (midnight UTC)", "ignored Adj Close", "step 1d", "no gaps");
        List<String> lines = Files.readAllLines(cli.workingDir().resolve("o.csv"));
        assertThat(lines.get(0)).isEqualTo("open_time,open,high,low,close,volume,close_sma_14");
        String[] row13 = lines.get(14).split(",", -1);
        assertThat(Long.parseLong(row13[0])).isEqualTo(Instant.parse("2019-01-14T00:00:00Z").toEpochMilli());
        assertThat(Math.abs(Double.parseDouble(row13[6]) - sma14(13))).isLessThan(1e-9);
    }

    @Test
    void anOpReadingAColumnTheFileLacksIsRefusedNamingOpAndColumn() throws Exception {
        ccxt("close.csv", false);

        CliRunner.Result ok = cli.run("indicators", "--input", "close.csv", "--ops", "sma(close,14)");
        CliRunner.Result bad = cli.run("indicators", "--input", "close.csv", "--ops", "sma(close,14); arp(14)");

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().lines().findFirst()).contains("open_time,close,close_sma_14");
        assertThat(ok.err()).contains("times from 'timestamp' as epoch millis", "step 30m");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("qlir: --ops: arp(14) reads column 'open', which the table lacks; it has"
                + " [open_time, close, close_sma_14]");
    }

    @Test
    void theSmaStudyRunsOnAFileWithOnlyTimeAndClose() throws Exception {
        ccxt("close.csv", false);

        CliRunner.Result r = cli.run("study", "sma", "--input", "close.csv", "--windows", "5..8");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("read close.csv: 500 rows", "columns close;");
        assertThat(cli.workingDir().resolve("qlir-out").resolve("study-sma-close").resolve("summary.csv"))
                .isNotEmptyFile();
    }

    @Test
    void aCcxtStyleFileCharts() throws Exception {
        ccxt("ccxt.csv", true);

        CliRunner.Result r = cli.run("chart", "--input", "ccxt.csv", "--ops", "sma(close,20)", "--out", "c.png",
                "--width", "300", "--height", "200");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("close_sma_20");
        assertThat(r.err()).contains("read ccxt.csv: 500 rows");
        assertThat(Files.size(cli.workingDir().resolve("c.png"))).isPositive();
    }
}
