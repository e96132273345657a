package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.load.CandleLoader;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The month writer writes pages itself; its files are byte for byte what parquet-java's record writer
 * ({@link RecordWriterReference}, the writer it replaced) writes with the same properties, so the dataset contract
 * did not move.
 */
class MonthWriterTest {

    @TempDir
    Path dir;

    private void assertSameBytesAsTheRecordWriter(CandleColumns cols, int from, int to) throws Exception {
        Map<String, String> meta = MonthFile.metadata("binance/klines BTCUSDT 1m 1000", true, java.util.List.of());
        Path mine = dir.resolve("mine/candles.parquet");
        Path theirs = dir.resolve("theirs/candles.parquet");
        MonthWriter.write(mine, cols, from, to, meta);
        RecordWriterReference.write(theirs, cols, from, to, meta);
        assertThat(Files.mismatch(mine, theirs)).as("first differing byte").isEqualTo(-1L);
        Table back = ParquetDataset.readMonth(mine);
        assertThat(back.rowCount()).isEqualTo(to - from);
    }

    @Test
    void realCandlesOfAMonthAreTheRecordWritersBytes() throws Exception {
        ManualTime time = new ManualTime(TestStores.NOW);
        try (FakeBinance fake = TestStores.market(time.clock())) {
            TestStores.fetch(fake, time.clock(), dir.resolve("root"));
        }
        Table t = CandleLoader.of(dir.resolve("root"), TestStores.SERIES).clock(time.clock()).dataset(false).load()
                .candles();
        CandleColumns cols = CandleColumns.of(t);
        assertSameBytesAsTheRecordWriter(cols, 0, 31 * 24);
        assertSameBytesAsTheRecordWriter(cols, 31 * 24, cols.size);
    }

    @Test
    void randomValuesWithNaNAndExtremesAreTheRecordWritersBytes() throws Exception {
        int n = 50_000;
        CandleColumns cols = new CandleColumns(n + 5);
        Random rnd = new Random(3);
        for (int c = 0; c < cols.longs.length; c++) {
            for (int i = 0; i < cols.size; i++) {
                if (cols.longs[c] != null) {
                    cols.longs[c][i] = rnd.nextLong();
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
        assertSameBytesAsTheRecordWriter(cols, 5, n + 5); // three pages of at most 20,000 rows per column
        assertSameBytesAsTheRecordWriter(cols, 1, 12);
    }
}
