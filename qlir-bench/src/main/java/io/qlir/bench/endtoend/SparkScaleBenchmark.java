package io.qlir.bench.endtoend;

import io.qlir.bench.CpuTimeProfiler;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.spark.DerivePlan;
import io.qlir.spark.QlirSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * qlir's ops on Apache Spark ({@code qlir-spark}, {@code local[2]}: both cores) over the first {@code series} series
 * of {@link EndToEndFixture}'s dataset, the same work as {@link EndToEndBenchmark} (SMA 5/10/20/50/100/200,
 * Bollinger 20/2, ARP 14 per series), every derived row computed (Spark's {@code noop} sink) and nothing written.
 * {@code spark} reads qlir's dataset folders with no shuffle ({@code QlirSpark.deriveDataset}); {@code sparkShuffled}
 * is the general path on the same rows, for comparison.
 * Spark's start-up is outside the measurement (one session per trial). The score is milliseconds per run; divided
 * by {@code series × 525,000} it is the cost per candle, which should stay flat as series are added.
 *
 * <p>Spark brings its own Parquet and Hadoop, which differ from qlir-parquet's, so this benchmark runs in a JVM whose
 * class path puts Spark's first and never reads the dataset through qlir: build the fixture with
 * {@link EndToEndFixture#main} first, then {@code qlir-bench/run-benchmarks.sh}'s group {@code spark} (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Dspark.driver.bindAddress=127.0.0.1"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SparkScaleBenchmark {

    /** How many of the fixture's series the run covers. */
    @Param({"1", "5", "10", "20"})
    public int series;

    private SparkSession spark;
    private Dataset<Row> candles;
    private Path endpoint;
    private DerivePlan plan;

    /**
     * Starts Spark on {@code local[2]} and points it at the first {@code series} series of the fixture.
     */
    @Setup
    public void setUp() {
        Path root = EndToEndFixture.root();
        Path klines = root.resolve("parquet/binance/klines");
        List<SliceSeries> chosen = EndToEndFixture.series(series);
        String[] paths = new String[chosen.size()];
        for (int i = 0; i < paths.length; i++) {
            Path dir = klines.resolve("symbol=" + chosen.get(i).symbol()).resolve("interval=1m");
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir + " is missing: build the fixture first (java -cp "
                        + "qlir-bench/target/qlir-benchmarks.jar io.qlir.bench.endtoend.EndToEndFixture)");
            }
            paths[i] = dir.toString();
        }
        spark = SparkSession.builder().appName("qlir-spark-scale").master("local[2]")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        candles = spark.read().option("basePath", klines.toString()).parquet(paths).drop("month");
        endpoint = chosenOnly(chosen, klines);
        plan = QlirSpark.plan(EndToEndWork.OPS, QlirSpark.DEFAULT_CHUNK_ROWS);
    }

    /** Stops Spark. */
    @TearDown
    public void tearDown() {
        spark.stop();
    }

    /**
     * Derives every series through qlir's dataset folders ({@link QlirSpark#deriveDataset}: one task per series, no
     * shuffle) and computes every row (the {@code noop} sink), keeping nothing.
     *
     * @param cpu the counter
     * @return the plan (keeps the work alive)
     */
    @Benchmark
    public DerivePlan spark(Cpu cpu) {
        QlirSpark.deriveDataset(spark, endpoint, plan).write().format("noop").mode("overwrite").save();
        cpu.stop();
        return plan;
    }

    /**
     * The general path for comparison ({@link QlirSpark#derive(Dataset, DerivePlan)} on the same rows read as one
     * Dataset): a window shuffle for the chunks, a second shuffle by series and chunk, then the same deriver.
     *
     * @param cpu the counter
     * @return the plan (keeps the work alive)
     */
    @Benchmark
    public DerivePlan sparkShuffled(Cpu cpu) {
        QlirSpark.derive(candles, plan).write().format("noop").mode("overwrite").save();
        cpu.stop();
        return plan;
    }

    /**
     * The process's CPU time per run beside the wall-clock score (every thread: Spark's tasks, the driver, GC and
     * JIT), as {@link EndToEndBenchmark.Cpu} counts it for the single-JVM side: on a shared machine it moves less
     * than the wall time.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU time of the whole process during the run, milliseconds. */
        public double processCpuMs;
        private long start;

        /** Resets the counter before each run. */
        @Setup(Level.Invocation)
        public void start() {
            processCpuMs = 0;
            start = CpuTimeProfiler.processCpuNanos();
        }

        void stop() {
            processCpuMs = (CpuTimeProfiler.processCpuNanos() - start) / 1e6;
        }
    }

    /** An endpoint folder holding only the chosen series: symbolic links to their folders, in a temporary folder. */
    private static Path chosenOnly(List<SliceSeries> chosen, Path klines) {
        try {
            Path parent = Files.createTempDirectory("qlir-spark-scale");
            parent.toFile().deleteOnExit();
            Path dir = Files.createDirectories(parent.resolve("klines"));
            dir.toFile().deleteOnExit();
            for (SliceSeries s : chosen) {
                Path link = dir.resolve("symbol=" + s.symbol());
                Files.createSymbolicLink(link, klines.resolve("symbol=" + s.symbol()));
                link.toFile().deleteOnExit();
            }
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot link the chosen series", e);
        }
    }
}
