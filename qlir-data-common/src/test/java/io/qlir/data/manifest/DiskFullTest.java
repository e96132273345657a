package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.data.file.WriteFaults;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full or failing disk during a slice write, a journal append or a compaction (issue 13 §3): every file whole or
 * absent, the manifest consistent with the files, one error line naming the file, no further writes, and the next
 * open continues from what is on disk.
 */
class DiskFullTest {

    static final String ENOSPC = "No space left on device";

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws IOException {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    private static WriteFaults.Installed failing(String fileNameEnd) {
        return WriteFaults.inject(file -> file.toString().endsWith(fileNameEnd) ? new IOException(ENOSPC) : null);
    }

    @Test
    void aSliceWriteThatFailsLeavesNoFileAndStopsTheStore() throws Exception {
        Path dir;
        Path second = Layout.sliceFile(series().directory(root), slice(1));
        try (SliceDirectory d = open()) {
            d.setGridAnchor(ANCHOR);
            d.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir = d.path();
            try (WriteFaults.Installed f = failing(second.getFileName().toString())) {
                assertThatThrownBy(() -> d.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER)))
                        .isInstanceOf(IOException.class).hasMessageContaining("cannot write " + second)
                        .hasMessageContaining(ENOSPC).hasMessageNotContaining("\n");
            }
            assertThatThrownBy(() -> d.write(slice(2), rows(slice(2), 0, 9), fetch(slice(2), LATER)))
                    .as("the store stopped writing").hasMessageContaining("cannot write " + second);
        }
        assertThat(ReconcileTest.names(dir.resolve(Layout.RESPONSES))).containsExactly(slice(0).id().fileName());
        assertContinuesFromDisk(dir, List.of(0), List.of(1, 2));
    }

    @Test
    void aJournalAppendThatFailsHalfWayLeavesNoTornLineAndTheWrittenFileCounts() throws Exception {
        Path dir;
        try (SliceDirectory d = open()) {
            d.setGridAnchor(ANCHOR);
            d.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir = d.path();
            try (WriteFaults.Installed f = failing(Layout.JOURNAL)) {
                assertThatThrownBy(() -> d.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER)))
                        .hasMessageContaining("cannot write " + dir.resolve(Layout.JOURNAL))
                        .hasMessageContaining(ENOSPC);
            }
            d.abandon(); // as if the process died right after
        }
        assertThat(Files.readAllLines(dir.resolve(Layout.JOURNAL))).allSatisfy(l -> assertThat(l).endsWith("}"));
        assertThat(ManifestStore.load(dir, false).problems()).as("no torn journal line").isEmpty();
        assertContinuesFromDisk(dir, List.of(0, 1), List.of(2));
    }

    @Test
    void aCompactionThatFailsKeepsTheOldManifestAndTheJournal() throws Exception {
        Path dir;
        byte[] manifestBefore;
        try (SliceDirectory d = open()) {
            d.setGridAnchor(ANCHOR);
            dir = d.path();
            manifestBefore = Files.readAllBytes(dir.resolve(Layout.MANIFEST));
            d.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            d.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
            try (WriteFaults.Installed f = failing(Layout.MANIFEST)) {
                assertThatThrownBy(d::close).hasMessageContaining("cannot write " + dir.resolve(Layout.MANIFEST))
                        .hasMessageContaining(ENOSPC);
            }
        }
        assertThat(Files.readAllBytes(dir.resolve(Layout.MANIFEST))).isEqualTo(manifestBefore);
        assertThat(ReconcileTest.names(dir)).noneMatch(n -> n.endsWith(".tmp"));
        assertContinuesFromDisk(dir, List.of(0, 1), List.of(2));
    }

    /** Reopened with space back: the complete slices stay complete (not due), the others are due; all clean. */
    private void assertContinuesFromDisk(Path dir, List<Integer> complete, List<Integer> due) throws IOException {
        assertThat(ReconcileTest.names(dir.resolve(Layout.RESPONSES))).noneMatch(n -> n.endsWith(".tmp"));
        try (SliceDirectory d = open()) {
            d.plan(ANCHOR, ANCHOR + 3 * io.qlir.data.testing.StoreFixtures.SPAN - 1);
            for (int k : complete) {
                assertThat(d.entry(slice(k)).orElseThrow().status()).isEqualTo(SliceStatus.COMPLETE);
            }
            assertThat(d.due()).extracting(SliceEntry::key)
                    .containsExactlyElementsOf(due.stream().map(k -> slice(k)).toList());
        }
        assertThat(ManifestValidator.validate(root, series(), ValidationMode.DEEP).errors()).isEmpty();
    }
}
