package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.SliceDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir manifest validate|rebuild|summary} on a store written from the real 30m recording. */
class ManifestCommandTest {

    private static final String SUMMARY = "5 slices (4 complete, 1 partial: still_forming)";

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        dir = DemoStore.write(root);
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    private CliRunner.Result manifest(String sub, String... extra) {
        String[] base = {"manifest", sub, "--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval", "30m",
            "--limit", "100"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli.run(all);
    }

    private Path someCompleteSliceFile() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("responses"))) {
            return s.sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void summaryCountsSlicesByStatus() throws Exception {
        CliRunner.Result r = manifest("summary");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo("BTCUSDT 30m klines limit=100: " + SUMMARY);
        JsonNode json = new ObjectMapper().readTree(manifest("summary", "--json").out());
        assertThat(json.get("total").asInt()).isEqualTo(5);
        assertThat(json.get("by_status").get("complete").asInt()).isEqualTo(4);
        assertThat(json.get("by_status_reason").get("partial/still_forming").asInt()).isEqualTo(1);
    }

    @Test
    void aCleanStoreValidatesWithExitZero() {
        CliRunner.Result r = manifest("validate", "--deep");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo("clean: " + SUMMARY + ", 0 violations");
    }

    @Test
    void aDamagedSliceIsAnErrorWithExitOne() throws Exception {
        Path file = someCompleteSliceFile();
        String text = Files.readString(file);
        int at = text.lastIndexOf("\"0\"]");                      // the last row's "ignore" field
        Files.writeString(file, text.substring(0, at) + "\"1\"]" + text.substring(at + 4));
        CliRunner.Result r = manifest("validate", "--deep");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("NOT clean: ").contains("severity", "error", "data_hash");
        JsonNode json = new ObjectMapper().readTree(manifest("validate", "--deep", "--json").out());
        assertThat(json.get("clean").asBoolean()).isFalse();
    }

    @Test
    void aDeletedSliceFileIsFoundInMetadataMode() throws Exception {
        Files.delete(someCompleteSliceFile());
        CliRunner.Result r = manifest("validate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("manifest_filesystem");
    }

    @Test
    void rebuildRestoresALostManifestFromTheFiles() throws Exception {
        Files.delete(dir.resolve("manifest.json"));
        Files.deleteIfExists(dir.resolve("manifest.journal"));
        CliRunner.Result r = manifest("rebuild");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rebuilt from files", "manifest: " + SUMMARY, "matches the slice files");
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(manifest("validate").exitCode()).isZero();
    }

    @Test
    void rebuildReplacesAHandEditedEntryWithWhatItsFileSays() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);
        String complete = "\"slice_status\":\"complete\",\"slice_status_reason\":\"none\"";
        assertThat(text).contains(complete);
        Files.writeString(manifest, text.replaceFirst(java.util.regex.Pattern.quote(complete),
                "\"slice_status\":\"partial\",\"slice_status_reason\":\"awaiting_upstream\""));
        assertThat(manifest("summary").out()).doesNotContain(SUMMARY);
        CliRunner.Result r = manifest("rebuild");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("differed from the slice files:", "manifest says partial/awaiting_upstream, file"
                + " says complete", "replaced 1 entries with what their files say; manifest: " + SUMMARY);
        assertThat(manifest("summary").out().trim()).endsWith(SUMMARY);
        assertThat(manifest("rebuild").out()).contains("matches the slice files");
        assertThat(manifest("validate", "--deep").exitCode()).isZero();
    }

    @Test
    void rebuildIsRefusedWhileAnotherWriterHoldsTheDirectory() throws Exception {
        try (SliceDirectory writer = SliceDirectory.open(root, DemoStore.series())) {
            CliRunner.Result r = manifest("rebuild");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("qlir: qlir manifest rebuild failed:", String.valueOf(ProcessHandle.current()
                    .pid()));
            assertThat(writer.path()).isEqualTo(dir);
        }
    }

    @Test
    void anUnknownSeriesIsBadInputListingTheSeriesPresent() throws Exception {
        List<String> before = CliRunner.filesUnder(root);
        CliRunner.Result r = cli.run("manifest", "validate", "--data-root", root.toString(), "--symbol", "ETHUSDT",
                "--interval", "30m", "--limit", "100");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no ETHUSDT 30m klines limit=100 under data root",
                "series present: BTCUSDT 30m klines limit=100");
        assertThat(CliRunner.filesUnder(root)).isEqualTo(before);
    }

    @Test
    void aMissingDataRootIsBadInput() {
        CliRunner.Result r = cli.run("manifest", "summary", "--data-root", temp.resolve("nope").toString(),
                "--symbol", "BTCUSDT", "--interval", "30m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("data root " + temp.resolve("nope") + " (flag --data-root) does not exist");
    }
}
