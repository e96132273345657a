package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.ops.dataset.DatasetFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir pipelines create|list|show|run}, end to end in-process, on a store holding the real 30m recording. */
class PipelinesCommandTest {

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

    private CliRunner.Result pipelines(String... args) {
        List<String> all = new ArrayList<>(List.of("pipelines"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-root", root.toString()));
        return cli.run(all.toArray(new String[0]));
    }

    private Path folder() {
        return root.resolve("pipelines");
    }

    @Test
    void createListShowRun() throws Exception {
        CliRunner.Result created = pipelines("create", "trend", "--ops", "sma(close,14) ; range_shock(14)",
                "--notes", "fast trend and shocks");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("created pipeline trend (" + folder().resolve("trend.json") + "):"
                + " sma(close,14); range_shock(14)");

        CliRunner.Result listed = pipelines("list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines()).hasSize(2);
        assertThat(listed.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("OPS", "CREATED",
                "LAST RUN");
        assertThat(listed.out()).containsPattern("trend\\s+sma\\(close,14\\); range_shock\\(14\\)\\s+\\d{4}-.*never");

        CliRunner.Result shown = pipelines("show", "trend");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("ops:      sma(close,14); range_shock(14)", "notes:    fast trend and shocks",
                "last run: never",
                "SMA(base_col=close, window=14, rows_used=[i-13 .. i], write_col=close_sma_14, write_row=i)",
                "write_col=range_shock_14");

        CliRunner.Result ran = pipelines("run", "trend", "--symbol", "BTCUSDT", "--interval", "30m", "--limit",
                "100", "--out", "trend.csv");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("pipeline trend ran over BTCUSDT 30m klines",
                "wrote 499 rows to " + cli.workingDir().resolve("trend.csv")
                        + " (new columns: close_sma_14, range_shock_14), fingerprint trend.csv.fingerprint.json");
        List<String> lines = Files.readAllLines(cli.workingDir().resolve("trend.csv"));
        assertThat(lines).hasSize(500);
        assertThat(lines.get(0)).isEqualTo(DemoCandles.HEADER + ",close_sma_14,range_shock_14");
        assertThat(lines.get(13).split(",", -1)[11]).isEmpty();                       // warm-up
        assertClose(Double.parseDouble(lines.get(14).split(",", -1)[11]), sma14(13));
        assertClose(Double.parseDouble(lines.get(499).split(",", -1)[11]), sma14(498));

        ObjectMapper json = new ObjectMapper();
        JsonNode fp = json.readTree(cli.workingDir().resolve("trend.csv.fingerprint.json").toFile());
        assertThat(fp.get("row_count").asInt()).isEqualTo(499);
        assertThat(fp.get("hash").asText())
                .isEqualTo(StoreFingerprints.hashOf(StoreFingerprints.sliceChecksums(sliceDir)));
        JsonNode spec = json.readTree(folder().resolve("trend.json").toFile());
        assertThat(spec.get("last_run").get("rows").asInt()).isEqualTo(499);
        assertThat(spec.get("last_run").get("output_columns").toString())
                .isEqualTo("[\"close_sma_14\",\"range_shock_14\"]");
        assertThat(spec.get("last_run").get("fingerprint")).isEqualTo(fp);

        CliRunner.Result after = pipelines("list");
        assertThat(after.out()).doesNotContain("never").contains("over BTCUSDT 30m klines");
    }

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
    void runReadsACandleCsvLikeTheStoredSeriesItWasExportedFrom() throws Exception {
        assertThat(pipelines("create", "trend", "--ops", "sma(close,14)").exitCode()).isZero();
        CliRunner.Result export = cli.run("candles", "export", "--symbol", "BTCUSDT", "--interval", "30m", "--limit",
                "100", "--data-root", root.toString(), "--out", "btc.csv");
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliRunner.Result ran = pipelines("run", "trend", "--input", "btc.csv");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        Path out = cli.workingDir().resolve("qlir-out").resolve("trend-btc.csv"); // default: named after the file
        CliRunner.Result stored = pipelines("run", "trend", "--symbol", "BTCUSDT", "--interval", "30m", "--limit", "100",
                "--out", "from-store.csv");
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(out).hasSameTextualContentAs(cli.workingDir().resolve("from-store.csv"));
        assertThat(DatasetFingerprint.besideFile(out)).exists();
        assertThat(ran.out()).contains("pipeline trend ran over", "wrote 499 rows to " + out);
    }

    @Test
    void anUnknownOpIsOneClearErrorAndNothingIsWritten() {
        CliRunner.Result r = pipelines("create", "trend", "--ops", "sma(close,14); smaa(close,20)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --ops: pipeline 'trend': op 2 'smaa(close,20)' is invalid:",
                "unknown op 'smaa'").hasLineCount(1);
        assertThat(folder()).doesNotExist();
    }

    @Test
    void anOpThatReadsAColumnNoCandleTableHasIsRefusedBeforeWriting() {
        CliRunner.Result r = pipelines("create", "cross", "--ops", "cross_up(close,close_sma_20)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --ops: pipeline 'cross' op 1 'cross_up(close,close_sma_20)' failed:",
                "close_sma_20");
        assertThat(folder()).doesNotExist();
    }

    @Test
    void aBadNameIsBadInput() {
        CliRunner.Result r = pipelines("create", "Trend!", "--ops", "sma(close,14)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: pipeline name 'Trend!' is invalid").doesNotContain("--ops");
        assertThat(folder()).doesNotExist();
    }

    @Test
    void createRefusesToOverwriteUnlessForced() throws Exception {
        assertThat(pipelines("create", "trend", "--ops", "sma(close,14)").exitCode()).isZero();
        String before = Files.readString(folder().resolve("trend.json"));
        CliRunner.Result again = pipelines("create", "trend", "--ops", "sma(close,50)");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("pipeline 'trend' already exists", "--force");
        assertThat(Files.readString(folder().resolve("trend.json"))).isEqualTo(before);
        CliRunner.Result forced = pipelines("create", "trend", "--ops", "sma(close,50)", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(folder().resolve("trend.json"))).contains("sma(close,50)");
    }

    @Test
    void aMalformedSpecFileIsOneClearErrorForShowAndRunAndIsSkippedByList() throws Exception {
        assertThat(pipelines("create", "good", "--ops", "sma(close,14)").exitCode()).isZero();
        Files.writeString(folder().resolve("broken.json"), "{\"format\":1,\"name\":\"broken\",\"ops\":[\"smaa(");
        Files.writeString(folder().resolve("unknown.json"), "{\"format\":1,\"name\":\"unknown\",\"ops\":[\"nope(3)\"],"
                + "\"created\":\"2024-05-01T10:00:00Z\"}");

        CliRunner.Result show = pipelines("show", "broken");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("qlir: ", folder().resolve("broken.json").toString()).hasLineCount(1);

        CliRunner.Result run = pipelines("run", "unknown", "--symbol", "BTCUSDT", "--interval", "30m", "--limit",
                "100", "--out", "u.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(folder().resolve("unknown.json").toString(), "'nope(3)'", "unknown op 'nope'")
                .hasLineCount(1);
        assertThat(cli.workingDir().resolve("u.csv")).doesNotExist();

        CliRunner.Result list = pipelines("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("good").doesNotContain("broken", "unknown");
        assertThat(list.err()).contains("skipped " + folder().resolve("broken.json"),
                "skipped " + folder().resolve("unknown.json"));
    }

    @Test
    void aMissingPipelineListsTheStoredOnes() {
        assertThat(pipelines("create", "trend", "--ops", "sma(close,14)").exitCode()).isZero();
        CliRunner.Result r = pipelines("show", "trnd");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no pipeline named 'trnd'", "stored pipelines: [trend]");
    }

    @Test
    void thePipelinesFolderCanBeChosen() {
        Path mine = cli.workingDir().resolve("mine");
        CliRunner.Result r = pipelines("create", "trend", "--ops", "sma(close,14)", "--pipelines-dir", "mine");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(mine.resolve("trend.json")).exists();
        assertThat(folder()).doesNotExist();
        assertThat(pipelines("list", "--pipelines-dir", "mine").out()).contains("trend");
        assertThat(pipelines("list").out()).contains("no pipelines in " + folder());
    }

    @Test
    void runOverASeriesNotInTheStoreIsBadInputAndRecordsNothing() throws Exception {
        assertThat(pipelines("create", "trend", "--ops", "sma(close,14)").exitCode()).isZero();
        String before = Files.readString(folder().resolve("trend.json"));
        CliRunner.Result r = pipelines("run", "trend", "--symbol", "ETHUSDT", "--interval", "30m", "--limit", "100",
                "--out", "e.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no ETHUSDT 30m klines limit=100");
        assertThat(cli.workingDir().resolve("e.csv")).doesNotExist();
        assertThat(Files.readString(folder().resolve("trend.json"))).isEqualTo(before);
    }
}
