package io.qlir.data.validate;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.M;
import static io.qlir.data.testing.StoreFixtures.SPAN;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.rowsAt;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Every rule fires on a directory crafted to break it, and the validator is silent on a clean one. */
class ManifestValidatorTest {

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws IOException {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    /** Complete, empty, partial/awaiting and still-forming slices, all consistent; cleanly closed. */
    Path clean() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            for (int k = 0; k < 4; k++) {
                dir.write(slice(k), rows(slice(k), 0, 9), fetch(slice(k), LATER));
            }
            dir.write(slice(4), rowsAt(), fetch(slice(4), LATER));
            clock.set(Instant.ofEpochMilli(slice(5).endExclusiveMs() + 2 * M));
            dir.write(slice(5), rows(slice(5), 0, 8), fetch(slice(5), clock.instant()));
            clock.set(Instant.ofEpochMilli(slice(7).startMs() + 2 * M + 30_000));
            dir.write(slice(7), rows(slice(7), 0, 2), fetch(slice(7), clock.instant()));
            return dir.path();
        }
    }

    static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).as("text to edit in " + file).contains(from);
        Files.writeString(file, s.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** Writes a slice file directly (as another writer would), with a stored verdict of our choosing. */
    static void writeDirect(Path dir, SliceKey key, ArrayNode r, SliceVerdict stored, Instant at) throws IOException {
        long[] opens = new long[r.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = r.get(i).get(0).longValue();
        }
        SliceFile.write(Layout.sliceFile(dir, key), SliceMeta.forWrite(key, "binance", "klines", fetch(key, at), stored,
                RowSummary.of(key, opens), at, ANCHOR), r);
    }

    static List<Rule> errorRules(ValidationReport r) {
        return r.errors().stream().map(Violation::rule).distinct().collect(Collectors.toList());
    }

    @Test
    void silentOnACleanDirectoryInBothModes() throws IOException {
        Path dir = clean();
        ValidationReport meta = ManifestValidator.validate(dir);
        assertThat(meta.violations()).as(meta.toTable().print()).isEmpty();
        assertThat(meta.isClean()).isTrue();
        assertThat(meta.filesRead()).isZero();
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.violations()).as(deep.toTable().print()).isEmpty();
        assertThat(deep.filesRead()).isEqualTo(7);
        assertThat(deep.rowsRead()).isEqualTo(4 * 10 + 0 + 9 + 3);
        assertThat(deep.describe()).isEqualTo("clean: 7 slices (4 complete, 2 partial: 1 still_forming, "
                + "1 awaiting_upstream, 1 empty: no_data), 0 violations");
    }

    @Test
    void historicalSparsityGapsAreWarningsAndTheDirectoryStaysClean() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            ArrayNode gapped = rowsAt(slice(1).startMs(), slice(1).startMs() + M, slice(1).startMs() + 5 * M);
            dir.write(slice(1), gapped, fetch(slice(1), LATER));
            dir.write(slice(2), rows(slice(2), 3, 9), fetch(slice(2), LATER)); // late start: gap across 1 -> 2
        }
        Path d = series().directory(root);
        for (ValidationMode mode : ValidationMode.values()) {
            ValidationReport r = ManifestValidator.validate(d, mode);
            assertThat(r.isClean()).as(r.toTable().print()).isTrue();
            assertThat(r.warnings()).extracting(Violation::rule).containsOnly(Rule.OPEN_TIME_SPACING);
            assertThat(r.warnings()).hasSize(2); // the gap inside slice 1, the gap across 1 -> 2
        }
        Violation inside = ManifestValidator.validate(d, ValidationMode.DEEP).warnings().stream()
                .filter(v -> v.sliceKey().equals(slice(1).canonical())).findFirst().orElseThrow();
        assertThat(inside.details().get("gaps")).isEqualTo(1);
        assertThat(inside.details().get("first_gaps").toString())
                .contains("after_open=" + (slice(1).startMs() + M)).contains("next_open=" + (slice(1).startMs() + 5 * M))
                .contains("missing_candles=3");
    }

    @Test
    void manifestStructure() throws IOException {
        Path dir = clean();
        Path mf = dir.resolve(Layout.MANIFEST);
        edit(mf, "\"gaps\":0,", ""); // one entry loses a field
        edit(mf, "\"total\":7", "\"total\":8");
        ValidationReport r = ManifestValidator.validate(dir);
        assertThat(r.byRule(Rule.MANIFEST_STRUCTURE)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("missing [gaps]"))
                .anySatisfy(m -> assertThat(m).contains("stored summary"));
        assertThat(r.isClean()).isFalse();

        Files.delete(mf);
        assertThat(errorRules(ManifestValidator.validate(dir))).contains(Rule.MANIFEST_STRUCTURE);
        Files.writeString(mf, "{ not json");
        assertThat(ManifestValidator.validate(dir).byRule(Rule.MANIFEST_STRUCTURE)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("not valid JSON"));
    }

    @Test
    void tornJournalTailIsOnlyAWarning() throws IOException {
        Path dir = clean();
        Files.write(dir.resolve(Layout.JOURNAL), "{\"slice_comp_key\":\"BTCU".getBytes(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ValidationReport r = ManifestValidator.validate(dir);
        assertThat(r.isClean()).isTrue();
        assertThat(r.warnings()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.MANIFEST_STRUCTURE);
            assertThat(v.message()).contains("manifest.journal line 1").contains("incomplete last line");
        });
    }

    @Test
    void manifestFilesystem() throws IOException {
        Path dir = clean();
        Files.delete(Layout.sliceFile(dir, slice(0)));                       // missing file
        writeDirect(dir, slice(20), rows(slice(20), 0, 9), SliceVerdict.COMPLETE, LATER); // orphan
        Files.write(Layout.sliceFile(dir, slice(1)), " ".getBytes(), StandardOpenOption.APPEND); // changed size
        Files.writeString(dir.resolve(Layout.RESPONSES).resolve(".x.json.1.tmp"), "{");       // temp leftover
        ValidationReport r = ManifestValidator.validate(dir);
        List<String> messages = r.byRule(Rule.MANIFEST_FILESYSTEM).stream().map(Violation::message)
                .collect(Collectors.toList());
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("missing file"))
                .anySatisfy(m -> assertThat(m).startsWith("orphan file").contains(slice(20).id().fileName()))
                .anySatisfy(m -> assertThat(m).startsWith("file changed since it was indexed"))
                .anySatisfy(m -> assertThat(m).startsWith("leftover temp file"));
        assertThat(r.byRule(Rule.MANIFEST_FILESYSTEM)).filteredOn(v -> v.message().startsWith("count mismatch"))
                .isEmpty(); // 7 indexed, 7 on disk (one gone, one orphan)
        writeDirect(dir, slice(21), rows(slice(21), 0, 9), SliceVerdict.COMPLETE, LATER);
        assertThat(ManifestValidator.validate(dir).byRule(Rule.MANIFEST_FILESYSTEM)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("count mismatch: the manifest indexes 7 files, responses/ "
                        + "holds 8"));
    }

    @Test
    void sliceFileParse() throws IOException {
        Path dir = clean();
        Files.write(Layout.sliceFile(dir, slice(0)), new byte[0]);
        byte[] b = Files.readAllBytes(Layout.sliceFile(dir, slice(1)));
        Files.write(Layout.sliceFile(dir, slice(1)), Arrays.copyOf(b, b.length / 2));
        ValidationReport meta = ManifestValidator.validate(dir);
        assertThat(meta.byRule(Rule.SLICE_FILE_PARSE)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("zero-byte file"));
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.byRule(Rule.SLICE_FILE_PARSE)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).startsWith("zero-byte"))
                .anySatisfy(m -> assertThat(m).startsWith("truncated"));
    }

    @Test
    void sliceInvariants() throws IOException {
        Path dir = clean();
        Path mf = dir.resolve(Layout.MANIFEST);
        edit(mf, "\"slice_id\":\"" + slice(2).id().hex() + "\"", "\"slice_id\":\"" + slice(3).id().hex() + "\"");
        SliceKey misaligned = series().key(ANCHOR + 30 * SPAN + 1);
        String missingLine = "{\"slice_comp_key\":\"" + misaligned + "\",\"slice_id\":\"" + misaligned.id()
                + "\",\"slice_status\":\"missing\",\"slice_status_reason\":\"none\",\"n_items\":null,"
                + "\"received_first_open\":null,\"received_last_open\":null,\"gaps\":null,\"duplicates\":null,"
                + "\"unordered\":null,\"misplaced\":null,\"relative_path\":null,\"file_size\":null,"
                + "\"file_mtime_ms\":null,\"data_sha256\":null,\"requested_at\":null,\"completed_at\":null,"
                + "\"http_status\":null,\"off_grid\":true,\"error\":null}\n";
        Files.writeString(dir.resolve(Layout.JOURNAL), missingLine, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        edit(Layout.sliceFile(dir, slice(0)), "\"symbol\":\"BTCUSDT\"", "\"symbol\":\"BTCUSDC\"");
        edit(Layout.sliceFile(dir, slice(1)), "\"startTime\":\"" + slice(1).startMs() + "\"",
                "\"startTime\":\"" + slice(2).startMs() + "\"");
        ValidationReport meta = ManifestValidator.validate(dir);
        assertThat(meta.byRule(Rule.SLICE_INVARIANTS)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("slice_id '" + slice(3).id() + "' is not the hash of the key"))
                .anySatisfy(m -> assertThat(m).contains("is not an open time of 1m"));
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.byRule(Rule.SLICE_INVARIANTS)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("meta symbol is 'BTCUSDC' but the slice key says 'BTCUSDT'"))
                .anySatisfy(m -> assertThat(m).startsWith("request param startTime is '" + slice(2).startMs()
                        + "' but the slice key says '" + slice(1).startMs() + "' (a tail fetch may start later"));
        // the data arrays were not touched: their hashes still hold
        assertThat(deep.byRule(Rule.DATA_HASH)).isEmpty();
    }

    @Test
    void aTailFetchMayStartAtAStoredOpenTimeInsideTheSliceAndNowhereElse() throws IOException {
        Path dir = clean();
        Path forming = Layout.sliceFile(dir, slice(7));
        String original = Files.readString(forming);
        String declared = "\"startTime\":\"" + slice(7).startMs() + "\"";
        // the tail of the forming slice asked again from its last stored candle (row 2): valid
        long lastRow = slice(7).startMs() + 2 * M;
        edit(forming, declared, "\"startTime\":\"" + lastRow + "\"");
        ValidationReport tail = ManifestValidator.validate(dir, ValidationMode.DEEP);
        // (editing the file leaves only the modification-time warning)
        assertThat(tail.byRule(Rule.SLICE_INVARIANTS)).as(tail.toTable().print()).isEmpty();
        assertThat(tail.errors()).isEmpty();
        // off the interval's grid, after the last row, or not a number: each one error naming what is valid
        for (String bad : List.of(Long.toString(lastRow + 1), Long.toString(lastRow + M), "soon")) {
            Files.writeString(forming, original);
            edit(forming, declared, "\"startTime\":\"" + bad + "\"");
            assertThat(ManifestValidator.validate(dir, ValidationMode.DEEP).byRule(Rule.SLICE_INVARIANTS))
                    .extracting(Violation::message).containsExactly("request param startTime is '" + bad
                            + "' but the slice key says '" + slice(7).startMs() + "' (a tail fetch may start later:"
                            + " at an open time inside the slice, no later than its last row " + lastRow + ")");
        }
    }

    @Test
    void offGridSliceIsAWarning() throws IOException {
        Path dir = clean();
        SliceKey off = series().key(ANCHOR + 40 * SPAN + 3 * M);
        writeDirect(dir, off, rows(off, 0, 9), SliceVerdict.COMPLETE, LATER);
        SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build()).close(); // adopts it
        ValidationReport r = ManifestValidator.validate(dir);
        assertThat(r.isClean()).isTrue();
        assertThat(r.warnings()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.SLICE_INVARIANTS);
            assertThat(v.sliceKey()).isEqualTo(off.canonical());
            assertThat(v.message()).contains("off the grid");
        });
    }

    @Test
    void dataHash() throws IOException {
        Path dir = clean();
        edit(Layout.sliceFile(dir, slice(2)), "\"12.50000000\"", "\"12.50000009\""); // same size
        ValidationReport meta = ManifestValidator.validate(dir);
        assertThat(meta.isClean()).isTrue(); // metadata mode cannot see a same-size edit; it notes the new mtime
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.byRule(Rule.DATA_HASH)).extracting(Violation::message).containsExactlyInAnyOrder(
                "data does not hash to the meta's data_sha256", "data does not hash to the manifest's data_sha256");
        assertThat(deep.byRule(Rule.DATA_HASH)).allSatisfy(v -> assertThat(v.sliceKey()).isEqualTo(slice(2).canonical()));
    }

    @Test
    void openTimeSpacingInsideAndAcrossCompleteSlices() throws IOException {
        Path dir;
        try (SliceDirectory d = open()) {
            d.setGridAnchor(ANCHOR);
            d.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir = d.path();
        }
        // another writer claims complete/none for a slice missing its first candle (and one inside)
        long s1 = slice(1).startMs();
        writeDirect(dir, slice(1), rowsAt(s1 + M, s1 + 2 * M, s1 + 4 * M, s1 + 5 * M, s1 + 6 * M, s1 + 7 * M,
                s1 + 8 * M, s1 + 9 * M), SliceVerdict.COMPLETE, LATER);
        // and a duplicated candle
        long s3 = slice(3).startMs();
        writeDirect(dir, slice(3), rowsAt(s3, s3, s3 + M), SliceVerdict.COMPLETE, LATER);
        SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build()).close();
        for (ValidationMode mode : ValidationMode.values()) {
            ValidationReport r = ManifestValidator.validate(dir, mode);
            List<Violation> spacing = r.byRule(Rule.OPEN_TIME_SPACING).stream()
                    .filter(v -> v.severity() == Severity.ERROR).collect(Collectors.toList());
            assertThat(spacing).as(mode + "\n" + r.toTable().print()).hasSize(3);
            assertThat(spacing).anySatisfy(v -> {
                assertThat(v.sliceKey()).isEqualTo(slice(1).canonical());
                assertThat(v.message()).startsWith("gap across slices: 1 candles missing after " + (s1 - M));
                assertThat(v.details()).containsEntry("next_open", s1 + M);
            });
            assertThat(spacing).anySatisfy(v -> {
                assertThat(v.sliceKey()).isEqualTo(slice(1).canonical());
                assertThat(v.message()).contains("1 gap inside the slice");
            });
            assertThat(spacing).anySatisfy(v -> assertThat(v.sliceKey()).isEqualTo(slice(3).canonical()));
        }
        Violation dup = ManifestValidator.validate(dir, ValidationMode.DEEP).byRule(Rule.OPEN_TIME_SPACING).stream()
                .filter(v -> v.sliceKey().equals(slice(3).canonical())).findFirst().orElseThrow();
        assertThat(dup.details().get("open_times")).isEqualTo(List.of(s3));
    }

    @Test
    void statusConsistency() throws IOException {
        Path dir = clean();
        Path mf = dir.resolve(Layout.MANIFEST);
        // slice 5 is partial/awaiting_upstream (9 rows, written 2 minutes after its end): claim complete
        String key5 = "\"slice_comp_key\":\"" + slice(5) + "\",\"slice_id\":\"" + slice(5).id()
                + "\",\"slice_status\":\"partial\",\"slice_status_reason\":\"awaiting_upstream\"";
        edit(mf, key5, key5.replace("partial", "complete").replace("awaiting_upstream", "none"));
        edit(mf, "\"total\":7,\"by_status\":{\"missing\":0,\"complete\":4,\"partial\":2",
                "\"total\":7,\"by_status\":{\"missing\":0,\"complete\":5,\"partial\":1");
        edit(mf, "\"complete/none\":4,\"partial/still_forming\":1,\"partial/awaiting_upstream\":1",
                "\"complete/none\":5,\"partial/still_forming\":1");
        // slice 7 gets a reason that does not go with its status
        edit(mf, "\"slice_status\":\"partial\",\"slice_status_reason\":\"still_forming\"",
                "\"slice_status\":\"partial\",\"slice_status_reason\":\"no_data\"");
        edit(mf, "\"partial/still_forming\":1", "\"partial/no_data\":1");
        ValidationReport r = ManifestValidator.validate(dir);
        assertThat(r.byRule(Rule.MANIFEST_STRUCTURE)).as(r.toTable().print()).isEmpty();
        assertThat(r.byRule(Rule.STATUS_CONSISTENCY)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).startsWith("status complete/none but the policy says "
                        + "partial/awaiting_upstream"))
                .anySatisfy(m -> assertThat(m).isEqualTo("reason no_data does not go with status partial"));
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.byRule(Rule.SLICE_INVARIANTS)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("the manifest says complete/none but the file's meta says "
                        + "partial/awaiting_upstream"));
    }

    @Test
    void fileMetaStatusThatDisagreesWithThePolicyIsFoundDeep() throws IOException {
        Path dir = clean();
        SliceKey k = slice(9);
        // complete for 5 of 10 rows, written 1 minute after the slice ended: the policy says partial
        writeDirect(dir, k, rows(k, 0, 4), SliceVerdict.COMPLETE, Instant.ofEpochMilli(k.endExclusiveMs() + M));
        SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build()).close(); // -> needs_refresh
        ValidationReport meta = ManifestValidator.validate(dir);
        assertThat(meta.isClean()).isTrue();
        assertThat(meta.byRule(Rule.STATUS_CONSISTENCY)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("needs_refresh"));
        // the same file under a manifest that trusts it: deep mode re-runs the policy on the rows
        edit(dir.resolve(Layout.MANIFEST), "\"slice_status\":\"needs_refresh\"", "\"slice_status\":\"complete\"");
        edit(dir.resolve(Layout.MANIFEST), "\"complete\":4,\"partial\":2,\"empty\":1,\"failed\":0,\"needs_refresh\":1",
                "\"complete\":5,\"partial\":2,\"empty\":1,\"failed\":0,\"needs_refresh\":0");
        edit(dir.resolve(Layout.MANIFEST), "\"needs_refresh/none\":1", "\"complete/none\":1");
        ValidationReport deep = ManifestValidator.validate(dir, ValidationMode.DEEP);
        assertThat(deep.byRule(Rule.STATUS_CONSISTENCY)).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).startsWith("file meta says complete/none but the policy says "
                        + "partial/awaiting_upstream"));
    }

    @Test
    void neverThrowsOnBadInput() throws IOException {
        ValidationReport none = ManifestValidator.validate(root.resolve("nope"));
        assertThat(none.isClean()).isFalse();
        assertThat(none.errors()).singleElement().satisfies(v -> assertThat(v.message()).contains("no slice directory"));
        Path odd = Files.createDirectories(root.resolve("not-a-layout"));
        Files.writeString(odd.resolve(Layout.MANIFEST), "[1,2,3]");
        ValidationReport r = ManifestValidator.validate(odd, ValidationMode.DEEP);
        assertThat(r.isClean()).isFalse();
        assertThat(r.summary()).isNull();
    }

    @Test
    void rendersAsTableAndJson() throws IOException {
        Path dir = clean();
        Files.delete(Layout.sliceFile(dir, slice(0)));
        ValidationReport r = ManifestValidator.validate(dir);
        Table t = r.toTable();
        assertThat(t.columnNames()).containsExactly("rule", "severity", "slice_key", "message", "details");
        assertThat(t.rowCount()).isEqualTo(r.violations().size()).isEqualTo(2); // missing file + count mismatch
        assertThat(t.stringColumn("rule").asList()).containsOnly("manifest_filesystem");
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("counts").get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("by_rule").get("manifest_filesystem").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("total").asInt()).isEqualTo(7);
        assertThat(json.get("violations").get(0).get("details").get("relative_path").asText())
                .isEqualTo("responses/" + slice(0).id().fileName());
        assertThat(r.countsByRule()).hasSize(Rule.values().length).containsEntry(Rule.MANIFEST_FILESYSTEM, 2);
        assertThat(r.describe()).startsWith("NOT clean: 7 slices").endsWith("2 errors, 0 warnings");
    }

    @Test
    void statusesAndReasonsAreCountedTheSameWayAsTheStore() {
        assertThat(SliceStatus.values()).hasSize(6);
        assertThat(SliceReason.values()).hasSize(9);
    }
}
