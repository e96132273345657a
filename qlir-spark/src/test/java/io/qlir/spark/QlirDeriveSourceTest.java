package io.qlir.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The columnar source ({@code format("qlir-derive")}, behind {@link QlirSpark#deriveDataset}) against qlir on one
 * machine: the expected values are {@code Pipeline.apply} on the same candle tables, before Spark sees them. The
 * dataset is written by Spark across three tasks, so a month holds several files whose rows interleave: the source
 * must put each month in order, and string months of a series together, without mixing series.
 */
class QlirDeriveSourceTest {

    /** Real Binance candles, 500 × 30m inside April 2019: one month. */
    private static final Table BTC = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
    /** 2,300 hourly candles from 2024-01-01: four months, so chunks and halos cross month files. */
    private static final Table SYN = SyntheticMarket.of(11, "SYNUSDT", 250)
            .candles(Interval.H1, 1_704_067_200_000L, 2_300);
    private static final List<String[]> KEYS = List.of(new String[] {"BTCUSDT", "30m"},
            new String[] {"SYNUSDT", "1h"});

    @Test
    void opsThatReadEveryEarlierRowRunPerSeriesAndEqualQlirOnePartitionPerSeries(@TempDir Path tmp)
            throws IOException {
        Path klines = writeDataset(tmp);
        String ops = "sma(close,14); ema(close,12); rsi(close,14)";

        Dataset<Row> derived = LocalSpark.session().read().format("qlir-derive").option("ops", ops)
                .option("chunkRows", "40").load(klines.toString());

        List<String> names = new ArrayList<>(List.of("symbol", "interval"));
        names.addAll(Candles.COLUMNS);
        names.addAll(QlirSpark.plan(ops, 40).outputNames());
        assertThat(derived.schema().fieldNames()).containsExactlyElementsOf(names);
        List<List<Row>> parts = derived.javaRDD().glom().collect();
        assertThat(parts).as("one partition per series folder, in folder order").hasSize(2);
        assertOnlyItsSeries(parts.get(0), "BTCUSDT", "30m");
        assertOnlyItsSeries(parts.get(1), "SYNUSDT", "1h");
        SparkResults.assertEqualsQlir(ops, BTC, parts.get(0), "BTCUSDT");
        SparkResults.assertEqualsQlir(ops, SYN, parts.get(1), "SYNUSDT");
        assertThat(parts.get(1).get(0).<Double>getAs("close_rsi_14")).as("RSI's warm-up is NaN, as in qlir").isNaN();
    }

    @Test
    void boundedOpsStreamInChunksAcrossMonthFilesWithTheirHalo(@TempDir Path tmp) throws IOException {
        Path klines = writeDataset(tmp);
        String ops = "sma(close,120); bollinger(close,20,2); rolling_max(high,30)";
        DerivePlan plan = QlirSpark.plan(ops, 50);
        assertThat(plan.chunked()).isTrue();
        assertThat(plan.halo()).as("sma(close,120) reads [i-119 .. i]: more than a chunk").isEqualTo(119);

        Dataset<Row> derived = QlirSpark.deriveDataset(LocalSpark.session(), klines, plan);

        assertThat(derived.rdd().toDebugString()).doesNotContainIgnoringCase("shuffle");
        var got = SparkResults.bySeries(derived, KEYS);
        SparkResults.assertEqualsQlir(ops, BTC, got.get("BTCUSDT/30m"), "BTCUSDT, chunks of 50");
        SparkResults.assertEqualsQlir(ops, SYN, got.get("SYNUSDT/1h"), "SYNUSDT, chunks of 50 over four months");
    }

    @Test
    void badInputIsNamedWithWhatWouldBeValid(@TempDir Path tmp) {
        SparkSession spark = LocalSpark.session();
        assertThatThrownBy(() -> spark.read().format("qlir-derive").load(tmp.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs option 'ops'");
        assertThatThrownBy(() -> spark.read().format("qlir-derive").option("ops", "sma(close,5)")
                .option("chunkRows", "many").load(tmp.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chunkRows' is 'many'");
        assertThatThrownBy(() -> spark.read().format("qlir-derive").option("ops", "sma(close,5)")
                .load(tmp.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no series folder");

        Path series = tmp.resolve("klines/symbol=BTCUSDT/interval=30m");
        LocalSpark.dataset(LocalSpark.rows(BTC, "BTCUSDT", "30m")).drop("symbol", "interval", "trades")
                .write().parquet(series.resolve("month=2019-04").toString());
        assertThatThrownBy(() -> spark.read().format("qlir-derive").option("ops", "sma(close,5)")
                .load(tmp.resolve("klines").toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the candle columns").hasMessageContaining("month=2019-04");
    }

    /**
     * A file named as qlir's month files ({@code candles.parquet}) is read by qlir-parquet's reader, so one that is
     * not in qlir's layout (Spark's nullable columns) fails naming the file and the layout, not silently or as Spark.
     */
    @Test
    void aMonthFileNamedAsQlirsButNotInItsLayoutIsNamed(@TempDir Path tmp) throws IOException {
        Path written = tmp.resolve("spark-written");
        spark().conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        LocalSpark.dataset(LocalSpark.rows(BTC, "BTCUSDT", "30m")).drop("symbol", "interval").coalesce(1)
                .write().parquet(written.toString());
        Path month = Files.createDirectories(tmp.resolve("klines/symbol=BTCUSDT/interval=30m/month=2019-04"));
        try (Stream<Path> files = Files.list(written)) {
            Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            Files.move(part, month.resolve("candles.parquet"));
        }

        Dataset<Row> derived = spark().read().format("qlir-derive").option("ops", "sma(close,5)")
                .load(tmp.resolve("klines").toString());

        assertThatThrownBy(derived::collectAsList).hasStackTraceContaining("month=2019-04/candles.parquet")
                .hasStackTraceContaining("as qlir's layout");
    }

    private static SparkSession spark() {
        return LocalSpark.session();
    }

    private static void assertOnlyItsSeries(List<Row> rows, String symbol, String interval) {
        assertThat(rows).isNotEmpty().allMatch(r -> r.getAs("symbol").equals(symbol)
                && r.getAs("interval").equals(interval), "rows of " + symbol + "/" + interval + " only");
    }

    /** Both series, partitioned as qlir's dataset, each month spread over three files whose rows interleave. */
    private static Path writeDataset(Path tmp) throws IOException {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = new ArrayList<>(LocalSpark.rows(BTC, "BTCUSDT", "30m"));
        rows.addAll(LocalSpark.rows(SYN, "SYNUSDT", "1h"));
        Path klines = tmp.resolve("parquet/binance/klines");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        LocalSpark.dataset(rows).repartition(3).withColumn("month", date_format(col("open_time"), "yyyy-MM"))
                .write().partitionBy("symbol", "interval", "month").parquet(klines.toString());
        Path april = klines.resolve("symbol=BTCUSDT/interval=30m/month=2019-04");
        try (Stream<Path> files = Files.list(april)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count())
                    .as("a month in several files, so its rows need ordering").isGreaterThan(1);
        }
        return klines;
    }
}
