package io.qlir.binance.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader names the slice files whose rows are in the table, with their {@code data_sha256} as read from each
 * file's meta; the expected checksums are read here straight from the files with a plain JSON parser.
 */
class SliceChecksumsTest {

    static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    static final long M1 = 60_000L;
    static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 10);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void onlyTheFilesWhoseRowsAreInTheTableAreNamedInTimeOrderWithTheirMetaChecksums() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 30 * M1 + 30_000));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            dir.setGridAnchor(T0);
            // written first, off the grid, then entirely covered by later writes of the two slices around it
            dir.write(SERIES.key(T0 + 5 * M1), rows(T0 + 5 * M1, 10, "1.25"), fetch(T0 + 5 * M1));
            time.advance(Duration.ofSeconds(1));
            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 10, "1.75"), fetch(T0 + 10 * M1));
            dir.write(SERIES.key(T0), rows(T0, 10, "1.75"), fetch(T0));
            dir.write(SERIES.key(T0 + 20 * M1), rows(T0 + 20 * M1, 10, "1.75"), fetch(T0 + 20 * M1));
            dir.write(SERIES.key(T0 + 30 * M1), rows(T0 + 30 * M1, 1, "1.75"), fetch(T0 + 30 * M1)); // forming only
        }

        LoadResult all = CandleLoader.of(root, SERIES).clock(time.clock()).load();
        assertThat(all.candles().rowCount()).isEqualTo(30);
        assertThat(all.filesRead()).isEqualTo(5);
        assertThat(all.slices()).extracting(s -> s.key().startMs()).containsExactly(T0, T0 + 10 * M1, T0 + 20 * M1);
        assertThat(all.slices()).extracting(LoadedSlice::rowsUsed).containsExactly(10, 10, 10);
        assertThat(all.sliceChecksums()).containsExactly(metaSha(T0), metaSha(T0 + 10 * M1), metaSha(T0 + 20 * M1))
                .doesNotHaveDuplicates()
                .doesNotContain(metaSha(T0 + 5 * M1), metaSha(T0 + 30 * M1));

        LoadResult middle = CandleLoader.of(root, SERIES).clock(time.clock())
                .between(Instant.ofEpochMilli(T0 + 12 * M1), Instant.ofEpochMilli(T0 + 15 * M1)).load();
        assertThat(middle.candles().rowCount()).isEqualTo(4);
        assertThat(middle.slices()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(SERIES.key(T0 + 10 * M1));
            assertThat(s.rowsUsed()).isEqualTo(4);
        });
        assertThat(middle.sliceChecksums()).containsExactly(metaSha(T0 + 10 * M1));
    }

    @Test
    void aPartlySupersededFileIsNamedWithTheRowsItStillGives() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 30 * M1));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            dir.setGridAnchor(T0);
            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 10, "1.75"), fetch(T0 + 10 * M1));
            time.advance(Duration.ofSeconds(1));
            dir.write(SERIES.key(T0 + 5 * M1), rows(T0 + 5 * M1, 10, "1.25"), fetch(T0 + 5 * M1)); // newer, off grid
        }
        LoadResult r = CandleLoader.of(root, SERIES).clock(time.clock()).load();
        assertThat(r.candles().rowCount()).isEqualTo(15);
        assertThat(r.slices()).extracting(LoadedSlice::rowsUsed).containsExactly(10, 5);
        assertThat(r.sliceChecksums()).containsExactly(metaSha(T0 + 5 * M1), metaSha(T0 + 10 * M1));
    }

    @Test
    void aFileReplacedWithOneOfTheSameSizeIsNoticedByItsChecksumAndTheNewChecksumIsReported() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 12 * M1 + 30_000));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            dir.setGridAnchor(T0);
            dir.write(SERIES.key(T0), rows(T0, 10, "1.75"), fetch(T0));
            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 3, "1.75"), fetch(T0 + 10 * M1));

            SliceReader reader = SliceReader.open(root, SERIES);
            LoadPlan plan = LoadPlan.make(StoreSource.local(root),
                    SERIES.directory(root), reader.entries(Long.MIN_VALUE, Long.MAX_VALUE),
                    reader.manifest().gridAnchor(), new Grid(Interval.M1),
                    new LoadPlan.Bounds(null, null, false, time.clock().millis()));
            long before = Files.size(file(T0 + 10 * M1));
            String oldSha = metaSha(T0 + 10 * M1);

            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 3, "1.85"), fetch(T0 + 10 * M1)); // a correction
            assertThat(Files.size(file(T0 + 10 * M1))).isEqualTo(before);
            assertThat(metaSha(T0 + 10 * M1)).isNotEqualTo(oldSha);

            SliceFiller filler = new SliceFiller(plan, new CandleArrays(plan.present.cardinality(), false), false);
            for (LoadPlan.Source s : plan.sources) {
                filler.read(s);
            }
            assertThat(filler.consistent()).isFalse();

            LoadResult fresh = CandleLoader.of(root, SERIES).clock(time.clock()).load();
            assertThat(fresh.sliceChecksums()).containsExactly(metaSha(T0), metaSha(T0 + 10 * M1));
            assertThat(fresh.candles().doubleColumn("close").get(11)).isEqualTo(1.85);
        }
    }

    @Test
    void aFileWhoseMetaHasNoChecksumIsNamedWithTheHashOfItsDataBytes() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 30 * M1));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            dir.setGridAnchor(T0);
            dir.write(SERIES.key(T0), rows(T0, 10, "1.75"), fetch(T0));
        }
        String declared = metaSha(T0);
        String text = Files.readString(file(T0));
        String stripped = text.replaceFirst("\"data_sha256\"\\s*:\\s*\"[0-9a-f]{64}\"\\s*,", "")
                .replaceFirst(",\\s*\"data_sha256\"\\s*:\\s*\"[0-9a-f]{64}\"", "");
        assertThat(stripped).doesNotContain("data_sha256").endsWith(text.substring(text.indexOf("\"data\"")));
        Files.writeString(file(T0), stripped); // as an older writer might have left it
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            assertThat(dir.entries()).hasSize(1); // reconciled: the file is adopted again, not quarantined
        }
        LoadResult r = CandleLoader.of(root, SERIES).clock(time.clock()).load();
        assertThat(r.sliceChecksums()).containsExactly(declared); // the data bytes did not change
    }

    private Path file(long start) {
        return Layout.sliceFile(SERIES.directory(root), SERIES.key(start));
    }

    /** The meta's data_sha256, read with a plain JSON parser. */
    private String metaSha(long start) throws Exception {
        return JSON.readTree(file(start).toFile()).get("meta").get("data_sha256").asText();
    }

    private static ArrayNode rows(long start, int n, String close) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            long t = start + i * M1;
            a.addArray().add(t).add("1.5").add("2.0").add("1.0").add(close).add("10.0").add(t + M1 - 1).add("17.5")
                    .add(4).add("5.0").add("8.75").add("0");
        }
        return a;
    }

    private static FetchInfo fetch(long start) {
        return new FetchInfo("http://localhost/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m",
                "startTime", Long.toString(start), "limit", "10"), 200, null);
    }
}
