package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.s3.S3MockFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read commands on {@code --data-root s3://BUCKET/PREFIX} (S3Mock on loopback): the real 30m recording is
 * stored locally, pushed with {@code qlir push}, and every read command gives from the bucket what it gives from
 * the local root, byte for byte; a write command refuses the bucket; a missing bucket, an empty prefix and a
 * missing series are one line and exit 2.
 */
class S3DataRootTest {

    static final String BUCKET = S3MockFixtures.BUCKET;

    @RegisterExtension
    static final S3MockExtension MOCK = S3MockFixtures.mock();

    @TempDir
    static Path shared;

    static Path root;
    static final String S3 = "s3://" + BUCKET + "/mirror";

    @TempDir
    Path temp;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static CliRunner cli(Path dir) {
        return new CliRunner(dir).env("QLIR_S3_ENDPOINT", S3MockFixtures.endpoint(MOCK))
                .env("AWS_ACCESS_KEY_ID", "test-key").env("AWS_SECRET_ACCESS_KEY", "test-secret")
                .env("QLIR_RETRY_MAX_ATTEMPTS", "1");
    }

    @BeforeAll
    static void pushTheRecordedStore() throws Exception {
        root = shared.resolve("data");
        DemoStore.write(root);
        CliRunner.Result push = cli(shared).run("push", "--to", S3, "--data-root", root.toString());
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).startsWith("pushed ");
    }

    /** The same command on the local root and on the bucket, each in its own working folder. */
    private Pair both(String... args) {
        return new Pair(run(temp.resolve("local"), root.toString(), args), run(temp.resolve("s3"), S3, args));
    }

    private static Run run(Path dir, String dataRoot, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-root", dataRoot));
        CliRunner cli = cli(dir);
        return new Run(cli.run(all.toArray(new String[0])), cli.workingDir());
    }

    record Run(CliRunner.Result result, Path workingDir) {
    }

    record Pair(Run local, Run s3) {
        Pair succeeded() {
            assertThat(local.result.exitCode()).as(local.result.err()).isZero();
            assertThat(s3.result.exitCode()).as(s3.result.err()).isZero();
            return this;
        }
    }

    private static final String[] SERIES = {"--symbol", "BTCUSDT", "--interval", "30m", "--limit", "100"};

    private static String[] with(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(new String[0]);
    }

    @Test
    void manifestSummaryAndValidateFromTheBucketEqualTheLocalOnes() throws Exception {
        Pair summary = both(with(new String[] {"manifest", "summary"}, SERIES)).succeeded();
        assertThat(summary.s3.result.out()).isEqualTo(summary.local.result.out())
                .startsWith("BTCUSDT 30m klines limit=100: 5 slices");
        for (List<String> mode : List.of(List.<String>of(), List.of("--deep"))) {
            Pair validate = both(with(new String[] {"manifest", "validate", "--json"},
                    with(SERIES, mode.toArray(new String[0])))).succeeded();
            ObjectMapper json = new ObjectMapper();
            JsonNode local = json.readTree(validate.local.result.out());
            JsonNode s3 = json.readTree(validate.s3.result.out());
            assertThat(s3.get("violations")).isEqualTo(local.get("violations"));
            assertThat(s3.get("summary")).isEqualTo(local.get("summary"));
            assertThat(s3.get("files_read")).isEqualTo(local.get("files_read"));
            assertThat(s3.get("directory").asText()).isEqualTo(S3 + "/binance/klines/raw/BTCUSDT/30m/limit=100");
        }
    }

    @Test
    void candlesExportFromTheBucketIsByteForByteTheLocalExport() throws Exception {
        Pair csv = both(with(new String[] {"candles", "export"}, with(SERIES, "--out", "btc.csv"))).succeeded();
        byte[] local = Files.readAllBytes(csv.local.workingDir.resolve("btc.csv"));
        assertThat(Files.readAllBytes(csv.s3.workingDir.resolve("btc.csv"))).isEqualTo(local);
        // the independent reference: the recording's 499 closed candles as Binance sent them, value for value
        List<String> lines = Files.readAllLines(csv.s3.workingDir.resolve("btc.csv"));
        assertThat(lines).hasSize(1 + 499);
        assertThat(lines.get(0)).isEqualTo(DemoCandles.HEADER);
        for (int r = 0; r < 499; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            JsonNode sent = DemoCandles.rows().get(r);
            for (int c = 0; c < cells.length; c++) {
                assertThat(Double.parseDouble(cells[c])).as("row " + r + " column " + c)
                        .isEqualTo(Double.parseDouble(sent.get(c).asText()));
            }
        }

        Pair range = both(with(new String[] {"candles", "export"}, with(SERIES, "--start", "2019-04-15",
                "--end", "2019-04-16T12:00:00Z", "--include-open", "--format", "json"))).succeeded();
        assertThat(range.s3.result.out()).isEqualTo(range.local.result.out()).isNotEmpty();
    }

    @Test
    void indicatorsChartAndStudyFromTheBucketEqualTheLocalOnes() throws Exception {
        Pair ind = both(with(new String[] {"indicators"}, with(SERIES, "--ops", "sma(close,14); arp(14)", "--out",
                "ind.csv"))).succeeded();
        assertThat(Files.readAllBytes(ind.s3.workingDir.resolve("ind.csv")))
                .isEqualTo(Files.readAllBytes(ind.local.workingDir.resolve("ind.csv")));

        Pair chart = both(with(new String[] {"chart"}, with(SERIES, "--ops", "sma(close,20)", "--out", "c.png",
                "--width", "400", "--height", "300"))).succeeded();
        assertThat(Files.readAllBytes(chart.s3.workingDir.resolve("c.png")))
                .isEqualTo(Files.readAllBytes(chart.local.workingDir.resolve("c.png")));

        Pair study = both(with(new String[] {"study", "sma"}, with(SERIES, "--windows", "5..8", "--out", "st")))
                .succeeded();
        for (String f : List.of("summary.csv", "distribution.csv", "survival.csv", "censored.csv", "bars.csv")) {
            assertThat(study.s3.workingDir.resolve("st").resolve(f))
                    .hasSameTextualContentAs(study.local.workingDir.resolve("st").resolve(f));
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode local = json.readTree(study.local.workingDir.resolve("st/fingerprint.json").toFile());
        JsonNode s3 = json.readTree(study.s3.workingDir.resolve("st/fingerprint.json").toFile());
        assertThat(s3.get("hash")).isEqualTo(local.get("hash")).isNotNull();
        assertThat(s3.get("row_count").asInt()).isEqualTo(499);
    }

    @Test
    void writeCommandsRefuseTheBucketInOneLine() {
        CliRunner cli = cli(temp);
        for (String[] args : List.of(
                new String[] {"manifest", "rebuild", "--symbol", "BTCUSDT", "--interval", "30m", "--data-root", S3},
                new String[] {"fetch", "--symbol", "BTCUSDT", "--interval", "30m", "--start", "2024-01-01",
                    "--data-root", S3},
                new String[] {"agg", "--all", "--data-root", S3},
                new String[] {"serve", "--jobs", "BTCUSDT:30m", "--data-root", S3},
                new String[] {"pipelines", "create", "p", "--ops", "sma(close,5)", "--data-root", S3})) {
            CliRunner.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).contains("'" + S3 + "' is an S3 location; the data root must be a local"
                    + " folder for this command", "qlir push --to " + S3).doesNotContain("\n");
        }
        CliRunner.Result pipeline = cli.run(with(new String[] {"pipelines", "run", "p"}, with(SERIES, "--data-root",
                S3)));
        assertThat(pipeline.exitCode()).isEqualTo(2);
        assertThat(pipeline.err().strip()).isEqualTo("qlir: pipelines run with the data root " + S3 + " needs"
                + " --pipelines-dir DIR: pipelines and their run records live in a local folder, and a bucket is only"
                + " read");
        CliRunner.Result demo = cli.run("demo", "--out", S3);
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err().strip()).isEqualTo("qlir: --out " + S3 + " is a URL; the demo writes a local folder"
                + " (push its data root afterwards with 'qlir push --to s3://...')");
        assertThat(CliRunner.filesUnder(cli.workingDir())).isEmpty();
    }

    @Test
    void aMissingBucketAnEmptyPrefixAndAMissingSeriesAreOneLineAndExit2() throws IOException {
        String url = S3MockFixtures.endpoint(MOCK);
        CliRunner.Result noBucket = run(temp, "s3://no-such-bucket/x", with(new String[] {"manifest", "summary"},
                SERIES)).result();
        assertThat(noBucket.exitCode()).isEqualTo(2);
        assertThat(noBucket.err().strip()).isEqualTo("qlir: --data-root s3://no-such-bucket/x: no bucket"
                + " 'no-such-bucket' at " + url + "/no-such-bucket (check bucket no-such-bucket got HTTP 404); create"
                + " it first or check --data-root");

        CliRunner.Result empty = run(temp, "s3://" + BUCKET + "/nothing", with(new String[] {"candles", "export"},
                SERIES)).result();
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("qlir: --data-root s3://" + BUCKET + "/nothing: nothing under s3://"
                + BUCKET + "/nothing (bucket '" + BUCKET + "' exists); valid: a prefix a data root was pushed to,"
                + " with 'qlir push --to s3://" + BUCKET + "/nothing'");

        CliRunner.Result noSeries = run(temp, S3, "manifest", "validate", "--symbol", "ETHUSDT", "--interval",
                "30m", "--limit", "100").result();
        assertThat(noSeries.exitCode()).isEqualTo(2);
        assertThat(noSeries.err().strip()).isEqualTo("qlir: no ETHUSDT 30m klines limit=100 under data root " + S3
                + " (" + S3 + "/binance/klines/raw/ETHUSDT/30m/limit=100 does not exist); series present: BTCUSDT 30m"
                + " klines limit=100");

        int closed = closedPort();
        CliRunner.Result unreachable = cli(temp).env("QLIR_S3_ENDPOINT", "http://127.0.0.1:" + closed)
                .run("manifest", "summary", "--symbol", "BTCUSDT", "--interval", "30m", "--data-root", S3);
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err().strip()).startsWith("qlir: --data-root " + S3 + ": cannot reach http://127.0.0.1:"
                + closed + "/" + BUCKET).doesNotContain("\n");
    }
}
