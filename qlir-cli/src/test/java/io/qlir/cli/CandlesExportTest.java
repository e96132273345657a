package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the store from the command line: {@code candles export}, and {@code indicators} / {@code chart} with
 * {@code --symbol}, on a store written from the real 30m recording (its last candle still forming).
 */
class CandlesExportTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;
    private JsonNode rows;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        DemoStore.write(root);
        rows = DemoCandles.rows();
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    private CliRunner.Result run(String... args) {
        String[] base = {"--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval", "30m", "--limit", "100"};
        String[] all = new String[args.length + base.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(base, 0, all, args.length, base.length);
        return cli.run(all);
    }

    private void assertRowMatchesRecording(String csvLine, int row) {
        String[] f = csvLine.split(",", -1);
        assertThat(f).hasSize(11);
        for (int i = 0; i < 11; i++) {
            JsonNode raw = rows.get(row).get(i);
            if (i == 0 || i == 6 || i == 8) {
                assertThat(Long.parseLong(f[i])).isEqualTo(raw.asLong());
            } else {
                assertThat(Double.parseDouble(f[i])).isEqualTo(Double.parseDouble(raw.asText()));
            }
        }
    }

    @Test
    void exportsTheClosedCandlesAsCsvWithTheSchemaHeader() {
        CliRunner.Result r = run("candles", "export");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(DemoCandles.HEADER);
        assertThat(lines).hasSize(1 + 499);                               // the forming candle is left out
        assertRowMatchesRecording(lines.get(1), 0);
        assertRowMatchesRecording(lines.get(499), 498);
        assertThat(r.err()).contains("499 candles from 5 files", "1 forming left out");
    }

    @Test
    void includeOpenRangeAndJson() throws Exception {
        List<String> all = run("candles", "export", "--include-open").out().lines().toList();
        assertThat(all).hasSize(1 + 500);
        assertRowMatchesRecording(all.get(500), 499);

        List<String> some = run("candles", "export", "--start", rows.get(10).get(0).asText(), "--end",
                rows.get(14).get(0).asText()).out().lines().toList();
        assertThat(some).hasSize(1 + 5);
        assertRowMatchesRecording(some.get(1), 10);

        JsonNode json = new ObjectMapper().readTree(run("candles", "export", "--format", "json").out());
        assertThat(json.size()).isEqualTo(499);
        assertThat(json.get(0).get("open_time").asLong()).isEqualTo(rows.get(0).get(0).asLong());
        assertThat(json.get(0).get("close").asDouble()).isEqualTo(Double.parseDouble(rows.get(0).get(4).asText()));
    }

    @Test
    void outWritesAFileAndSaysSo() throws Exception {
        CliRunner.Result r = run("candles", "export", "--out", "btc.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote 499 candles to btc.csv; ");
        assertThat(Files.readAllLines(cli.workingDir().resolve("btc.csv"))).hasSize(500);
    }

    @Test
    void anUnknownSeriesIsBadInput() {
        CliRunner.Result r = cli.run("candles", "export", "--data-root", root.toString(), "--symbol", "BTCUSDT",
                "--interval", "30m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no BTCUSDT 30m klines limit=1000", "series present: BTCUSDT 30m klines"
                + " limit=100");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void indicatorsReadTheStoreWithSymbolAndInterval() {
        CliRunner.Result r = run("indicators", "--ops", "sma(close,14)", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double sum = 0;
        for (int i = 485; i <= 498; i++) {
            sum += Double.parseDouble(rows.get(i).get(4).asText());
        }
        double expected = sum / 14;
        try {
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.size()).isEqualTo(499);
            double actual = json.get(498).get("close_sma_14").asDouble();
            assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 * expected);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void inputAndSymbolTogetherAreBadUsage() {
        CliRunner.Result r = run("indicators", "--ops", "sma(close,14)", "--input", "x.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void chartReadsTheStoreToo() throws Exception {
        CliRunner.Result r = run("chart", "--ops", "sma(close,20); range_shock(14)", "--out", "c.png", "--width",
                "640", "--height", "400", "--start", "2019-04-20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("c.png (640x400)").contains("close_sma_20");
        BufferedImage png = ImageIO.read(cli.workingDir().resolve("c.png").toFile());
        assertThat(png.getWidth()).isEqualTo(640);
    }

    @Test
    void outOntoAStoresManifestOrOntoAFolderIsBadInputAndOverwritesNothing() throws Exception {
        Path series = root.resolve("binance/klines/raw/BTCUSDT/30m/limit=100");
        Path manifest = series.resolve("manifest.json");
        byte[] before = java.nio.file.Files.readAllBytes(manifest);
        CliRunner.Result onto = run("candles", "export", "--out", manifest.toString());
        assertThat(onto.exitCode()).as(onto.err()).isEqualTo(2);
        assertThat(onto.err()).contains("is a file of a slice store");
        assertThat(java.nio.file.Files.readAllBytes(manifest)).isEqualTo(before);

        CliRunner.Result folder = run("candles", "export", "--out", temp.toString());
        assertThat(folder.exitCode()).as(folder.err()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");
    }
}
