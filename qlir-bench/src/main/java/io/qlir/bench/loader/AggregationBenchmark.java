package io.qlir.bench.loader;

import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.ParquetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The aggregator over {@link ParquetFixture} (2,000 slice files, two million one-minute candles, 46 months): the
 * whole dataset written from the slice files (nanoseconds per candle), and a rerun with nothing new (milliseconds
 * per run: the manifest read and one footer per month).
 */
@BenchmarkMode(Mode.SingleShotTime)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class AggregationBenchmark {

    private Path root;

    /**
     * Builds the fixture once.
     *
     * @throws IOException when the files cannot be written
     */
    @Setup
    public void setUp() throws IOException {
        root = ParquetFixture.ensure();
    }

    /** Removes the dataset before each full aggregation. */
    @State(Scope.Thread)
    public static class Empty {
        /**
         * Deletes the fixture's dataset.
         *
         * @throws IOException when it cannot be deleted
         */
        @Setup(Level.Invocation)
        public void clear() throws IOException {
            Path dir = ParquetLayout.seriesDirectory(ParquetFixture.root(), ParquetFixture.series());
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /**
     * Writes every month from the slice files.
     *
     * @param empty clears the dataset first
     * @return what was written
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(ParquetFixture.CANDLES)
    public AggregationResult aggregateEverything(Empty empty) {
        AggregationResult r = ParquetFixture.aggregator(root).aggregate(ParquetFixture.series());
        if (r.rowsWritten() != ParquetFixture.CANDLES) {
            throw new IllegalStateException(r.describe());
        }
        return r;
    }

    /**
     * A rerun with nothing new.
     *
     * @return what was done (nothing)
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AggregationResult rerunNothingNew() {
        AggregationResult r = ParquetFixture.aggregator(root).aggregate(ParquetFixture.series());
        if (!r.nothingNew()) {
            r = ParquetFixture.aggregator(root).aggregate(ParquetFixture.series());
        }
        return r;
    }
}
