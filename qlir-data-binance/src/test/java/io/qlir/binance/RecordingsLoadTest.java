package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.binance.load.GapReport;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import io.qlir.testkit.BinanceRecordings;
import io.qlir.testkit.FakeBinance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real recorded Binance data: three overlapping 15m recordings whose last candles were still forming when they were
 * recorded, stored as slice files exactly as a fetch at that moment would have stored them; and a 30m page fetched
 * through the fake (replaying it) and loaded back.
 */
class RecordingsLoadTest {

    static final long M15 = 900_000L;

    @TempDir
    Path root;

    @Test
    void threeOverlappingRecordingsLoadAsOneTableWithTheClosedVersionsOfTheFormerlyFormingCandles() throws Exception {
        SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M15, 300);
        Path dir = series.directory(root);
        Files.createDirectories(dir.resolve(Layout.RESPONSES));
        List<ArrayNode> recordings = new ArrayList<>();
        for (String name : List.of(BinanceRecordings.SPOT_15M_A, BinanceRecordings.SPOT_15M_B,
                BinanceRecordings.SPOT_15M_C)) {
            ArrayNode rows = BinanceRecordings.rows(name);
            recordings.add(rows);
            writeAsFetched(dir, rows);
        }
        try (SliceDirectory d = SliceDirectory.open(root, series)) { // adopts the three files, builds the manifest
            assertThat(d.lastReconcile().adopted()).hasSize(3);
            assertThat(d.entries()).allSatisfy(e -> assertThat(e.verdict().toString())
                    .isEqualTo("partial/still_forming"));
        }

        // The expected table, built by hand: later recordings win, a recording's last (forming) row only counts when
        // no recording holds that candle closed.
        Map<Long, JsonNode> closed = new TreeMap<>();
        Map<Long, JsonNode> forming = new LinkedHashMap<>();
        for (ArrayNode rec : recordings) {
            for (int i = 0; i < rec.size(); i++) {
                (i < rec.size() - 1 ? closed : forming).put(rec.get(i).get(0).asLong(), rec.get(i));
            }
        }
        forming.keySet().removeAll(closed.keySet());
        assertThat(forming).containsOnlyKeys(1519397100000L); // c's last: no later recording closed it

        LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M15).limit(300).load();
        Expected.assertCandles(r.candles(), new ArrayList<>(closed.values()));
        assertThat(r.candles().rowCount()).isEqualTo(482);
        assertThat(r.rowsRead()).isEqualTo(900);
        assertThat(r.formingLeftOut()).isEqualTo(1);
        assertThat(r.replaced()).isEqualTo(900 - 482 - 1);
        assertThat(r.gaps().isComplete()).isTrue();
        // a's last candle was caught open (close 10469.94, volume 80.6); the table has its closed version from b
        int row = r.candles().longColumn(Candles.OPEN_TIME).indexOf(1519232400000L);
        assertThat(r.candles().doubleColumn(Candles.CLOSE).getDouble(row)).isEqualTo(10405.0);
        assertThat(r.candles().doubleColumn(Candles.VOLUME).getDouble(row)).isEqualTo(764.307208);
        assertThat(r.candles().longColumn(Candles.TRADES).getLong(row)).isEqualTo(5278);

        LoadResult withForming = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M15).limit(300)
                .includeForming(true).load();
        List<JsonNode> all = new ArrayList<>(closed.values());
        all.addAll(forming.values());
        Expected.assertCandles(withForming.candles(), all);
        assertThat(withForming.candles().rowCount()).isEqualTo(483);
    }

    /** Stores a recording as a fetch would have: completed 7.5 minutes into its last candle, which was forming. */
    private static void writeAsFetched(Path dir, ArrayNode rows) throws Exception {
        long first = rows.get(0).get(0).asLong();
        long last = rows.get(rows.size() - 1).get(0).asLong();
        SliceKey key = new SliceKey("BTCUSDT", Interval.M15, first, 300);
        Instant completedAt = Instant.ofEpochMilli(last + M15 / 2);
        long[] opens = new long[rows.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = rows.get(i).get(0).asLong();
        }
        RowSummary summary = RowSummary.of(key, opens);
        SliceVerdict verdict = StatusPolicy.defaults().classify(key, summary, completedAt);
        assertThat(verdict.status()).isEqualTo(SliceStatus.PARTIAL);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("interval", "15m");
        params.put("startTime", Long.toString(first));
        params.put("endTime", Long.toString(key.lastOpenMs()));
        params.put("limit", "300");
        FetchInfo fetch = new FetchInfo("https://api.binance.com/api/v3/klines?symbol=BTCUSDT&interval=15m&startTime="
                + first + "&endTime=" + key.lastOpenMs() + "&limit=300", params, 200, completedAt.minusMillis(250));
        SliceFile.write(Layout.sliceFile(dir, key), SliceMeta.forWrite(key, "binance", "klines", fetch, verdict,
                summary, completedAt, null), rows);
    }

    @Test
    void aRecorded30mPageFetchedThroughTheFakeLoadsBackExactly() throws Exception {
        ArrayNode page = BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
        long last = page.get(page.size() - 1).get(0).asLong();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(last).plus(Duration.ofDays(2)), ZoneOffset.UTC);
        try (FakeBinance fake = FakeBinance.builder().replay("BTCUSDT", Interval.M30, page.toString()).clock(clock)
                .start(); BinanceClient client = Stores.client(fake, clock).build()) {
            FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M30).withLimit(64);
            FetchSummary s = BinanceFetcher.builder(client, root).build().fetch(job);
            assertThat(s.rows()).isEqualTo(500);
            assertThat(s.complete()).isEqualTo(7); // 500 rows in slices of 64: 7 full ones
            assertThat(s.partial()).isEqualTo(1);  // 52 rows, ended hours ago: awaiting_upstream
            assertThat(s.empty()).isEqualTo(s.attempted() - 8).isPositive(); // the two days after the page
            assertThat(s.failed()).isZero();
            LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M30).limit(64).load();
            Expected.assertCandles(r.candles(), Expected.rows(page));
            assertThat(r.gaps().isComplete()).isTrue();
        }
    }

    @Test
    void aSliceFileWrittenByThePythonQlirLoadsAsIs() throws Exception {
        SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M30, 500);
        BinanceRecordings.pythonQlirSliceFile(series.directory(root).resolve(Layout.RESPONSES));
        try (SliceDirectory d = SliceDirectory.open(root, series)) { // a fetch would open it first: adopt, index
            assertThat(d.lastReconcile().adopted()).hasSize(1);
        }
        LoadResult r = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M30,
                Instant.parse("2019-04-11T00:00:00Z"), Instant.parse("2019-04-30T00:00:00Z"), 500);
        Expected.assertCandles(r.candles(), Expected.rows(BinanceRecordings.rows(BinanceRecordings.SPOT_30M)));
        // explicit bounds ask for that whole grid: what the store lacks on either side is reported
        assertThat(r.gaps().gaps()).containsExactly(
                new GapReport.Gap(Instant.parse("2019-04-11T00:00:00Z").toEpochMilli(),
                        Instant.parse("2019-04-11T13:30:00Z").toEpochMilli(), 28),
                new GapReport.Gap(Instant.parse("2019-04-22T00:00:00Z").toEpochMilli(),
                        Instant.parse("2019-04-30T00:00:00Z").toEpochMilli(), 8 * 48 + 1));
        assertThat(Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M30).limit(500).load().gaps()
                .isComplete()).isTrue();
    }

}
