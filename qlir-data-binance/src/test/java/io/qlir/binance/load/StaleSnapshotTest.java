package io.qlir.binance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader reads without a lock, so a writer may replace a file between the manifest read and the file read; the
 * reading pass notices (the file is not the one planned) and the load starts over with a fresh manifest.
 */
class StaleSnapshotTest {

    static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    static final long M1 = 60_000L;
    static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 10);

    @TempDir
    Path root;

    @Test
    void aFileReplacedAfterPlanningIsNoticedAndTheLoadStartsOver() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 12 * M1 + 30_000));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            writeTwelveCandles(dir);

            SliceReader reader = SliceReader.open(root, SERIES);
            Grid grid = new Grid(Interval.M1);
            LoadPlan plan = LoadPlan.make(StoreSource.local(root),
                    SERIES.directory(root), reader.entries(Long.MIN_VALUE, Long.MAX_VALUE),
                    reader.manifest().gridAnchor(), grid, new LoadPlan.Bounds(null, null, false, time.clock().millis()));
            assertThat(plan.present.cardinality()).isEqualTo(12);

            time.advance(Duration.ofMinutes(3)); // the writer stores a longer version of the forming slice
            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 6), fetch(T0 + 10 * M1));

            CandleArrays out = new CandleArrays(plan.present.cardinality(), false);
            SliceFiller filler = new SliceFiller(plan, out, false);
            for (LoadPlan.Source s : plan.sources) {
                filler.read(s);
            }
            assertThat(filler.consistent()).isFalse();

            LoadResult fresh = CandleLoader.of(root, SERIES).clock(time.clock()).load();
            assertThat(fresh.candles().rowCount()).isEqualTo(15); // 16 stored, the newest still forming
        }
    }

    @Test
    void aCallersReaderPlansTheFirstAttemptAndAStaleOneIsReplacedByAFreshManifest() throws Exception {
        ManualTime time = new ManualTime(Instant.ofEpochMilli(T0 + 12 * M1 + 30_000));
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES,
                StoreOptions.builder().clock(time.clock()).build())) {
            writeTwelveCandles(dir);
            SliceReader snapshot = SliceReader.open(root, SERIES);

            LoadResult same = CandleLoader.of(root, SERIES).clock(time.clock()).reader(snapshot).load();
            assertThat(same.candles().rowCount()).isEqualTo(12);
            assertThat(same.sliceChecksums()).isEqualTo(CandleLoader.of(root, SERIES).clock(time.clock()).load()
                    .sliceChecksums());

            time.advance(Duration.ofMinutes(3)); // a writer replaces the forming slice after the caller's read
            dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 6), fetch(T0 + 10 * M1));
            LoadResult fresh = CandleLoader.of(root, SERIES).clock(time.clock()).reader(snapshot).load();
            assertThat(fresh.candles().rowCount()).isEqualTo(15); // planned again from the new manifest

            SliceSeries other = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 20);
            assertThatThrownBy(() -> CandleLoader.of(root, other).reader(snapshot).load())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit=10")
                    .hasMessageContaining("limit=20");
        }
    }

    /** Two slices from T0: ten candles, then three of which the last is still forming at T0 + 12.5 minutes. */
    private static void writeTwelveCandles(SliceDirectory dir) throws java.io.IOException {
        dir.setGridAnchor(T0);
        dir.write(SERIES.key(T0), rows(T0, 10), fetch(T0));
        dir.write(SERIES.key(T0 + 10 * M1), rows(T0 + 10 * M1, 3), fetch(T0 + 10 * M1));
    }

    private static ArrayNode rows(long start, int n) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        for (int i = 0; i < n; i++) {
            long t = start + i * M1;
            ArrayNode r = a.addArray();
            r.add(t).add("1.5").add("2.0").add("1.0").add("1.75").add("10.0").add(t + M1 - 1).add("17.5").add(4)
                    .add("5.0").add("8.75").add("0");
        }
        return a;
    }

    private static FetchInfo fetch(long start) {
        return new FetchInfo("http://localhost/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m",
                "startTime", Long.toString(start), "limit", "10"), 200, null);
    }
}
