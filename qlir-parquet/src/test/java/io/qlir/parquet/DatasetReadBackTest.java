package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Candles;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Another engine reads the dataset: DuckDB over {@code <root>/parquet/**}{@code /*.parquet} with Hive partitioning
 * sees the partition columns, the column types of the contract, ZSTD, statistics, the key-value metadata, and the
 * same candles as the JSON loader, cell for cell; and the loader itself answers the same with and without the
 * dataset.
 */
class DatasetReadBackTest {

    @TempDir
    static Path root;
    static ManualTime time = new ManualTime(TestStores.NOW);
    static Table fromJson;

    @BeforeAll
    static void store() throws Exception {
        TestStores.fetch(time.clock(), root);
        DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES);
        fromJson = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).dataset(false).load().candles();
    }

    private static Connection duck() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    private static String glob() {
        return root.resolve("parquet").toString().replace('\\', '/') + "/**/*.parquet";
    }

    @Test
    void duckDbSeesThePartitionColumnsAndTheContractsTypes() throws Exception {
        try (Connection c = duck(); Statement s = c.createStatement()) {
            Map<String, String> types = new HashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob()
                    + "', hive_partitioning=true)")) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            assertThat(types).containsEntry("open_time", "TIMESTAMP WITH TIME ZONE")
                    .containsEntry("close_time", "TIMESTAMP WITH TIME ZONE")
                    .containsEntry("open", "DOUBLE").containsEntry("taker_buy_quote_volume", "DOUBLE")
                    .containsEntry("trades", "BIGINT")
                    .containsKeys("symbol", "interval", "month");
            try (ResultSet rs = s.executeQuery("SELECT symbol, interval, month, count(*) FROM read_parquet('"
                    + glob() + "', hive_partitioning=true) GROUP BY ALL ORDER BY month")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                            .append(' ').append(rs.getLong(4)).append('\n');
                }
                assertThat(sb.toString()).isEqualTo("BTCUSDT 1h 2024-01 744\nBTCUSDT 1h 2024-02 696\n"
                        + "BTCUSDT 1h 2024-03 346\n");
            }
        }
    }

    @Test
    void duckDbReadsTheSameCandlesCellForCell() throws Exception {
        try (Connection c = duck(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT epoch_ms(open_time), open, high, low, close, volume, "
                     + "epoch_ms(close_time), quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume "
                     + "FROM read_parquet('" + glob() + "', hive_partitioning=true) ORDER BY open_time")) {
            int i = 0;
            while (rs.next()) {
                for (int col = 0; col < Candles.COLUMNS.size(); col++) {
                    String name = Candles.COLUMNS.get(col);
                    Object expected = fromJson.column(name).get(i);
                    Object actual = Candles.LONG_COLUMNS.contains(name) ? (Object) rs.getLong(col + 1)
                            : (Object) rs.getDouble(col + 1);
                    assertThat(actual).as("%s row %d", name, i).isEqualTo(expected);
                }
                i++;
            }
            assertThat(i).isEqualTo(fromJson.rowCount());
        }
    }

    @Test
    void filesAreZstdWithStatisticsAndCarryVersionAndLineage() throws Exception {
        Path jan = ParquetLayout.monthFile(root, TestStores.SERIES, AggregationTest.JAN);
        assertThat(jan.toString().replace('\\', '/')).endsWith(
                "parquet/binance/klines/symbol=BTCUSDT/interval=1h/month=2024-01/candles.parquet");
        String f = jan.toString().replace('\\', '/');
        try (Connection c = duck(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT compression, stats_min IS NOT NULL "
                    + "FROM parquet_metadata('" + f + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ZSTD");
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + f
                    + "') ORDER BY 1")) {
                Map<String, String> kv = new HashMap<>();
                while (rs.next()) {
                    kv.put(rs.getString(1), rs.getString(2));
                }
                assertThat(kv).containsKeys("qlir.version", "qlir.lineage", "qlir.sealed", "qlir.series");
                assertThat(kv.get("qlir.sealed")).isEqualTo("true");
                assertThat(kv.get("qlir.lineage")).contains("\"key\":\"BTCUSDT:1h:1704067200000:200\"")
                        .contains("\"data_sha256\":\"");
            }
            try (ResultSet rs = s.executeQuery("SELECT min(open_time), max(open_time) FROM read_parquet('" + f
                    + "')")) {
                rs.next();
                assertThat(rs.getObject(1, OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
            }
        }
    }

    @Test
    void aFileAnotherEngineWroteWithOtherEncodingsReadsTheSame() throws Exception {
        // DuckDB's Parquet V2 encodings (dictionaries, delta-encoded integers): a file with a dictionary takes
        // Parquet's column reader (PageDecoderTest has DuckDB V2 files without one, which qlir decodes itself)
        Path jan = ParquetLayout.monthFile(root, TestStores.SERIES, AggregationTest.JAN);
        Path copy = root.resolve("duck-copy.parquet");
        try (Connection c = duck(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT epoch_ms(open_time) AS open_time, open, high, low, close, volume,"
                    + " epoch_ms(close_time) AS close_time, quote_volume, trades, taker_buy_base_volume,"
                    + " taker_buy_quote_volume FROM read_parquet('" + jan.toString().replace('\\', '/') + "'))"
                    + " TO '" + copy.toString().replace('\\', '/') + "' (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2)");
            java.util.Set<String> encodings = new java.util.TreeSet<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT encodings FROM parquet_metadata('"
                    + copy.toString().replace('\\', '/') + "')")) {
                while (rs.next()) {
                    encodings.add(rs.getString(1));
                }
            }
            assertThat(encodings).as("encodings other than qlir's PLAIN")
                    .anyMatch(e -> e.contains("DICTIONARY") || e.contains("DELTA"));
        }
        Cells.assertSame(ParquetDataset.readMonth(copy), ParquetDataset.readMonth(jan));
        Cells.assertSame(ParquetDataset.readMonth(jan), fromJson.inRange(0, 744));
    }

    @Test
    void theLoaderAnswersTheSameWithAndWithoutTheDataset() {
        String[][] ranges = {{null, null}, {"2024-01-20T05:00:00Z", "2024-03-02T07:00:00Z"},
            {"2024-02-01T00:00:00Z", "2024-02-29T23:00:00Z"}, {"2023-12-01T00:00:00Z", "2024-03-20T00:00:00Z"}};
        for (String[] r : ranges) {
            for (boolean reindex : new boolean[] {false, true}) {
                CandleLoader l = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).reindex(reindex);
                if (r[0] != null) {
                    l = l.between(Instant.parse(r[0]), Instant.parse(r[1]));
                }
                LoadResult with = l.load();
                LoadResult without = l.dataset(false).load();
                Cells.assertSame(with.candles(), without.candles());
                assertThat(with.gaps()).isEqualTo(without.gaps());
                assertThat(with.slices()).isEqualTo(without.slices());
                assertThat(with.describe()).isEqualTo(without.describe());
            }
        }
    }

    @Test
    void sealedMonthsReallyComeFromTheDataset() throws Exception {
        // A slice file inside January made unreadable (same size): the JSON path must fail on it, the fast path
        // never opens it. Restored afterwards so the other tests see the store intact.
        Path dir = TestStores.SERIES.directory(root).resolve("responses");
        var e = io.qlir.data.manifest.SliceReader.open(root, TestStores.SERIES).entries(
                Instant.parse("2024-01-12T00:00:00Z").toEpochMilli(), Instant.parse("2024-01-12T00:00:00Z")
                        .toEpochMilli()).get(0);
        Path file = io.qlir.data.manifest.Layout.sliceFile(TestStores.SERIES.directory(root), e.key());
        assertThat(file).startsWith(dir);
        byte[] original = Files.readAllBytes(file);
        try {
            Files.write(file, new byte[original.length]);
            CandleLoader l = CandleLoader.of(root, TestStores.SERIES).clock(time.clock())
                    .between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:00:00Z"));
            Cells.assertSame(l.load().candles(), fromJson.inRange(0, 744 + 696));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.dataset(false).load())
                    .isInstanceOf(RuntimeException.class);
        } finally {
            Files.write(file, original);
        }
    }
}
