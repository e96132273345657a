package io.qlir.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark job over qlir's Parquet dataset: reads {@code <dataset>/<endpoint>/symbol=S/interval=I/month=M/*.parquet},
 * derives the ops per series, and writes {@code <out>/<endpoint>/symbol=S/interval=I/*.parquet} with the candle
 * columns (times as TIMESTAMP(MILLIS)) and the new ones.
 * <pre>{@code
 * spark-submit --class io.qlir.spark.DeriveJob qlir-spark.jar \
 *     --dataset data/parquet/binance --ops "sma(close,14); rsi(close,14)" --out derived [--chunk-rows 100000]
 * }</pre>
 * Without a master from {@code spark-submit} (or {@code -Dspark.master}), it runs on {@code local[*]}. The
 * {@code --dataset} folder may also be the data root that holds {@code parquet/binance}.
 */
public final class DeriveJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeriveJob.class);

    private DeriveJob() {
    }

    /**
     * Runs the job from the command line; exits 2 on bad arguments.
     *
     * @param args {@code --dataset DIR --ops OPS --out DIR [--chunk-rows N]}; without {@code --chunk-rows} each
     *     series folder runs whole in one task with no shuffle, with it series may be chunked (after a shuffle)
     */
    public static void main(String[] args) {
        DeriveJobArgs parsed;
        try {
            parsed = DeriveJobArgs.parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error("qlir-spark derive: {}{}{}", e.getMessage(), System.lineSeparator(), DeriveJobArgs.USAGE);
            System.exit(2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("qlir-derive");
        if (!new SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        SparkSession spark = b.getOrCreate();
        try {
            if (parsed.chunkRows() > 0) {
                run(spark, parsed.dataset(), parsed.ops(), parsed.out(), parsed.chunkRows());
            } else {
                run(spark, parsed.dataset(), parsed.ops(), parsed.out());
            }
        } catch (IllegalArgumentException e) {
            LOG.error("qlir-spark derive: {}", e.getMessage());
            spark.stop();
            System.exit(2);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job in a session of the caller's with no shuffle: each series folder is read into one task
     * ({@link QlirSpark#deriveDataset}), which derives it whole, or in streamed chunks when every op is bounded.
     *
     * @param spark the session
     * @param dataset the {@code parquet/binance} folder (or the data root holding it)
     * @param ops ops in the op language
     * @param out the folder to write; it must not exist yet
     * @return the plan that ran, one per dataset
     * @throws IllegalArgumentException when the dataset has no endpoint folder, the output exists, or ops are bad
     */
    public static DerivePlan run(SparkSession spark, Path dataset, String ops, Path out) {
        DerivePlan plan = QlirSpark.plan(ops, QlirSpark.DEFAULT_CHUNK_ROWS);
        LOG.info("qlir-spark plan:{}{}", System.lineSeparator(), plan.explainFolders());
        for (Path endpoint : prepare(spark, dataset, out)) {
            write(QlirSpark.deriveDataset(spark, endpoint, plan), out, endpoint);
        }
        return plan;
    }

    /**
     * Runs the job in a session of the caller's through the general path ({@link QlirSpark#derive(Dataset,
     * DerivePlan)}): series are shuffled together and, where the ops allow, split into chunks of {@code chunkRows}
     * rows, for series too long for one task.
     *
     * @param spark the session
     * @param dataset the {@code parquet/binance} folder (or the data root holding it)
     * @param ops ops in the op language
     * @param out the folder to write; it must not exist yet
     * @param chunkRows rows per chunk where the ops allow chunks
     * @return the plan that ran, one per dataset
     * @throws IllegalArgumentException when the dataset has no endpoint folder, the output exists, or ops are bad
     */
    public static DerivePlan run(SparkSession spark, Path dataset, String ops, Path out, int chunkRows) {
        DerivePlan plan = QlirSpark.plan(ops, chunkRows);
        LOG.info("qlir-spark plan:{}{}", System.lineSeparator(), plan.explain());
        for (Path endpoint : prepare(spark, dataset, out)) {
            Dataset<Row> candles = spark.read().parquet(endpoint.toString()).drop("month");
            write(QlirSpark.derive(candles, plan), out, endpoint);
        }
        return plan;
    }

    private static List<Path> prepare(SparkSession spark, Path dataset, Path out) {
        List<Path> endpoints = endpoints(dataset);
        if (Files.exists(out)) {
            throw new IllegalArgumentException("--out " + out + " exists; give a new folder (nothing is overwritten)");
        }
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        return endpoints;
    }

    private static void write(Dataset<Row> derived, Path out, Path endpoint) {
        Path to = out.resolve(endpoint.getFileName().toString());
        derived.write().mode(SaveMode.ErrorIfExists).partitionBy("symbol", "interval").parquet(to.toString());
        LOG.info("qlir-spark wrote {}", to);
    }

    static List<Path> endpoints(Path dataset) {
        if (!Files.isDirectory(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + " is not a folder; give the parquet/binance "
                    + "folder that qlir agg writes, or the data root holding it");
        }
        Path root = Files.isDirectory(dataset.resolve("parquet").resolve("binance"))
                ? dataset.resolve("parquet").resolve("binance") : dataset;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).filter(DeriveJob::holdsSymbols).sorted().forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dataset " + root, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("--dataset " + dataset + " holds no endpoint folder with symbol=... "
                    + "folders; give the parquet/binance folder that qlir agg writes (<endpoint>/symbol=S/interval=I/"
                    + "month=YYYY-MM/*.parquet)");
        }
        return found;
    }

    private static boolean holdsSymbols(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith("symbol="));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
