package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.binance.load.CandleLoader;
import io.qlir.testkit.ManualTime;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The reader's fast paths: qlir's own files and another engine's V2 pages (DuckDB's DELTA_BINARY_PACKED longs and
 * BYTE_STREAM_SPLIT doubles) read straight from the column chunks, the BYTE_STREAM_SPLIT transpose, and a series
 * read into one table.
 */
class PageDecoderTest {

    @TempDir
    Path root;

    /** The encoding's definition, byte by byte: byte k of value j is at {@code k * n + j}. */
    private static long[] splitByDefinition(byte[] b, int n) {
        long[] out = new long[n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 8; k++) {
                out[j] |= (b[k * n + j] & 0xFFL) << (8 * k);
            }
        }
        return out;
    }

    @Test
    void byteStreamSplitDecodesEveryValueOfEveryPageLengthIncludingTheTailAfterTheLastFullBlockOfEight() {
        Random rnd = new Random(7);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 1000, 1003}) {
            byte[] b = new byte[8 * n];
            rnd.nextBytes(b);
            long[] expected = splitByDefinition(b, n);
            long[] longs = new long[n + 3];
            ByteStreamSplit.decode(ByteBuffer.wrap(b), n, longs, null, 3);
            for (int j = 0; j < n; j++) {
                assertThat(longs[3 + j]).as("n=%d value %d", n, j).isEqualTo(expected[j]);
            }
            double[] doubles = new double[n];
            ByteStreamSplit.decode(ByteBuffer.wrap(b), n, null, doubles, 0);
            for (int j = 0; j < n; j++) {
                assertThat(Double.doubleToRawLongBits(doubles[j])).as("n=%d value %d", n, j).isEqualTo(expected[j]);
            }
        }
    }

    private static boolean readsDirectly(Path file) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), MonthReader.options())) {
            return r.getRowGroups().stream().flatMap(g -> g.getColumns().stream()).allMatch(PageDecoder::handles);
        }
    }

    @Test
    void duckDbsV2PagesOfRandomValuesReadStraightFromTheChunksAsTheSameValues() throws Exception {
        int n = 45_000; // three pages of qlir's, DuckDB's own page sizes
        CandleColumns cols = new CandleColumns(n);
        Random rnd = new Random(17);
        for (int c = 0; c < cols.longs.length; c++) {
            for (int i = 0; i < n; i++) {
                if (cols.longs[c] != null) {
                    cols.longs[c][i] = 1_704_067_200_000L + 60_000L * i + (c == 0 ? 0 : rnd.nextInt(1 << 20));
                } else {
                    cols.doubles[c][i] = rnd.nextGaussian() * 1e4;
                }
            }
        }
        Path mine = root.resolve("mine/candles.parquet");
        MonthWriter.write(mine, cols, 0, n, MonthFile.metadata("s", true, java.util.List.of()));
        assertThat(readsDirectly(mine)).as("qlir's own file takes the direct path").isTrue();
        Path duck = root.resolve("duck.parquet");
        Path micros = root.resolve("duck-micros.parquet");
        java.util.Set<String> encodings = new java.util.TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // DuckDB's timestamps are microseconds: the times go as epoch milliseconds, plain BIGINT
            s.execute("COPY (SELECT epoch_ms(open_time) AS open_time, open, high, low, close, volume,"
                    + " epoch_ms(close_time) AS close_time, quote_volume, trades, taker_buy_base_volume,"
                    + " taker_buy_quote_volume FROM read_parquet('" + mine.toString().replace('\\', '/') + "')) TO '"
                    + duck.toString().replace('\\', '/') + "' (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2)");
            s.execute("COPY (SELECT * FROM read_parquet('" + mine.toString().replace('\\', '/') + "')) TO '"
                    + micros.toString().replace('\\', '/') + "' (FORMAT parquet, COMPRESSION zstd)");
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT encodings FROM parquet_metadata('"
                    + duck.toString().replace('\\', '/') + "')")) {
                while (rs.next()) {
                    encodings.add(rs.getString(1));
                }
            }
        }
        assertThat(encodings).containsExactlyInAnyOrder("DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT");
        assertThat(readsDirectly(duck)).as("DuckDB's V2 file takes the direct path").isTrue();
        assertThatThrownBy(() -> ParquetDataset.readMonth(micros)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("'open_time'").hasMessageContaining("MICROS")
                .hasMessageContaining("TIMESTAMP(MILLIS");
        Table back = ParquetDataset.readMonth(duck);
        CandleColumns got = CandleColumns.of(back);
        for (int c = 0; c < cols.longs.length; c++) {
            for (int i = 0; i < n; i++) {
                if (cols.longs[c] != null) {
                    assertThat(got.longs[c][i]).as("column %d row %d", c, i).isEqualTo(cols.longs[c][i]);
                } else {
                    assertThat(got.doubles[c][i]).as("column %d row %d", c, i).isEqualTo(cols.doubles[c][i]);
                }
            }
        }
    }

    @Test
    void aSeriesReadInOneTableEqualsTheLoadersCandlesForTheSameMonths() throws Exception {
        ManualTime time = new ManualTime(TestStores.NOW);
        TestStores.fetch(time.clock(), root);
        DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES);

        Table all = ParquetDataset.readSeries(root, TestStores.SERIES);
        Table loaded = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).dataset(false).load().candles();
        // 1h candles from 2024-01-01T00:00 up to the last closed one before 10:20 on March 15
        assertThat(all.rowCount()).isEqualTo(31 * 24 + 29 * 24 + 14 * 24 + 10);
        Cells.assertSame(all, loaded.inRange(0, all.rowCount()));
    }
}
