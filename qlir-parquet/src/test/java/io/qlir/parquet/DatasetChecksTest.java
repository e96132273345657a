package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.validate.Rule;
import io.qlir.data.validate.Severity;
import io.qlir.data.validate.Violation;
import io.qlir.testkit.ManualTime;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator learns the dataset: what disagrees is an ERROR, what is missing or stale a WARNING. */
class DatasetChecksTest {

    @TempDir
    Path root;
    ManualTime time;

    @BeforeEach
    void store() throws Exception {
        time = new ManualTime(TestStores.NOW);
        TestStores.fetch(time.clock(), root);
    }

    private List<Violation> check(boolean deep) {
        return DatasetChecks.check(root, TestStores.SERIES, time.clock(), deep);
    }

    private void agg() {
        DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES);
    }

    @Test
    void aStoreWithoutADatasetHasNoDatasetFindingsAndAFreshDatasetIsClean() {
        assertThat(check(true)).isEmpty();
        agg();
        assertThat(check(false)).isEmpty();
        assertThat(check(true)).isEmpty();
    }

    @Test
    void aSealedMonthWithoutItsFileIsAWarning() throws Exception {
        agg();
        Files.delete(ParquetLayout.monthFile(root, TestStores.SERIES, AggregationTest.JAN));
        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.DERIVED_DATASET);
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).isEqualTo("month 2024-01 has complete slices but no Parquet file; run qlir agg");
        });
    }

    @Test
    void aMonthWhoseSlicesWereRefetchedWithOtherDataIsStale() throws Exception {
        agg();
        refetchWithOneCloseChanged(Instant.parse("2024-02-15T00:00:00Z"));
        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).startsWith("month 2024-02 is stale");
        });
    }

    @Test
    void aMonthWhoseRowsDisagreeWithItsSlicesIsAnErrorInDeepMode() throws Exception {
        agg();
        Path feb = ParquetLayout.monthFile(root, TestStores.SERIES, AggregationTest.FEB);
        MonthFile meta = MonthFile.read(feb);
        CandleColumns cols = MonthReader.read(feb);
        cols.doubles[4][100] += 1.0; // close of row 100
        MonthWriter.write(feb, cols, 0, cols.size, MonthFile.metadata(meta.series(), meta.sealed(), meta.lineage()));
        assertThat(check(false)).isEmpty(); // metadata mode trusts the lineage
        assertThat(check(true)).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.message()).startsWith("rows of 2024-02 disagree with its slices: close of row 100 is");
        });
    }

    @Test
    void aLineageNamingSlicesTheSeriesDoesNotHaveIsAnError() throws Exception {
        agg();
        Path jan = ParquetLayout.monthFile(root, TestStores.SERIES, AggregationTest.JAN);
        MonthFile meta = MonthFile.read(jan);
        List<SliceLineage> lineage = new ArrayList<>(meta.lineage());
        lineage.set(0, new SliceLineage(lineage.get(0).sliceId(), lineage.get(0).key(), "0".repeat(64)));
        lineage.add(new SliceLineage("00", "BTCUSDT:1h:1700000000000:200", ""));
        CandleColumns cols = MonthReader.read(jan);
        MonthWriter.write(jan, cols, 0, cols.size, MonthFile.metadata(meta.series(), true, lineage));
        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.message()).isEqualTo("lineage of 2024-01 disagrees with the slices: slice id 00 is not the"
                    + " id of BTCUSDT:1h:1700000000000:200");
        });
    }

    private void refetchWithOneCloseChanged(Instant inside) throws Exception {
        SliceReader reader = SliceReader.open(root, TestStores.SERIES);
        SliceEntry e = reader.entries(inside.toEpochMilli(), inside.toEpochMilli()).get(0);
        ArrayNode rows = reader.read(e).rows().deepCopy();
        String close = rows.get(10).get(4).asText();
        ((ArrayNode) rows.get(10)).set(4, new TextNode(new BigDecimal(close).add(BigDecimal.ONE).toPlainString()));
        try (SliceDirectory d = SliceDirectory.open(root, TestStores.SERIES)) {
            d.write(e.key(), rows, FetchInfo.UNKNOWN);
        }
    }
}
