package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.SPAN;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.file.FetchInfo;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileTest {

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws IOException {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    /** A directory with complete, sparse, empty, partial, failed and planned-missing slices, cleanly closed. */
    Path populated() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.plan(ANCHOR, ANCHOR + 7 * SPAN - 1);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
            dir.write(slice(2), rows(slice(2), 2, 9), fetch(slice(2), LATER));
            dir.write(slice(3), rows(slice(3), 0, -1), fetch(slice(3), LATER));
            dir.recordFailure(slice(4), SliceReason.HTTP_ERROR, "HTTP 500", fetch(slice(4), LATER));
            return dir.path();
        }
    }

    static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Writes a slice file as a crash between file rename and journal append would leave it. */
    static void writeBehindTheManifestsBack(Path dir, SliceKey key, int from, int to, Instant at) throws IOException {
        var r = rows(key, from, to);
        long[] opens = new long[r.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = r.get(i).get(0).longValue();
        }
        RowSummary summary = RowSummary.of(key, opens);
        SliceVerdict v = io.qlir.data.slice.StatusPolicy.defaults().classify(key, summary, at);
        SliceFile.write(Layout.sliceFile(dir, key), SliceMeta.forWrite(key, "binance", "klines", fetch(key, at), v,
                summary, at, ANCHOR), r);
    }

    @Test
    void restartAfterACleanStopChangesNothing() throws IOException {
        Path dir = populated();
        byte[] manifestBefore = Files.readAllBytes(dir.resolve(Layout.MANIFEST));
        FileTime mtimeBefore = Files.getLastModifiedTime(dir.resolve(Layout.MANIFEST));
        Manifest before;
        clock.advance(java.time.Duration.ofDays(30)); // time passing marks nothing needs_refresh
        try (SliceDirectory d = open()) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.changedNothing()).as(r.describe()).isTrue();
            assertThat(r.needsRefresh()).isEmpty();
            assertThat(r.unchanged()).isEqualTo(7);
            before = d.manifest();
            assertThat(d.summary().count(SliceStatus.NEEDS_REFRESH)).isZero();
            assertThat(d.summary().describe()).isEqualTo(
                    "7 slices (2 missing, 3 complete: 1 historical_sparsity, 1 empty: no_data, 1 failed: http_error)");
        }
        assertThat(Files.readAllBytes(dir.resolve(Layout.MANIFEST))).isEqualTo(manifestBefore);
        assertThat(Files.getLastModifiedTime(dir.resolve(Layout.MANIFEST))).isEqualTo(mtimeBefore);
        try (SliceDirectory d = open()) {
            assertThat(d.manifest()).isEqualTo(before);
        }
    }

    @Test
    void replaceWithFilesRepairsAnEntryThatReconcileTrusts() throws IOException {
        Path path;
        SliceEntry good;
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
            dir.plan(ANCHOR, ANCHOR + 4 * SPAN);
            dir.recordFailure(slice(2), SliceReason.EXCEPTION, "boom", FetchInfo.UNKNOWN);
            path = dir.path();
            good = dir.entry(slice(0)).orElseThrow();
        }
        // a hand edit: slice 0 said to be still forming, its file's size and modification time untouched
        SliceEntry wrong = new SliceEntry(good.key(), new SliceVerdict(SliceStatus.PARTIAL, SliceReason.STILL_FORMING),
                good.rows(), good.file(), good.completedAt(), good.requestedAt(), good.httpStatus(), null, false);
        Files.write(path.resolve(Layout.JOURNAL), ManifestStore.journalLine(wrong),
                java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
        try (SliceDirectory dir = open()) {
            assertThat(dir.entry(slice(0))).as("reconcile trusts the stamps").contains(wrong);
            assertThat(dir.replaceWithFiles()).containsExactly(slice(0));
            assertThat(dir.entry(slice(0))).contains(good);
            assertThat(dir.entry(slice(1)).orElseThrow().verdict()).isEqualTo(SliceVerdict.COMPLETE);
            assertThat(dir.entry(slice(2)).orElseThrow().status()).as("a failure stays").isEqualTo(SliceStatus.FAILED);
            assertThat(dir.entry(slice(3)).orElseThrow().status()).as("a plan stays").isEqualTo(SliceStatus.MISSING);
            assertThat(dir.manifest().fileBacked()).isEqualTo(dir.rebuild().fileBacked());
            Object manifestFile = Files.readAttributes(path.resolve(Layout.MANIFEST),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            assertThat(dir.replaceWithFiles()).as("nothing left to repair").isEmpty();
            assertThat(Files.readAttributes(path.resolve(Layout.MANIFEST),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey()).as("and nothing rewritten")
                    .isEqualTo(manifestFile);
        }
        // compacted: the repaired manifest is what the next reader sees
        assertThat(Manifest.load(path).manifest().entry(slice(0))).contains(good);
    }

    @Test
    void rebuildFromFilesEqualsTheLiveManifest() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir.write(slice(1), rows(slice(1), 0, 4), fetch(slice(1), LATER));
            dir.write(slice(2), rows(slice(2), 0, -1), fetch(slice(2), LATER));
            SliceKey forming = slice(6);
            clock.set(Instant.ofEpochMilli(forming.startMs() + 90_000));
            dir.write(forming, rows(forming, 0, 1), fetch(forming, clock.instant()));
            Manifest live = dir.manifest();
            Manifest rebuilt = dir.rebuild();
            assertThat(rebuilt).isEqualTo(live);
            assertThat(rebuilt.summary()).isEqualTo(live.summary());
            // plans and failures live only in the manifest; file-backed entries still agree
            dir.plan(ANCHOR, ANCHOR + 5 * SPAN);
            dir.recordFailure(slice(4), SliceReason.EXCEPTION, "boom", FetchInfo.UNKNOWN);
            assertThat(dir.rebuild().fileBacked()).isEqualTo(dir.manifest().fileBacked());
        }
    }

    @Test
    void missingManifestIsRebuiltFromTheFiles() throws IOException {
        Path dir = populated();
        Manifest before = Manifest.load(dir).manifest();
        Files.delete(dir.resolve(Layout.MANIFEST));
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().rebuilt()).isTrue();
            assertThat(d.lastReconcile().adopted()).hasSize(4);
            assertThat(d.gridAnchor()).hasValue(ANCHOR); // recovered from the files' meta
            assertThat(d.manifest().fileBacked()).isEqualTo(before.fileBacked());
        }
    }

    @Test
    void orphanFilesAreAdopted() throws IOException {
        Path dir = populated();
        writeBehindTheManifestsBack(dir, slice(5), 0, 9, LATER); // planned missing, file landed, journal line lost
        writeBehindTheManifestsBack(dir, slice(9), 0, 9, LATER); // never planned
        try (SliceDirectory d = open()) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.adopted()).containsExactlyInAnyOrder(slice(5), slice(9));
            assertThat(d.entry(slice(5)).orElseThrow().verdict()).isEqualTo(SliceVerdict.COMPLETE);
            assertThat(d.entry(slice(9)).orElseThrow().hasFile()).isTrue();
            assertThat(d.rebuild().fileBacked()).isEqualTo(d.manifest().fileBacked().stream()
                    .filter(e -> e.status() != SliceStatus.FAILED).collect(Collectors.toList()));
        }
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().changedNothing()).isTrue();
        }
    }

    @Test
    void zeroByteAndTruncatedFilesAreQuarantinedNeverDeleted() throws IOException {
        Path dir = populated();
        Path responses = dir.resolve(Layout.RESPONSES);
        Path zero = Layout.sliceFile(dir, slice(7));
        Files.write(zero, new byte[0]);
        byte[] good = Files.readAllBytes(Layout.sliceFile(dir, slice(0)));
        Path truncated = Layout.sliceFile(dir, slice(8));
        byte[] half = Arrays.copyOf(good, good.length / 2);
        Files.write(truncated, half);
        byte[] full1 = Files.readAllBytes(Layout.sliceFile(dir, slice(1)));
        Files.write(Layout.sliceFile(dir, slice(1)), Arrays.copyOf(full1, full1.length - 40)); // known file, cut
        Files.writeString(responses.resolve("." + slice(9).id().fileName() + ".1a2b.tmp"), "{\"meta\":");
        try (SliceDirectory d = open()) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.quarantined()).extracting(ReconcileReport.Quarantined::fileName).containsExactlyInAnyOrder(
                    slice(7).id().fileName(), slice(8).id().fileName(), slice(1).id().fileName(),
                    "." + slice(9).id().fileName() + ".1a2b.tmp");
            assertThat(r.quarantined()).filteredOn(q -> q.fileName().equals(slice(7).id().fileName()))
                    .singleElement().satisfies(q -> assertThat(q.reason()).startsWith("zero_byte"));
            assertThat(r.quarantined()).filteredOn(q -> q.fileName().equals(slice(8).id().fileName()))
                    .singleElement().satisfies(q -> assertThat(q.reason()).startsWith("truncated"));
            assertThat(r.markedMissing()).containsExactly(slice(1));
            assertThat(d.entry(slice(1)).orElseThrow().status()).isEqualTo(SliceStatus.MISSING);
            assertThat(d.entry(slice(7))).isEmpty();
        }
        Path q = dir.resolve(Layout.QUARANTINE);
        assertThat(names(q)).contains(slice(7).id().fileName(), slice(7).id().fileName() + ".reason",
                slice(8).id().fileName(), slice(8).id().fileName() + ".reason");
        assertThat(Files.readAllBytes(q.resolve(slice(8).id().fileName()))).isEqualTo(half);
        assertThat(Files.readString(q.resolve(slice(8).id().fileName() + ".reason"), StandardCharsets.UTF_8))
                .contains("file: responses/" + slice(8).id().fileName()).contains("reason: truncated");
        assertThat(names(dir.resolve(Layout.RESPONSES))).doesNotContain(slice(7).id().fileName(),
                slice(8).id().fileName(), slice(1).id().fileName());
    }

    @Test
    void mismatchedFilesAreQuarantined() throws IOException {
        Path dir = populated();
        // a good file under another slice's name
        Files.copy(Layout.sliceFile(dir, slice(0)), Layout.sliceFile(dir, slice(8)));
        // a file whose data no longer hashes to its meta's data_sha256 (one price edited)
        Path edited = Layout.sliceFile(dir, slice(1));
        String text = Files.readString(edited);
        Files.writeString(edited, text.replaceFirst("\"12.50000000\"", "\"12.50000001\""));
        try (SliceDirectory d = open()) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.quarantined()).hasSize(2);
            assertThat(r.quarantined()).extracting(ReconcileReport.Quarantined::reason)
                    .anySatisfy(s -> assertThat(s).contains("named " + slice(8).id().fileName()))
                    .anySatisfy(s -> assertThat(s).contains("data_sha256"));
            assertThat(d.entry(slice(1)).orElseThrow().status()).isEqualTo(SliceStatus.MISSING);
        }
    }

    @Test
    void deletedFileIsMarkedMissingAndDue() throws IOException {
        Path dir = populated();
        Files.delete(Layout.sliceFile(dir, slice(0)));
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().markedMissing()).containsExactly(slice(0));
            SliceEntry e = d.entry(slice(0)).orElseThrow();
            assertThat(e.status()).isEqualTo(SliceStatus.MISSING);
            assertThat(e.error()).contains("disappeared");
            assertThat(d.due()).extracting(SliceEntry::key).contains(slice(0));
        }
    }

    @Test
    void changedFileIsReadAgain() throws IOException {
        Path dir = populated();
        writeBehindTheManifestsBack(dir, slice(2), 0, 9, LATER); // the sparse slice, now full on disk
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().reread()).containsExactly(slice(2));
            assertThat(d.entry(slice(2)).orElseThrow().verdict()).isEqualTo(SliceVerdict.COMPLETE);
        }
    }

    @Test
    void fileWhoseStoredStatusDisagreesWithThePolicyNeedsRefresh() throws IOException {
        Path dir = populated();
        SliceKey k = slice(5);
        var r = rows(k, 0, 4);
        long[] opens = new long[r.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = r.get(i).get(0).longValue();
        }
        // claims complete for 5 of 10 rows, written one minute after the slice ended
        Instant at = Instant.ofEpochMilli(k.endExclusiveMs() + 60_000);
        SliceFile.write(Layout.sliceFile(dir, k), SliceMeta.forWrite(k, "binance", "klines", fetch(k, at),
                SliceVerdict.COMPLETE, RowSummary.of(k, opens), at, ANCHOR), r);
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().needsRefresh()).containsExactly(k);
            assertThat(d.entry(k).orElseThrow().status()).isEqualTo(SliceStatus.NEEDS_REFRESH);
            assertThat(d.due()).extracting(SliceEntry::key).contains(k);
        }
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().changedNothing()).isTrue();
        }
    }

    @Test
    void foreignManifestIsQuarantinedAndRebuilt() throws IOException {
        Path dir = populated();
        Files.writeString(dir.resolve(Layout.MANIFEST), "{\"slices\": {}, \"summary\": {}}");
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().rebuilt()).isTrue();
            assertThat(d.lastReconcile().quarantined()).extracting(ReconcileReport.Quarantined::fileName)
                    .containsExactly("manifest.json");
            assertThat(d.manifest().fileBacked()).hasSize(4);
        }
        assertThat(names(dir.resolve(Layout.QUARANTINE))).contains("manifest.json", "manifest.json.reason");
    }

    @Test
    void offGridFilesAreAdoptedWithAWarning() throws IOException {
        Path dir = populated();
        SliceKey off = series().key(ANCHOR + 3 * 60_000L + 20 * SPAN); // shifted by 3 minutes
        writeBehindTheManifestsBack(dir, off, 0, 9, LATER);
        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().adopted()).containsExactly(off);
            assertThat(d.lastReconcile().offGrid()).containsExactly(off);
            assertThat(d.entry(off).orElseThrow().offGrid()).isTrue();
            assertThat(d.entry(slice(0)).orElseThrow().offGrid()).isFalse();
            assertThat(d.rebuild().gridAnchor()).hasValue(ANCHOR);
            assertThat(d.rebuild().entry(off).orElseThrow().offGrid()).isTrue();
        }
    }
}
