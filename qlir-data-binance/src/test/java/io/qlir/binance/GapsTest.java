package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.binance.load.GapReport;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import io.qlir.testkit.FakeBinance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Gaps: two slices missing, and three candles missing inside a stored slice (an upstream gap); reindexing and the gap report. */
class GapsTest {

    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M5).withLimit(100);
    static final long M5 = 300_000L;

    @TempDir
    Path root;
    List<JsonNode> closed;
    long first;

    @BeforeEach
    void storeWithHoles() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (FakeBinance fake = Stores.market(clock).start(); BinanceClient client = Stores.client(fake, clock).build()) {
            BinanceFetcher.builder(client, root).build().fetch(JOB);
            first = fake.firstOpenTime("BTCUSDT", Interval.M5);
            List<JsonNode> all = Expected.rows(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M5, first,
                    fake.formingOpenTime(Interval.M5))));
            closed = all.subList(0, all.size() - 1);
        }
        Path dir = JOB.series().directory(root);
        Files.delete(Layout.sliceFile(dir, key(2)));
        Files.delete(Layout.sliceFile(dir, key(5)));
        removeRows(Layout.sliceFile(dir, key(3)), 10, 13);
        try (SliceDirectory d = SliceDirectory.open(root, JOB.series())) {
            assertThat(d.lastReconcile().markedMissing()).hasSize(2);
            assertThat(d.entry(key(3)).orElseThrow().verdict())
                    .isEqualTo(new SliceVerdict(io.qlir.data.slice.SliceStatus.COMPLETE, SliceReason.HISTORICAL_SPARSITY));
        }
    }

    private SliceKey key(int k) {
        return JOB.series().grid(first).slice(k);
    }

    /** Rewrites a slice file without rows {@code [from, to)}, as a fetch that met an upstream gap would have. */
    private static void removeRows(Path file, int from, int to) throws Exception {
        SliceFile f = SliceFile.read(file);
        ArrayNode rows = f.rows().deepCopy();
        for (int i = to - 1; i >= from; i--) {
            rows.remove(i);
        }
        SliceKey key = f.meta().key();
        long[] opens = new long[rows.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = rows.get(i).get(0).asLong();
        }
        RowSummary summary = RowSummary.of(key, opens);
        Instant at = f.meta().completedAt();
        SliceFile.write(file, SliceMeta.forWrite(key, "binance", "klines", f.meta().fetch(),
                StatusPolicy.defaults().classify(key, summary, at), summary, at, f.meta().gridAnchorMs()), rows);
    }

    private List<JsonNode> without(int... ranges) {
        List<JsonNode> out = new ArrayList<>(closed);
        for (int i = ranges.length - 2; i >= 0; i -= 2) {
            out.subList(ranges[i], ranges[i + 1]).clear();
        }
        return out;
    }

    @Test
    void theTableSkipsTheGapsAndTheReportNamesThem() {
        LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load();
        Expected.assertCandles(r.candles(), without(200, 300, 310, 313, 500, 600));
        GapReport g = r.gaps();
        assertThat(g.gaps()).containsExactly(
                new GapReport.Gap(first + 200 * M5, first + 299 * M5, 100),
                new GapReport.Gap(first + 310 * M5, first + 312 * M5, 3),
                new GapReport.Gap(first + 500 * M5, first + 599 * M5, 100));
        assertThat(g.expected()).isEqualTo(closed.size());
        assertThat(g.missing()).isEqualTo(203);
        assertThat(g.loaded()).isEqualTo(r.candles().rowCount());
        assertThat(g.describe()).contains("3 gaps, 203 missing").contains("2024-01-01T16:40:00Z .. 2024-01-02T00:55:00Z (100)");
        Table t = g.toTable();
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.longColumn("missing").asLongArray()).containsExactly(100, 3, 100);
    }

    @Test
    void reindexingPutsEveryOpenTimeInTheTableWithNaNRowsForTheGaps() {
        LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).reindex(true).load();
        Table t = r.candles();
        Candles.validate(t);
        assertThat(t.rowCount()).isEqualTo(closed.size());
        for (int i = 0; i < t.rowCount(); i++) {
            long open = first + i * M5;
            assertThat(t.longColumn(Candles.OPEN_TIME).getLong(i)).isEqualTo(open);
            assertThat(t.longColumn(Candles.CLOSE_TIME).getLong(i)).isEqualTo(open + M5 - 1);
            boolean gap = (i >= 200 && i < 300) || (i >= 310 && i < 313) || (i >= 500 && i < 600);
            if (gap) {
                assertThat(t.doubleColumn(Candles.CLOSE).getDouble(i)).isNaN();
                assertThat(t.doubleColumn(Candles.VOLUME).getDouble(i)).isNaN();
                assertThat(t.longColumn(Candles.TRADES).isMissing(i)).isTrue();
            } else {
                JsonNode row = closed.get(i);
                assertThat(t.doubleColumn(Candles.CLOSE).getDouble(i)).isEqualTo(Double.parseDouble(row.get(4).asText()));
                assertThat(t.longColumn(Candles.TRADES).getLong(i)).isEqualTo(row.get(8).asLong());
            }
        }
        assertThat(r.gaps().gaps()).hasSize(3);
    }

    @Test
    void boundsDecideTheGridAndNeverReachBeforeTheFirstCandle() {
        LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).reindex(true)
                .between(Instant.ofEpochMilli(first + 150 * M5), Instant.ofEpochMilli(first + 250 * M5)).load();
        assertThat(r.candles().rowCount()).isEqualTo(101);
        assertThat(r.gaps().gaps()).containsExactly(new GapReport.Gap(first + 200 * M5, first + 250 * M5, 51));

        LoadResult early = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).reindex(true)
                .between(Instant.ofEpochMilli(first - 50 * M5), Instant.ofEpochMilli(first + 9 * M5)).load();
        Expected.assertCandles(early.candles(), closed.subList(0, 10));
        assertThat(early.gaps().first()).isEqualTo(Instant.ofEpochMilli(first));

        LoadResult inside = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).reindex(true)
                .between(Instant.ofEpochMilli(first + 220 * M5), Instant.ofEpochMilli(first + 229 * M5)).load();
        assertThat(inside.candles().rowCount()).isEqualTo(10);
        assertThat(inside.candles().doubleColumn(Candles.OPEN).isMissing().size()).isEqualTo(10);
        assertThat(inside.gaps().gaps()).containsExactly(new GapReport.Gap(first + 220 * M5, first + 229 * M5, 10));
        LoadResult insideCompact = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100)
                .between(Instant.ofEpochMilli(first + 220 * M5), Instant.ofEpochMilli(first + 229 * M5)).load();
        assertThat(insideCompact.candles().rowCount()).isZero();
        assertThat(insideCompact.gaps().missing()).isEqualTo(10);
    }
}
