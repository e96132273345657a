package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.load.CandleLoader;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.ManualTime;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The reader's fast paths: the BYTE_STREAM_SPLIT transpose, and a series read into one table. */
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

    @Test
    void aSeriesReadInOneTableEqualsTheLoadersCandlesForTheSameMonths() throws Exception {
        ManualTime time = new ManualTime(TestStores.NOW);
        try (FakeBinance fake = TestStores.market(time.clock())) {
            TestStores.fetch(fake, time.clock(), root);
        }
        DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES);

        Table all = ParquetDataset.readSeries(root, TestStores.SERIES);
        Table loaded = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).dataset(false).load().candles();
        // 1h candles from 2024-01-01T00:00 up to the last closed one before 10:20 on March 15
        assertThat(all.rowCount()).isEqualTo(31 * 24 + 29 * 24 + 14 * 24 + 10);
        Cells.assertSame(all, loaded.inRange(0, all.rowCount()));
    }
}
