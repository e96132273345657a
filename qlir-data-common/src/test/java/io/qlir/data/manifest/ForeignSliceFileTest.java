package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose meta names another endpoint, venue or symbol has the very name its twin in this series would have
 * (slice ids hash only the key); reconcile quarantines it instead of adopting it (issue 13 §4 defect 3).
 */
class ForeignSliceFileTest {

    static final SliceSeries UI = new SliceSeries("binance", "uiklines", "BTCUSDT", Interval.M1, 10);

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    private Path klinesFile() throws Exception {
        try (SliceDirectory dir = SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build())) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            return Layout.sliceFile(dir.path(), slice(0));
        }
    }

    @Test
    void aKlinesFileCopiedIntoTheUiKlinesSeriesIsQuarantinedNotAdopted() throws Exception {
        Path klines = klinesFile();
        Path uiDir = UI.directory(root);
        Files.createDirectories(uiDir.resolve(Layout.RESPONSES));
        Files.copy(klines, uiDir.resolve(Layout.RESPONSES).resolve(klines.getFileName()));

        try (SliceDirectory ui = SliceDirectory.open(root, UI, StoreOptions.builder().clock(clock).build())) {
            assertThat(ui.entries()).noneMatch(e -> e.status() == SliceStatus.COMPLETE);
            assertThat(ui.lastReconcile().quarantined()).singleElement()
                    .satisfies(q -> assertThat(q.reason()).contains("endpoint 'klines'").contains("uiklines"));
        }
        assertThat(Files.exists(uiDir.resolve(Layout.RESPONSES).resolve(klines.getFileName()))).isFalse();
        assertThat(Files.list(uiDir.resolve(Layout.QUARANTINE)).count()).isEqualTo(2); // the file and its reason
    }

    @Test
    void aFileWhoseMetaSymbolWasEditedIsQuarantinedAndItsSliceBecomesMissing() throws Exception {
        Path file = klinesFile();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("(\"symbol\"\\s*:\\s*\")BTCUSDT\"", "$1ETHUSDT\"");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(file, edited, StandardCharsets.UTF_8);

        try (SliceDirectory dir = SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build())) {
            assertThat(dir.entry(slice(0)).orElseThrow().status()).isEqualTo(SliceStatus.MISSING);
            assertThat(dir.lastReconcile().quarantined()).singleElement()
                    .satisfies(q -> assertThat(q.reason()).contains("ETHUSDT"));
        }
        assertThat(Files.exists(file)).isFalse();
    }
}
