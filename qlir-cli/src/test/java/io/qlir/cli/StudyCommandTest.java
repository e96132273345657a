package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir study sma}, end to end in-process, on a store holding the real 30m recording. */
class StudyCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;
    private Path sliceDir;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        sliceDir = DemoStore.write(root);
    }

    private CliRunner.Result study(String... more) {
        List<String> args = new ArrayList<>(List.of("study", "sma", "--symbol", "BTCUSDT", "--interval", "30m",
                "--limit", "100", "--data-root", root.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(new String[0]));
    }

    @Test
    void aCandleCsvIsStudiedLikeTheStoredSeriesItWasExportedFrom() throws Exception {
        CliRunner.Result export = cli.run("candles", "export", "--symbol", "BTCUSDT", "--interval", "30m", "--limit",
                "100", "--data-root", root.toString(), "--out", "btc.csv");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(study("--windows", "5..8", "--out", "from-store").exitCode()).isZero();
        CliRunner.Result csv = cli.run("study", "sma", "--input", "btc.csv", "--windows", "5..8", "--data-root",
                root.toString());
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        Path fromStore = cli.workingDir().resolve("from-store");
        Path fromCsv = cli.workingDir().resolve("qlir-out").resolve("study-sma-btc"); // default: named after the file
        for (String f : List.of("summary.csv", "distribution.csv", "survival.csv", "censored.csv", "bars.csv")) {
            assertThat(fromCsv.resolve(f)).hasSameTextualContentAs(fromStore.resolve(f));
        }
        JsonNode fp = new ObjectMapper().readTree(fromCsv.resolve("fingerprint.json").toFile());
        assertThat(fp.get("hash_basis").asText()).isEqualTo("table_content"); // no slice files behind a CSV
        assertThat(fp.get("row_count").asInt()).isEqualTo(499);
        assertThat(csv.out()).contains("SMA direction persistence of close");

        CliRunner.Result both = cli.run("study", "sma", "--input", "btc.csv", "--symbol", "BTCUSDT", "--interval",
                "30m");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either --input F.csv or --symbol and --interval, not both");
    }

    @Test
    void writesTablesChartAndTheFingerprintOfTheSlicesRead() throws Exception {
        CliRunner.Result r = study("--windows", "5..8,20", "--decimals", "2", "--out", "sma", "--width", "640",
                "--height", "400");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path out = cli.workingDir().resolve("sma");
        assertThat(CliRunner.filesUnder(out)).containsExactly("bars.csv", "censored.csv", "distribution.csv",
                "fingerprint.json", "sma-persistence.png", "study.json", "summary.csv", "survival.csv");
        BufferedImage png = ImageIO.read(out.resolve("sma-persistence.png").toFile());
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(400);

        JsonNode fp = new ObjectMapper().readTree(out.resolve("fingerprint.json").toFile());
        List<String> shas = StoreFingerprints.sliceChecksums(sliceDir);
        assertThat(shas).hasSize(5);
        assertThat(fp.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(fp.get("interval").asText()).isEqualTo("30m");
        assertThat(fp.get("endpoint").asText()).isEqualTo("klines");
        assertThat(fp.get("row_count").asInt()).isEqualTo(499);           // the forming last candle is left out
        assertThat(fp.get("first_open_time_ms").asLong()).isEqualTo(DemoCandles.rows().get(0).get(0).asLong());
        assertThat(fp.get("last_open_time_ms").asLong()).isEqualTo(DemoCandles.rows().get(498).get(0).asLong());
        assertThat(fp.get("hash_basis").asText()).isEqualTo("slice_checksums");
        assertThat(fp.get("slice_count").asInt()).isEqualTo(5);
        assertThat(fp.get("hash").asText()).isEqualTo(StoreFingerprints.hashOf(shas));

        JsonNode study = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        assertThat(study.get("windows").toString()).isEqualTo("[5,6,7,8,20]");
        assertThat(study.get("decimals").asInt()).isEqualTo(2);

        int[] expected = completedUpRuns(5, 499);
        assertThat(expected[0]).isGreaterThan(20);                       // a real distribution, not an empty one
        assertThat(Files.readAllLines(out.resolve("summary.csv")))
                .anySatisfy(line -> assertThat(line).startsWith("5,up," + expected[0] + ",")
                        .endsWith("," + expected[1]));
        assertThat(r.out()).contains("SMA direction persistence of close, BTCUSDT 30m klines",
                "499 rows", "wrote 8 files to " + out);
        assertThat(r.out().lines().filter(l -> l.matches("\\s+(5|6|7|8|20)  .*"))).hasSize(5);
    }

    /**
     * Completed up runs of the 2-decimal SMA of the first {@code rows} closes, by hand: exact decimal means from
     * the recorded strings, a run touching the first defined bar or the last bar is censored. {count, max}.
     */
    private static int[] completedUpRuns(int window, int rows) {
        JsonNode recorded = DemoCandles.rows();
        BigDecimal[] sma = new BigDecimal[rows];
        for (int i = window - 1; i < rows; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = i - window + 1; k <= i; k++) {
                sum = sum.add(new BigDecimal(recorded.get(k).get(4).asText()));
            }
            sma[i] = sum.divide(BigDecimal.valueOf(window), 2, RoundingMode.HALF_EVEN);
        }
        int count = 0;
        int max = 0;
        int i = window;                                      // first bar with a direction
        while (i < rows) {
            if (sma[i].compareTo(sma[i - 1]) > 0) {
                int start = i;
                while (i < rows && sma[i].compareTo(sma[i - 1]) > 0) {
                    i++;
                }
                if (start != window && i != rows) {
                    count++;
                    max = Math.max(max, i - start);
                }
            } else {
                i++;
            }
        }
        return new int[] {count, max};
    }

    @Test
    void theDefaultOutputFolderIsNamedForTheSeries() {
        CliRunner.Result r = study("--windows", "10", "--width", "300", "--height", "200");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cli.workingDir().resolve("qlir-out/study-sma-BTCUSDT-30m/summary.csv")).exists();
    }

    @Test
    void badWindowsAreBadInputAndNothingIsWritten() {
        CliRunner.Result r = study("--windows", "5..x", "--out", "sma");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --windows: '5..x' in window list '5..x' is not a window or a range",
                "5..60").hasLineCount(1);
        assertThat(cli.workingDir().resolve("sma")).doesNotExist();
    }

    @Test
    void badDecimalsAndAnUnknownColumnAreBadInput() {
        CliRunner.Result decimals = study("--decimals", "16", "--out", "sma");
        assertThat(decimals.exitCode()).isEqualTo(2);
        assertThat(decimals.err()).contains("--decimals: decimals 16 is invalid; use 0..15");
        CliRunner.Result col = study("--col", "klose", "--windows", "5", "--out", "sma");
        assertThat(col.exitCode()).isEqualTo(2);
        assertThat(col.err()).contains("--col klose:", "klose");
        assertThat(cli.workingDir().resolve("sma")).doesNotExist();
    }

    @Test
    void aSeriesNotInTheStoreIsBadInputNamingWhatIsThere() {
        CliRunner.Result r = cli.run("study", "sma", "--symbol", "ETHUSDT", "--interval", "30m", "--limit", "100",
                "--data-root", root.toString(), "--out", "sma");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no ETHUSDT 30m klines limit=100", "series present: BTCUSDT 30m klines");
        assertThat(cli.workingDir().resolve("sma")).doesNotExist();
    }

    @Test
    void aRangeWithNoCandlesAndStartAfterEndAreBadInput() {
        CliRunner.Result empty = study("--start", "2030-01-01", "--out", "sma");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no closed candles of BTCUSDT 30m klines limit=100");
        CliRunner.Result reversed = study("--start", "2019-04-12", "--end", "2019-04-11", "--out", "sma");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("is after --end");
        assertThat(cli.workingDir().resolve("sma")).doesNotExist();
    }

    @Test
    void anOutFolderThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(cli.workingDir().resolve("taken"), "not a folder");
        CliRunner.Result r = study("--windows", "5", "--out", "taken/sma");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + file.resolve("sma") + " cannot be written", "is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }
}
