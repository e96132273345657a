package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.slice.SliceStatus;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws IOException {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    @Test
    void killedWriterLosesNothingTheJournalHasAndNextOpenCompacts() throws IOException {
        SliceDirectory dir = open();
        dir.setGridAnchor(ANCHOR);
        for (int k = 0; k < 3; k++) {
            dir.write(slice(k), rows(slice(k), 0, 9), fetch(slice(k), LATER));
        }
        Manifest live = dir.manifest();
        Path path = dir.path();
        dir.abandon(); // kill -9: no compaction
        assertThat(Files.readAllLines(path.resolve(Layout.JOURNAL))).hasSize(3);
        ManifestLoad load = Manifest.load(path);
        assertThat(load.problems()).isEmpty();
        assertThat(load.journalLines()).isEqualTo(3);
        assertThat(load.manifest()).isEqualTo(live);
        try (SliceDirectory d = open()) {
            assertThat(d.manifest()).isEqualTo(live);
            assertThat(d.lastReconcile().adopted()).isEmpty();
            assertThat(Files.size(path.resolve(Layout.JOURNAL))).isZero();
        }
    }

    @Test
    void killedMidWriteAtEachStepRestartsCleanWithNothingLost() throws IOException {
        SliceDirectory dir = open();
        dir.setGridAnchor(ANCHOR);
        dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
        dir.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
        Path path = dir.path();
        dir.abandon();
        // killed while writing slice 2's temp file (never renamed)
        Files.writeString(path.resolve(Layout.RESPONSES).resolve("." + slice(2).id().fileName() + ".7f3a.tmp"),
                "{\"meta\":{\"slice_comp");
        // killed after slice 3's file was renamed into place, before its journal line
        try (SliceDirectory other = SliceDirectory.open(root.resolve("elsewhere"), series(),
                StoreOptions.builder().clock(clock).build())) {
            other.write(slice(3), rows(slice(3), 0, 9), fetch(slice(3), LATER));
            Files.copy(Layout.sliceFile(other.path(), slice(3)), Layout.sliceFile(path, slice(3)));
        }
        // killed mid-append of slice 4's journal line
        byte[] line = ManifestStore.journalLine(SliceEntry.missing(slice(4)));
        Files.write(path.resolve(Layout.JOURNAL), Arrays.copyOf(line, 17), StandardOpenOption.APPEND);

        try (SliceDirectory d = open()) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.adopted()).containsExactly(slice(3));
            assertThat(r.quarantined()).hasSize(1);
            assertThat(r.journalProblems()).extracting(ManifestLoad.Problem::kind)
                    .containsExactly(ManifestLoad.Kind.TORN_TAIL);
            assertThat(d.summary().count(SliceStatus.COMPLETE)).isEqualTo(3);
            assertThat(d.due()).isEmpty();
        }
        var report = io.qlir.data.validate.ManifestValidator.validate(root, series(),
                io.qlir.data.validate.ValidationMode.DEEP);
        assertThat(report.violations()).as(report.toTable().print()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(30);
    }

    @Test
    void tornLastLineIsIgnoredNeverFatal() throws IOException {
        Path path;
        byte[] third;
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            path = dir.path();
        }
        // two whole lines, then a crash mid-append of the third
        SliceEntry one = SliceEntry.missing(slice(1));
        SliceEntry two = SliceEntry.missing(slice(2));
        third = ManifestStore.journalLine(SliceEntry.missing(slice(3)));
        Files.write(path.resolve(Layout.JOURNAL), ManifestStore.journalLine(one), StandardOpenOption.APPEND);
        Files.write(path.resolve(Layout.JOURNAL), ManifestStore.journalLine(two), StandardOpenOption.APPEND);
        Files.write(path.resolve(Layout.JOURNAL), Arrays.copyOf(third, third.length / 2), StandardOpenOption.APPEND);

        ManifestLoad load = Manifest.load(path);
        assertThat(load.journalLines()).isEqualTo(2);
        assertThat(load.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ManifestLoad.Kind.TORN_TAIL);
            assertThat(p.where()).isEqualTo("manifest.journal line 3");
        });
        assertThat(load.manifest().entry(slice(1))).isPresent();
        assertThat(load.manifest().entry(slice(3))).isEmpty();

        try (SliceDirectory d = open()) {
            assertThat(d.lastReconcile().journalProblems()).hasSize(1);
            assertThat(d.summary().count(SliceStatus.MISSING)).isEqualTo(2);
            assertThat(d.summary().count(SliceStatus.COMPLETE)).isEqualTo(1);
            assertThat(Files.size(path.resolve(Layout.JOURNAL))).isZero(); // compacted: the torn tail is gone
            d.write(slice(4), rows(slice(4), 0, 9), fetch(slice(4), LATER));
        }
        assertThat(Manifest.load(path).problems()).isEmpty();
    }

    @Test
    void corruptLineInTheMiddleIsReportedAndSkipped() throws IOException {
        Path path;
        try (SliceDirectory dir = open()) {
            path = dir.path();
        }
        Files.write(path.resolve(Layout.JOURNAL), ManifestStore.journalLine(SliceEntry.missing(slice(1))),
                StandardOpenOption.APPEND);
        Files.write(path.resolve(Layout.JOURNAL), "{\"slice_comp_key\":\"BTCUSDT:1m:0:10\"}\n"
                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(path.resolve(Layout.JOURNAL), "not json\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Files.write(path.resolve(Layout.JOURNAL), ManifestStore.journalLine(SliceEntry.missing(slice(2))),
                StandardOpenOption.APPEND);
        ManifestLoad load = Manifest.load(path);
        assertThat(load.journalLines()).isEqualTo(2);
        assertThat(load.problems()).extracting(ManifestLoad.Problem::where)
                .containsExactly("manifest.journal line 2", "manifest.journal line 3");
        assertThat(load.problems().get(0).message()).contains("missing [slice_id");
        assertThat(load.manifest().size()).isEqualTo(2);
    }

    @Test
    void badValuesInALineAreReportedNotThrown() throws IOException {
        Path path;
        try (SliceDirectory dir = open()) {
            path = dir.path();
        }
        String good = new String(ManifestStore.journalLine(SliceEntry.missing(slice(1))), StandardCharsets.UTF_8);
        Files.writeString(path.resolve(Layout.JOURNAL), good.replace("\"completed_at\":null",
                "\"completed_at\":\"2023-02-30T00:00:00Z\"") + good.replace("\"missing\"", "\"lost\"")
                + good.replace("\"none\"", "\"because\""), StandardOpenOption.APPEND);
        ManifestLoad load = Manifest.load(path);
        assertThat(load.problems()).extracting(ManifestLoad.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("completed_at").contains("2023-02-30"))
                .anySatisfy(m -> assertThat(m).contains("unknown slice status 'lost'"))
                .anySatisfy(m -> assertThat(m).contains("unknown slice status reason 'because'"));
        assertThat(load.journalLines()).isZero();
    }

    @Test
    void entryShapeIsTheSameInManifestAndJournal() throws IOException {
        Path path;
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir.plan(ANCHOR, ANCHOR + 1);
            path = dir.path();
            String line = new String(ManifestStore.journalLine(dir.entry(slice(0)).orElseThrow()),
                    StandardCharsets.UTF_8);
            var node = ManifestStore.MAPPER.readTree(line);
            var names = new java.util.ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(names).isEqualTo(EntryCodec.FIELDS);
        }
        var manifest = ManifestStore.MAPPER.readTree(path.resolve(Layout.MANIFEST).toFile());
        for (var entry : manifest.get("slices")) {
            var names = new java.util.ArrayList<String>();
            entry.fieldNames().forEachRemaining(names::add);
            assertThat(names).isEqualTo(EntryCodec.FIELDS);
        }
        assertThat(manifest.get("summary").get("total").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(path.resolve(Layout.MANIFEST))).hasSize(1 + 1 + 1); // header, 1 entry, ]}
    }
}
