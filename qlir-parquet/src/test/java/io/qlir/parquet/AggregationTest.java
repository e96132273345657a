package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qlir.binance.load.CandleLoader;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.slice.SliceStatus;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The aggregator: months, sealing, idempotence, and what a refetch rewrites. */
class AggregationTest {

    static final YearMonth JAN = YearMonth.of(2024, 1);
    static final YearMonth FEB = YearMonth.of(2024, 2);
    static final YearMonth MAR = YearMonth.of(2024, 3);

    @TempDir
    Path root;
    ManualTime time;

    @BeforeEach
    void fetch() throws Exception {
        time = new ManualTime(TestStores.NOW);
        TestStores.fetch(time.clock(), root);
    }

    private DatasetAggregator agg() {
        return DatasetAggregator.of(root).clock(time.clock());
    }

    @Test
    void firstRunWritesEveryMonthWithTheLoadersRowsAndSealsOnlyFinishedMonths() throws Exception {
        AggregationResult r = agg().aggregate(TestStores.SERIES);
        assertThat(r.written()).containsExactly(JAN, FEB, MAR);
        // 1h candles from 2024-01-01T00:00 up to the last closed one before 10:20 on March 15
        long expected = 31 * 24 + 29 * 24 + 14 * 24 + 10;
        assertThat(r.rowsWritten()).isEqualTo(expected);

        Map<YearMonth, MonthFile> months = byMonth();
        assertThat(months).containsOnlyKeys(JAN, FEB, MAR);
        assertThat(months.get(JAN).rows()).isEqualTo(31 * 24);
        assertThat(months.get(FEB).rows()).isEqualTo(29 * 24);
        assertThat(months.get(MAR).rows()).isEqualTo(14 * 24 + 10);
        assertThat(months.get(JAN).sealed()).isTrue();
        assertThat(months.get(FEB).sealed()).isTrue();
        assertThat(months.get(MAR).sealed()).isFalse();
        // January's lineage: the 200-candle slices overlapping it (744 hours: slices 0..3, the 4th starts Feb 3)
        assertThat(months.get(JAN).lineage()).extracting(SliceLineage::key).containsExactly(
                "BTCUSDT:1h:1704067200000:200", "BTCUSDT:1h:1704787200000:200", "BTCUSDT:1h:1705507200000:200",
                "BTCUSDT:1h:1706227200000:200");

        Table loaded = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).dataset(false).load().candles();
        Table jan = ParquetDataset.readMonth(ParquetLayout.monthFile(root, TestStores.SERIES, JAN));
        Cells.assertSame(jan, loaded.inRange(0, 31 * 24));
    }

    @Test
    void aSecondRunWithNothingNewWritesNothingAndSaysSo() throws Exception {
        agg().aggregate(TestStores.SERIES);
        Map<Path, FileTime> before = stamps();
        AggregationResult again = agg().aggregate(TestStores.SERIES);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.describe()).contains("nothing new (3 months current)");
        assertThat(stamps()).isEqualTo(before);
    }

    @Test
    void newCandlesRewriteOnlyTheCurrentMonthAndSealedMonthsStayUntouched() throws Exception {
        agg().aggregate(TestStores.SERIES);
        Map<Path, FileTime> before = stamps();
        byte[] janBytes = Files.readAllBytes(ParquetLayout.monthFile(root, TestStores.SERIES, JAN));

        time.advance(Duration.ofHours(5));
        TestStores.fetch(time.clock(), root);
        AggregationResult r = agg().aggregate(TestStores.SERIES);
        assertThat(r.written()).containsExactly(MAR);
        assertThat(r.rowsWritten()).isEqualTo(14 * 24 + 15);
        Map<Path, FileTime> after = stamps();
        assertThat(after.get(ParquetLayout.monthFile(root, TestStores.SERIES, JAN)))
                .isEqualTo(before.get(ParquetLayout.monthFile(root, TestStores.SERIES, JAN)));
        assertThat(after.get(ParquetLayout.monthFile(root, TestStores.SERIES, FEB)))
                .isEqualTo(before.get(ParquetLayout.monthFile(root, TestStores.SERIES, FEB)));
        assertThat(Files.readAllBytes(ParquetLayout.monthFile(root, TestStores.SERIES, JAN))).isEqualTo(janBytes);
    }

    @Test
    void monthFilesOfEarlierLayoutsAreReadAndRewrittenOnceAndOnlyThey() throws Exception {
        agg().aggregate(TestStores.SERIES);
        Path jan = ParquetLayout.monthFile(root, TestStores.SERIES, JAN);
        Path feb = ParquetLayout.monthFile(root, TestStores.SERIES, FEB);
        MonthFile written = MonthFile.read(feb);
        assertThat(written.layout()).isEqualTo("delta-zstd");
        Table janRows = ParquetDataset.readMonth(jan);
        Table febRows = ParquetDataset.readMonth(feb);
        // January as the PLAIN build wrote it (every column PLAIN, parquet-java's record writer), February as the
        // first build's footer said it (no qlir.layout)
        Map<String, String> plainBuild = new java.util.LinkedHashMap<>(MonthFile.metadata(written.series(), true,
                MonthFile.read(jan).lineage()));
        plainBuild.put("qlir.layout", "plain-zstd");
        PlainLayoutWriter.write(jan, CandleColumns.of(janRows), 0, janRows.rowCount(), plainBuild);
        Map<String, String> firstBuild = new java.util.LinkedHashMap<>(
                MonthFile.metadata(written.series(), written.sealed(), written.lineage()));
        firstBuild.remove("qlir.layout");
        MonthWriter.write(feb, CandleColumns.of(febRows), 0, febRows.rowCount(), firstBuild);
        assertThat(MonthFile.read(jan).layout()).isEqualTo("plain-zstd");
        assertThat(MonthFile.read(jan).hasCurrentLayout()).isFalse();
        assertThat(MonthFile.read(feb).hasCurrentLayout()).isFalse();
        Cells.assertSame(ParquetDataset.readMonth(jan), janRows); // the reader still reads the PLAIN layout

        AggregationResult r = agg().aggregate(TestStores.SERIES);

        assertThat(r.written()).containsExactly(JAN, FEB);
        assertThat(MonthFile.read(jan).hasCurrentLayout()).isTrue();
        assertThat(MonthFile.read(feb).hasCurrentLayout()).isTrue();
        Cells.assertSame(ParquetDataset.readMonth(jan), janRows);
        assertThat(agg().aggregate(TestStores.SERIES).nothingNew()).isTrue();
    }

    @Test
    void aRefetchThatChangedDataRewritesExactlyTheMonthItFeeds() throws Exception {
        agg().aggregate(TestStores.SERIES);
        // slice 5 (2024-02-11T16:00 .. 2024-02-20T00:00) lies inside February: refetch it with one close changed
        SliceEntry feb = SliceReader.open(root, TestStores.SERIES).entries(Instant.parse("2024-02-15T00:00:00Z")
                .toEpochMilli(), Instant.parse("2024-02-15T00:00:00Z").toEpochMilli()).get(0);
        assertThat(feb.status()).isEqualTo(SliceStatus.COMPLETE);
        ArrayNode rows = (ArrayNode) SliceReader.open(root, TestStores.SERIES).read(feb).rows().deepCopy();
        String oldClose = rows.get(10).get(4).asText();
        ((ArrayNode) rows.get(10)).set(4, new TextNode(new java.math.BigDecimal(oldClose).add(java.math.BigDecimal.ONE)
                .toPlainString()));
        try (SliceDirectory d = SliceDirectory.open(root, TestStores.SERIES)) {
            d.write(feb.key(), rows, FetchInfo.UNKNOWN);
        }
        Map<Path, FileTime> before = stamps();

        AggregationResult r = agg().aggregate(TestStores.SERIES);
        assertThat(r.written()).containsExactly(FEB);
        Map<Path, FileTime> after = stamps();
        assertThat(after.get(ParquetLayout.monthFile(root, TestStores.SERIES, JAN)))
                .isEqualTo(before.get(ParquetLayout.monthFile(root, TestStores.SERIES, JAN)));
        assertThat(after.get(ParquetLayout.monthFile(root, TestStores.SERIES, MAR)))
                .isEqualTo(before.get(ParquetLayout.monthFile(root, TestStores.SERIES, MAR)));
        Table month = ParquetDataset.readMonth(ParquetLayout.monthFile(root, TestStores.SERIES, FEB));
        long open10 = rows.get(10).get(0).asLong();
        int at = month.longColumn("open_time").indexOf(open10);
        assertThat(month.doubleColumn("close").getDouble(at))
                .isEqualTo(new java.math.BigDecimal(oldClose).add(java.math.BigDecimal.ONE).doubleValue());
        assertThat(agg().aggregate(TestStores.SERIES).nothingNew()).isTrue();
    }

    @Test
    void aSeriesWithoutSlicesIsOneClearErrorAndCreatesNothing() {
        io.qlir.data.manifest.SliceSeries other = new io.qlir.data.manifest.SliceSeries("binance", "klines", "ETHUSDT",
                io.qlir.core.Interval.H1, 200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agg().aggregate(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no slice directory for binance/klines ETHUSDT 1h limit=200");
        assertThat(ParquetLayout.seriesDirectory(root, other)).doesNotExist();
    }

    private Map<YearMonth, MonthFile> byMonth() throws Exception {
        Map<YearMonth, MonthFile> out = new TreeMap<>();
        for (MonthFile m : ParquetDataset.months(root, TestStores.SERIES)) {
            out.put(m.month(), m);
        }
        return out;
    }

    private Map<Path, FileTime> stamps() throws Exception {
        Map<Path, FileTime> out = new TreeMap<>();
        try (var s = Files.walk(ParquetLayout.seriesDirectory(root, TestStores.SERIES))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".parquet")).toList()) {
                // the file's identity (inode) changes on an atomic replace even within one mtime tick
                out.put(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis()
                        ^ ((Long) Files.getAttribute(p, "unix:ino")).longValue()));
            }
        }
        return out;
    }

}
