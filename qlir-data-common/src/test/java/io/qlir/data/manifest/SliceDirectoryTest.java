package io.qlir.data.manifest;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.data.file.SliceFile;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceDirectoryTest {

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws IOException {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    @Test
    void openCreatesTheLayout() throws IOException {
        try (SliceDirectory dir = open()) {
            Path d = root.resolve("binance/klines/raw/BTCUSDT/1m/limit=10");
            assertThat(dir.path()).isEqualTo(d);
            assertThat(d.resolve("responses")).isDirectory();
            assertThat(d.resolve("manifest.json")).isRegularFile();
            assertThat(d.resolve(".lock")).isRegularFile();
            assertThat(Files.readString(d.resolve(".lock"))).contains("pid=" + ProcessHandle.current().pid());
            assertThat(dir.summary().total()).isZero();
            assertThat(dir.lastReconcile().rebuilt()).isTrue();
        }
    }

    @Test
    void writesClassifyAndLandInFilesAndManifest() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            SliceEntry full = dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            SliceEntry sparse = dir.write(slice(1), rows(slice(1), 0, 6), fetch(slice(1), LATER));
            SliceEntry empty = dir.write(slice(2), rowsAt(), fetch(slice(2), LATER));
            assertThat(full.verdict()).isEqualTo(SliceVerdict.COMPLETE);
            assertThat(sparse.verdict()).isEqualTo(new SliceVerdict(SliceStatus.COMPLETE, SliceReason.HISTORICAL_SPARSITY));
            assertThat(empty.verdict()).isEqualTo(new SliceVerdict(SliceStatus.EMPTY, SliceReason.NO_DATA));
            SliceFile f = SliceFile.read(Layout.sliceFile(dir.path(), slice(0)));
            assertThat(f.rows()).isEqualTo(rows(slice(0), 0, 9));
            assertThat(f.meta().completedAt()).isEqualTo(LATER);
            assertThat(f.meta().gridAnchorMs()).isEqualTo(ANCHOR);
            assertThat(f.meta().endpoint()).isEqualTo("klines");
            assertThat(f.meta().fetch().params()).containsEntry("startTime", Long.toString(slice(0).startMs()));
            assertThat(full.file().dataSha256()).isEqualTo(f.meta().dataSha256());
            ManifestSummary s = dir.summary();
            assertThat(s.total()).isEqualTo(3);
            assertThat(s.count(SliceStatus.COMPLETE)).isEqualTo(2);
            assertThat(s.describe()).isEqualTo("3 slices (2 complete: 1 historical_sparsity, 1 empty: no_data)");
        }
    }

    @Test
    void stillFormingSliceIsPartialAndDueAfterTheRecheckDelay() throws IOException {
        SliceKey current = slice(5);
        clock.set(Instant.ofEpochMilli(current.startMs() + 3 * M + 20_000)); // candle 3 is forming
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            SliceEntry e = dir.write(current, rows(current, 0, 3), fetch(current, clock.instant()));
            assertThat(e.verdict()).isEqualTo(new SliceVerdict(SliceStatus.PARTIAL, SliceReason.STILL_FORMING));
            assertThat(dir.due()).isEmpty();
            assertThat(dir.nextDue()).contains(clock.instant().plus(Duration.ofMinutes(1)));
            clock.advance(Duration.ofMinutes(1));
            assertThat(dir.due()).extracting(SliceEntry::key).containsExactly(current);
        }
    }

    @Test
    void planAddsMissingSlicesUpToNowAndDueListsThem() throws IOException {
        clock.set(Instant.ofEpochMilli(ANCHOR + 3 * SPAN + 5 * M)); // inside slice 3
        try (SliceDirectory dir = open()) {
            assertThatThrownBy(() -> dir.plan(ANCHOR, ANCHOR + SPAN)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setGridAnchor");
            dir.setGridAnchor(ANCHOR);
            List<SliceKey> planned = dir.plan(0, ANCHOR + 100 * SPAN);
            assertThat(planned).containsExactly(slice(0), slice(1), slice(2), slice(3));
            assertThat(dir.summary().count(SliceStatus.MISSING)).isEqualTo(4);
            dir.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), clock.instant()));
            dir.recordFailure(slice(2), SliceReason.HTTP_ERROR, "HTTP 503", fetch(slice(2), clock.instant()));
            assertThat(dir.due()).extracting(SliceEntry::key).containsExactly(slice(0), slice(2), slice(3));
            assertThat(dir.due(slice(2).startMs(), slice(2).endMs())).extracting(SliceEntry::key)
                    .containsExactly(slice(2));
            assertThat(dir.entry(slice(2)).orElseThrow().error()).isEqualTo("HTTP 503");
            assertThat(dir.plan(ANCHOR + 50 * SPAN, ANCHOR + 60 * SPAN)).isEmpty(); // all in the future
        }
    }

    @Test
    void rowsThatDoNotFitAreAFailureAndNothingIsWritten() throws IOException {
        try (SliceDirectory dir = open()) {
            SliceEntry e = dir.write(slice(0), rows(slice(1), 0, 9), fetch(slice(0), LATER));
            assertThat(e.verdict()).isEqualTo(SliceVerdict.failed(SliceReason.INVALID_RESPONSE));
            assertThat(e.hasFile()).isFalse();
            assertThat(Layout.sliceFile(dir.path(), slice(0))).doesNotExist();
            com.fasterxml.jackson.databind.node.ArrayNode noOpenTime = rows(slice(0), 0, 9);
            ((com.fasterxml.jackson.databind.node.ArrayNode) noOpenTime.get(3)).set(0,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf("x"));
            assertThat(dir.write(slice(0), noOpenTime, fetch(slice(0), LATER)).error()).contains("row 3");
            assertThatThrownBy(() -> dir.write(new SliceKey("ETHUSDT", slice(0).interval(), ANCHOR, 10),
                    rows(slice(0), 0, 9), fetch(slice(0), LATER))).hasMessageContaining("is not of");
        }
    }

    @Test
    void aShorterAnswerNeverReplacesAFile() throws IOException {
        try (SliceDirectory dir = open()) {
            SliceEntry full = dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            SliceEntry after = dir.write(slice(0), rows(slice(0), 0, 4), fetch(slice(0), LATER));
            assertThat(after).isEqualTo(full);
            assertThat(SliceFile.read(Layout.sliceFile(dir.path(), slice(0))).rows()).hasSize(10);
        }
    }

    @Test
    void failureKeepsTheFileOnDiskAndInTheEntry() throws IOException {
        SliceKey k = slice(0);
        clock.set(Instant.ofEpochMilli(k.endExclusiveMs() + 5 * M));
        try (SliceDirectory dir = open()) {
            SliceEntry partial = dir.write(k, rows(k, 0, 7), fetch(k, clock.instant()));
            assertThat(partial.reason()).isEqualTo(SliceReason.AWAITING_UPSTREAM);
            SliceEntry failed = dir.recordFailure(k, SliceReason.NETWORK_UNAVAILABLE, "connection reset",
                    fetch(k, clock.instant()));
            assertThat(failed.status()).isEqualTo(SliceStatus.FAILED);
            assertThat(failed.file()).isEqualTo(partial.file());
            assertThat(Layout.sliceFile(dir.path(), k)).exists();
            assertThatThrownBy(() -> dir.recordFailure(k, SliceReason.NO_DATA, "x", fetch(k, LATER)))
                    .hasMessageContaining("not a failure reason");
        }
    }

    @Test
    void gridAnchorIsStoredOnceAndNeverMoves() throws IOException {
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.setGridAnchor(ANCHOR);
            assertThatThrownBy(() -> dir.setGridAnchor(ANCHOR + SPAN)).hasMessageContaining("already " + ANCHOR);
        }
        try (SliceDirectory dir = open()) {
            assertThat(dir.gridAnchor()).hasValue(ANCHOR);
            assertThat(dir.grid().containing(ANCHOR + SPAN)).isEqualTo(slice(1));
        }
        assertThatThrownBy(() -> {
            try (SliceDirectory d = SliceDirectory.open(root.resolve("x"), series())) {
                d.setGridAnchor(ANCHOR + 1);
            }
        }).hasMessageContaining("bad grid anchor");
    }

    @Test
    void summaryCountsAlwaysSumToTheTotal() {
        assertThatThrownBy(() -> new ManifestSummary(3, Map.of(SliceStatus.COMPLETE, 2),
                Map.of(SliceVerdict.COMPLETE, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sum to 2, not the total 3");
        assertThatThrownBy(() -> new ManifestSummary(2, Map.of(SliceStatus.COMPLETE, 2),
                Map.of(SliceVerdict.COMPLETE, 1))).hasMessageContaining("reasons sum to 1");
        ManifestSummary s = ManifestSummary.of(List.of(SliceEntry.missing(slice(0)), SliceEntry.missing(slice(1))));
        assertThat(s.byStatus()).hasSize(SliceStatus.values().length);
        assertThat(s.byStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.total());
        assertThat(s.describe()).isEqualTo("2 slices (2 missing)");
    }

    @Test
    void journalGrowsOneLinePerUpdateAndCompactsAtTheThreshold() throws IOException {
        Path journal;
        try (SliceDirectory dir = SliceDirectory.open(root, series(),
                StoreOptions.builder().clock(clock).compactAfterLines(5).build())) {
            journal = dir.path().resolve(Layout.JOURNAL);
            for (int k = 0; k < 4; k++) {
                dir.write(slice(k), rows(slice(k), 0, 9), fetch(slice(k), LATER));
                assertThat(Files.readAllLines(journal)).hasSize(k + 1);
            }
            dir.write(slice(4), rows(slice(4), 0, 9), fetch(slice(4), LATER));
            assertThat(Files.size(journal)).isZero(); // 5 lines >= max(5, 5 entries): compacted
            assertThat(Manifest.load(dir.path()).manifest().size()).isEqualTo(5);
        }
        assertThat(Files.size(journal)).isZero();
    }

    @Test
    void concurrentWritersShareTheJournal() throws Exception {
        try (SliceDirectory dir = open()) {
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 10;
                threads.add(new Thread(() -> {
                    for (int k = base; k < base + 10; k++) {
                        try {
                            dir.write(slice(k), rows(slice(k), 0, 9), fetch(slice(k), LATER));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(dir.summary().count(SliceStatus.COMPLETE)).isEqualTo(40);
            ManifestLoad load = Manifest.load(dir.path());
            assertThat(load.problems()).isEmpty();
            assertThat(load.manifest().entries().stream().map(SliceEntry::key).collect(Collectors.toSet()))
                    .hasSize(40);
        }
    }

    @Test
    void closedDirectoryRefusesWork() throws IOException {
        SliceDirectory dir = open();
        dir.close();
        dir.close();
        assertThatThrownBy(() -> dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER)))
                .hasMessageContaining("is closed");
    }
}
