package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.load.CandleLoader;
import io.qlir.core.Candles;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The month writer's files hold exactly the rows given, as two other readers see them: parquet-java's own column
 * readers (its DELTA_BINARY_PACKED and PLAIN decoders, value by value) and DuckDB; each INT64 column is
 * DELTA_BINARY_PACKED and each DOUBLE column PLAIN (the {@code delta-zstd} layout); qlir's reader gives the same
 * values; and the same rows give the same bytes.
 */
class MonthWriterTest {

    @TempDir
    Path dir;

    private void assertWrittenExactly(CandleColumns cols, int from, int to, String name) throws Exception {
        Map<String, String> meta = MonthFile.metadata("binance/klines BTCUSDT 1m 1000", true, java.util.List.of());
        Path file = dir.resolve(name + "/candles.parquet");
        MonthWriter.write(file, cols, from, to, meta);
        assertParquetJavaReads(file, cols, from, to);
        assertDuckDbReads(file, cols, from, to);
        Table back = ParquetDataset.readMonth(file);
        assertThat(back.rowCount()).isEqualTo(to - from);
        CandleColumns mine = CandleColumns.of(back);
        for (int c = 0; c < Candles.COLUMNS.size(); c++) {
            for (int i = 0; i < to - from; i++) {
                assertThat(bits(mine, c, i)).as("qlir reader: %s row %d", Candles.COLUMNS.get(c), i)
                        .isEqualTo(bits(cols, c, from + i));
            }
        }
        Path again = dir.resolve(name + "-again/candles.parquet");
        MonthWriter.write(again, cols, from, to, meta);
        assertThat(Files.mismatch(file, again)).as("first differing byte of two writes").isEqualTo(-1L);
    }

    private static long bits(CandleColumns cols, int c, int i) {
        return cols.longs[c] != null ? cols.longs[c][i] : Double.doubleToRawLongBits(cols.doubles[c][i]);
    }

    private static void assertParquetJavaReads(Path file, CandleColumns cols, int from, int to) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), MonthReader.options())) {
            var schema = r.getFooter().getFileMetaData().getSchema();
            for (BlockMetaData g : r.getRowGroups()) {
                for (ColumnChunkMetaData m : g.getColumns()) {
                    boolean isLong = m.getPrimitiveType().getPrimitiveTypeName().name().equals("INT64");
                    Set<Encoding> values = new TreeSet<>(m.getEncodings());
                    values.remove(Encoding.BIT_PACKED); // the (empty) levels
                    assertThat(values).as("value encodings of %s", m.getPath())
                            .containsExactly(isLong ? Encoding.DELTA_BINARY_PACKED : Encoding.PLAIN);
                }
            }
            int at = from;
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                int n = (int) pages.getRowCount();
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, MonthReader.NO_RECORDS, schema,
                        r.getFooter().getFileMetaData().getCreatedBy());
                for (int c = 0; c < Candles.COLUMNS.size(); c++) {
                    ColumnDescriptor d = schema.getColumnDescription(new String[] {Candles.COLUMNS.get(c)});
                    ColumnReader cr = store.getColumnReader(d);
                    for (int i = at; i < at + n; i++) {
                        long got = cols.longs[c] != null ? cr.getLong() : Double.doubleToRawLongBits(cr.getDouble());
                        assertThat(got).as("parquet-java: %s row %d", Candles.COLUMNS.get(c), i - from)
                                .isEqualTo(bits(cols, c, i));
                        cr.consume();
                    }
                }
                at += n;
            }
            assertThat(at).isEqualTo(to);
        }
    }

    private static void assertDuckDbReads(Path file, CandleColumns cols, int from, int to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT epoch_ms(open_time), open, high, low, close, volume, "
                     + "epoch_ms(close_time), quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume "
                     + "FROM read_parquet('" + file.toString().replace('\\', '/') + "')")) {
            int i = from;
            while (rs.next()) {
                for (int col = 0; col < Candles.COLUMNS.size(); col++) {
                    long got = cols.longs[col] != null ? rs.getLong(col + 1)
                            : Double.doubleToRawLongBits(rs.getDouble(col + 1));
                    long want = bits(cols, col, i);
                    if (cols.doubles[col] != null && Double.isNaN(cols.doubles[col][i])) {
                        assertThat(Double.isNaN(rs.getDouble(col + 1))).as("DuckDB: NaN row %d", i - from).isTrue();
                    } else {
                        assertThat(got).as("DuckDB: %s row %d", Candles.COLUMNS.get(col), i - from).isEqualTo(want);
                    }
                }
                i++;
            }
            assertThat(i).isEqualTo(to);
        }
    }

    @Test
    void realCandlesOfAMonthAreWrittenExactly() throws Exception {
        ManualTime time = new ManualTime(TestStores.NOW);
        TestStores.fetch(time.clock(), dir.resolve("root"));
        Table t = CandleLoader.of(dir.resolve("root"), TestStores.SERIES).clock(time.clock()).dataset(false).load()
                .candles();
        CandleColumns cols = CandleColumns.of(t);
        assertWrittenExactly(cols, 0, 31 * 24, "jan");
        assertWrittenExactly(cols, 31 * 24, cols.size, "rest");
    }

    @Test
    void randomValuesWithNaNAndExtremesAreWrittenExactly() throws Exception {
        int n = 50_000;
        CandleColumns cols = new CandleColumns(n + 5);
        Random rnd = new Random(3);
        for (int c = 0; c < cols.longs.length; c++) {
            for (int i = 0; i < cols.size; i++) {
                if (cols.longs[c] != null) {
                    // open times in steps, close times jumping (about 30-bit deltas), trades any long (64-bit
                    // deltas; DuckDB refuses timestamps near the long range's ends, so only trades go there)
                    long random = rnd.nextLong();
                    cols.longs[c][i] = Candles.COLUMNS.get(c).equals(Candles.OPEN_TIME) ? 1_704_067_200_000L + 60_000L * i
                            : Candles.COLUMNS.get(c).equals(Candles.CLOSE_TIME) ? 1_704_067_200_000L + (random >>> 34)
                            : i % 89 == 1 ? Long.MIN_VALUE : i % 89 == 2 ? Long.MAX_VALUE : random;
                } else {
                    cols.doubles[c][i] = switch (i % 97) {
                        case 3 -> Double.NaN;
                        case 5 -> -0.0;
                        case 7 -> Double.MAX_VALUE;
                        default -> rnd.nextGaussian() * 1e4;
                    };
                }
            }
        }
        assertWrittenExactly(cols, 5, n + 5, "random"); // three pages of at most 20,000 rows per column
        assertWrittenExactly(cols, 1, 12, "short");
    }
}
