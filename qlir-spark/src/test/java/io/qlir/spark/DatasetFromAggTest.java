package io.qlir.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceFetcher;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.binance.load.CandleLoader;
import io.qlir.core.Interval;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The dataset exactly as {@code qlir agg} writes it (not a look-alike written by Spark), derived by the job and the
 * folders path (which read its month files with qlir-parquet's reader) and by the general path over
 * {@code spark.read().parquet} (Spark's own vectorized reader): the first build's BYTE_STREAM_SPLIT doubles made
 * Spark refuse every file, which only a dataset written by qlir's aggregator shows.
 */
class DatasetFromAggTest {

    private static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-15T10:20:00Z");

    private static final List<FetchJob> JOBS = List.of(
            FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1).withLimit(200),
            FetchJob.of(Endpoint.KLINES, "ETHUSDT", Interval.H1).withLimit(200));
    private static final String OPS = "sma(close,14); bollinger(close,20,2); ema(close,12)";

    @Test
    void sparkReadsWhatQlirAggWroteAndDerivesWhatQlirDerives(@TempDir Path tmp) throws Exception {
        ManualTime time = new ManualTime(NOW);
        Path root = aggregated(tmp, time);
        String ops = OPS;
        List<FetchJob> jobs = JOBS;

        DeriveJob.run(LocalSpark.session(), root.resolve("parquet/binance"), ops, tmp.resolve("out"));

        var derived = LocalSpark.session().read().parquet(tmp.resolve("out/klines").toString());
        var got = SparkResults.bySeries(derived, List.of(new String[] {"BTCUSDT", "1h"},
                new String[] {"ETHUSDT", "1h"}));
        for (FetchJob job : jobs) {
            Table candles = CandleLoader.of(root, job.series()).clock(time.clock()).dataset(false).load().candles();
            List<Row> rows = got.get(job.symbol() + "/1h");
            assertThat(rows).as("derived rows of %s", job.symbol()).hasSize(candles.rowCount());
            SparkResults.assertEqualsQlir(ops, candles, rows, job.symbol());
        }
    }

    @Test
    void sparksOwnParquetReaderReadsWhatQlirAggWroteForTheGeneralPath(@TempDir Path tmp) throws Exception {
        ManualTime time = new ManualTime(NOW);
        Path root = aggregated(tmp, time);

        Dataset<Row> candles = LocalSpark.session().read().parquet(root.resolve("parquet/binance/klines").toString())
                .drop("month");
        var got = SparkResults.bySeries(QlirSpark.derive(candles, OPS), List.of(new String[] {"BTCUSDT", "1h"},
                new String[] {"ETHUSDT", "1h"}));

        for (FetchJob job : JOBS) {
            Table expected = CandleLoader.of(root, job.series()).clock(time.clock()).dataset(false).load().candles();
            SparkResults.assertEqualsQlir(OPS, expected, got.get(job.symbol() + "/1h"), job.symbol());
        }
    }

    /**
     * Each series folder of the dataset runs whole in one partition, read in open_time order with no exchange in the
     * plan; two series never share a partition, and the values equal qlir's even for ema, which reads every earlier
     * row, with a chunk size far below a series' length (the folders path never chunks).
     */
    @Test
    void theFoldersPathReadsEachSeriesIntoOnePartitionInOrderWithNoShuffle(@TempDir Path tmp) throws Exception {
        ManualTime time = new ManualTime(NOW);
        Path root = aggregated(tmp, time);
        DerivePlan plan = QlirSpark.plan(OPS, 50);

        Dataset<Row> derived = QlirSpark.deriveDataset(LocalSpark.session(), root.resolve("parquet/binance/klines"),
                plan);

        assertThat(derived.rdd().toDebugString()).as("no shuffle in the lineage").contains("DataSourceRDD")
                .doesNotContainIgnoringCase("shuffle");
        assertThat(plan.explainFolders()).contains("one task per series, no shuffle")
                .contains("holds the whole series")
                .contains("ema(close,12): whole series, close_ema_12 reads [.. i]");
        List<List<Row>> parts = derived.javaRDD().glom().collect();
        assertThat(parts).as("one partition per series").hasSize(JOBS.size());
        for (int p = 0; p < parts.size(); p++) {
            List<Row> rows = parts.get(p);
            FetchJob job = JOBS.get(p);
            assertThat(rows).as("partition %s", p).isNotEmpty()
                    .allMatch(r -> r.getAs("symbol").equals(job.symbol()) && r.getAs("interval").equals("1h"));
            Table candles = CandleLoader.of(root, job.series()).clock(time.clock()).dataset(false).load().candles();
            SparkResults.assertEqualsQlir(OPS, candles, rows, job.symbol());
        }
    }

    /**
     * Bounded ops on the folders path stream each series through its task in chunks of 7 rows, each after a halo of
     * 29 rows (longer than a chunk, so it spans several), and still equal qlir on the whole series.
     */
    @Test
    void theFoldersPathStreamsBoundedOpsInChunksWithTheirHalo(@TempDir Path tmp) throws Exception {
        ManualTime time = new ManualTime(NOW);
        Path root = aggregated(tmp, time);
        String ops = "sma(close,14); bollinger(close,20,2); rolling_max(high,30)";
        DerivePlan plan = QlirSpark.plan(ops, 7);

        Dataset<Row> derived = QlirSpark.deriveDataset(LocalSpark.session(), root.resolve("parquet/binance/klines"),
                plan);

        assertThat(plan.explainFolders()).contains("streams the series in chunks of 7 rows, each after the 29 rows");
        List<List<Row>> parts = derived.javaRDD().glom().collect();
        assertThat(parts).hasSize(JOBS.size());
        for (int p = 0; p < parts.size(); p++) {
            FetchJob job = JOBS.get(p);
            Table candles = CandleLoader.of(root, job.series()).clock(time.clock()).dataset(false).load().candles();
            SparkResults.assertEqualsQlir(ops, candles, parts.get(p), job.symbol());
        }
    }

    /** Fetches {@link #JOBS} from a fake Binance into {@code tmp/data} and aggregates them as {@code qlir agg} does. */
    private static Path aggregated(Path tmp, ManualTime time) throws Exception {
        Path root = tmp.resolve("data");
        List<FetchJob> jobs = JOBS;
        try (FakeBinance fake = FakeBinance.builder().seed(7)
                .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(42_000))
                .symbol(FakeSymbol.trading("ETHUSDT", LISTED).withBasePrice(2_300))
                .clock(time.clock()).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                        .retryPolicy(RetryPolicy.builder().maxAttempts(10).initialDelay(Duration.ofMillis(2))
                                .maxDelay(Duration.ofMillis(20)).build())
                        .random(new Random(3)).build()) {
            for (FetchJob job : jobs) {
                BinanceFetcher.builder(client, root).build().fetch(job);
            }
        }
        for (FetchJob job : jobs) {
            assertThat(DatasetAggregator.of(root).clock(time.clock()).aggregate(job.series()).written())
                    .as("months written for %s", job).isNotEmpty();
        }
        return root;
    }
}
