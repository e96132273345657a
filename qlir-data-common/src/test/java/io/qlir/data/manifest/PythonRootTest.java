package io.qlir.data.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.file.SliceFile;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data root written by the Python qlir is read as-is: adopted, not refetched. */
class PythonRootTest {

    static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M30, 500);
    static final SliceKey KEY = SliceKey.parse("BTCUSDT:30m:1554991200000:500");

    @TempDir
    Path root;

    void placePythonFile() throws IOException {
        Path file = BinanceRecordings.pythonQlirSliceFile(SERIES.directory(root).resolve(Layout.RESPONSES));
        assertThat(file.getFileName()).hasToString(KEY.id().fileName());
    }

    @Test
    void pythonSliceFileIsAdoptedCompleteAndNotDue() throws IOException {
        placePythonFile();
        try (SliceDirectory d = SliceDirectory.open(root, SERIES)) {
            ReconcileReport r = d.lastReconcile();
            assertThat(r.adopted()).containsExactly(KEY);
            assertThat(r.needsRefresh()).isEmpty();
            assertThat(r.quarantined()).isEmpty();
            SliceEntry e = d.entry(KEY).orElseThrow();
            assertThat(e.verdict()).isEqualTo(SliceVerdict.COMPLETE);
            assertThat(e.rows().count()).isEqualTo(500);
            assertThat(e.completedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.456789Z"));
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.offGrid()).isFalse();
            assertThat(d.due()).isEmpty();
            // BTCUSDT's real first candle puts this older slice off the 500 x 30m grid: kept, flagged
            d.setGridAnchor(1502942400000L);
            assertThat(d.entry(KEY).orElseThrow().offGrid()).isTrue();
        }
        try (SliceDirectory d = SliceDirectory.open(root, SERIES)) {
            assertThat(d.lastReconcile().changedNothing()).isTrue();
            assertThat(d.entry(KEY).orElseThrow().offGrid()).isTrue();
        }
    }

    @Test
    void readerServesThePythonFileToLoaders() throws IOException {
        placePythonFile();
        assertThatThrownBy(() -> SliceReader.open(root, SERIES)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("has no qlir manifest")
                // issue 13 §4.12: the command that builds it, not the Java method (it used to say SliceDirectory.open)
                .hasMessageContaining("`qlir manifest rebuild`").hasMessageNotContaining("SliceDirectory");
        SliceDirectory.open(root, SERIES).close();
        SliceReader reader = SliceReader.open(root, SERIES);
        List<SliceEntry> entries = reader.entries(KEY.startMs(), KEY.startMs());
        assertThat(entries).extracting(SliceEntry::key).containsExactly(KEY);
        SliceFile f = reader.read(entries.get(0));
        assertThat(f.rows()).hasSize(500);
        assertThat(f.meta().verdict()).isEqualTo(SliceVerdict.COMPLETE);
        assertThat(reader.files(0, Long.MAX_VALUE).map(x -> x.meta().key()).collect(Collectors.toList()))
                .containsExactly(KEY);
        assertThat(reader.entries(0, KEY.startMs() - 1)).isEmpty();
        assertThatThrownBy(() -> SliceReader.open(root, new SliceSeries("binance", "klines", "ETHUSDT", Interval.M30,
                500))).isInstanceOf(NoSuchSeriesException.class).hasMessageContaining("ETHUSDT")
                .hasMessageContaining("does not exist").hasMessageContaining("found under");
    }
}
