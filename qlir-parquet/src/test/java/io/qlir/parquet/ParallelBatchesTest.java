package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.load.CandleLoader;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * More months than one batch (six): the batches load and write on several threads, and every month still holds
 * exactly the loader's candles for it, in order, and a rerun writes nothing.
 */
class ParallelBatchesTest {

    @TempDir
    Path root;

    @Test
    void nineMonthsInTwoBatchesHoldExactlyTheLoadersCandlesMonthByMonth() throws Exception {
        ManualTime time = new ManualTime(Instant.parse("2024-09-15T10:20:00Z"));
        TestStores.fetch(time.clock(), root);
        DatasetAggregator agg = DatasetAggregator.of(root).clock(time.clock());
        AggregationResult r = agg.aggregate(TestStores.SERIES);
        YearMonth jan = YearMonth.of(2024, 1);
        assertThat(r.written()).containsExactly(jan, jan.plusMonths(1), jan.plusMonths(2), jan.plusMonths(3),
                jan.plusMonths(4), jan.plusMonths(5), jan.plusMonths(6), jan.plusMonths(7), jan.plusMonths(8));

        Table loaded = CandleLoader.of(root, TestStores.SERIES).clock(time.clock()).dataset(false).load().candles();
        assertThat(r.rowsWritten()).isEqualTo(loaded.rowCount());
        int at = 0;
        for (YearMonth m : r.written()) {
            Table month = ParquetDataset.readMonth(ParquetLayout.monthFile(root, TestStores.SERIES, m));
            Cells.assertSame(month, loaded.inRange(at, at + month.rowCount()));
            assertThat(ParquetLayout.monthOf(month.longColumn("open_time").get(0))).isEqualTo(m);
            at += month.rowCount();
        }
        assertThat(at).isEqualTo(loaded.rowCount());
        assertThat(agg.aggregate(TestStores.SERIES).nothingNew()).isTrue();
    }
}
