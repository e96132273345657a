package io.qlir.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.testkit.BinanceRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class DeriveJobTest {

    private static final Table BTC = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);
    private static final Table ETH = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_B);

    @Test
    void readsTheParquetDatasetDerivesAndWritesItPartitionedBySymbolAndInterval(@TempDir Path tmp) {
        SparkSession spark = LocalSpark.session();
        Path dataset = tmp.resolve("data/parquet/binance");
        writeDataset(spark, dataset.resolve("spot"));
        String ops = "sma(close,14); ema(close,12)";

        DerivePlan plan = DeriveJob.run(spark, tmp.resolve("data"), ops, tmp.resolve("out"), 40);

        assertThat(plan.chunked()).isFalse();
        assertThat(tmp.resolve("out/spot/symbol=BTCUSDT/interval=15m")).isDirectory();
        assertThat(tmp.resolve("out/spot/symbol=ETHUSDT/interval=15m")).isDirectory();
        var read = spark.read().parquet(tmp.resolve("out/spot").toString());
        assertThat(read.schema().apply("open_time").dataType().typeName()).isEqualTo("timestamp");
        var got = SparkResults.bySeries(read, List.of(new String[] {"BTCUSDT", "15m"}, new String[] {"ETHUSDT", "15m"}));
        SparkResults.assertEqualsQlir(ops, BTC, got.get("BTCUSDT/15m"), "BTCUSDT");
        SparkResults.assertEqualsQlir(ops, ETH, got.get("ETHUSDT/15m"), "ETHUSDT");

        assertThatThrownBy(() -> DeriveJob.run(spark, dataset, ops, tmp.resolve("out"), 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
        assertThatThrownBy(() -> DeriveJob.run(spark, tmp.resolve("out/spot/symbol=BTCUSDT"), ops,
                tmp.resolve("out2"), 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no endpoint folder");
        assertThatThrownBy(() -> DeriveJob.run(spark, tmp.resolve("nowhere"), ops, tmp.resolve("out3"), 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere is not a folder");
    }

    @Test
    void badArgumentsAreNamedWithWhatWouldBeValid() {
        assertThatThrownBy(() -> DeriveJobArgs.parse(new String[] {"--dataset", "d", "--ops", "sma(close,5)",
            "--out", "o", "--chunk-rows", "0"})).hasMessageContaining("--chunk-rows '0' must be a whole number");
        assertThatThrownBy(() -> DeriveJobArgs.parse(new String[] {"--dataset", "d", "--opz", "x"}))
                .hasMessageContaining("unknown option '--opz'");
        assertThatThrownBy(() -> DeriveJobArgs.parse(new String[] {"--dataset", "d"}))
                .hasMessageContaining("--dataset, --ops and --out are required");
        assertThat(DeriveJobArgs.parse(new String[] {"--dataset", "d", "--ops", "sma(close,5)", "--out", "o"})
                .chunkRows()).as("no --chunk-rows: whole series per folder").isZero();
    }

    /** The layout of issue 14 (qlir agg), written by Spark: TIMESTAMP(MILLIS) times, month folders. */
    private static void writeDataset(SparkSession spark, Path endpoint) {
        List<Row> rows = new ArrayList<>(LocalSpark.rows(BTC, "BTCUSDT", "15m"));
        rows.addAll(LocalSpark.rows(ETH, "ETHUSDT", "15m"));
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        LocalSpark.dataset(rows).withColumn("month", date_format(col("open_time"), "yyyy-MM"))
                .write().partitionBy("symbol", "interval", "month").parquet(endpoint.toString());
        assertThat(Files.isDirectory(endpoint.resolve("symbol=BTCUSDT/interval=15m/month=2018-02"))).isTrue();
    }
}
