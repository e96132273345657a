package io.qlir.bench.loader;

import io.qlir.binance.Binance;
import io.qlir.binance.Endpoint;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Interval;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import tech.tablesaw.api.Table;

/**
 * The loader: 5,000 slice files of 1,000 one-minute candles (5 million candles, about 0.8 GB of JSON in the page
 * cache) into one candle {@code Table} through {@code Binance.load}, in a JVM limited to {@code -Xmx1g}. The score is
 * nanoseconds per candle (candles/s = 1e9 / score; per core with the CPU time of {@code CpuTimeProfiler}); the
 * auxiliary counter {@code peakHeapMB} is the sum of the heap pools' peak use during the load (an upper bound of the
 * real peak, since pools peak at different moments).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class LoaderBenchmark {

    static final int SLICES = 5_000;
    static final int CANDLES = SLICES * 1_000;

    private Path root;

    /** The counters JMH reports beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Sum of the heap pools' peak use, MB. */
        public double peakHeapMB;
        /** Candles in the loaded table. */
        public double candles;

        /** Resets the pools' peaks before each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
            peakHeapMB = 0;
            candles = 0;
        }

        void record(Table t) {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            peakHeapMB = sum / 1e6;
            candles = t.rowCount();
        }
    }

    /**
     * Builds the data root once (kept between runs).
     *
     * @throws IOException when the files cannot be written
     */
    @Setup
    public void setUp() throws IOException {
        root = LoaderFixture.ensure(SLICES);
    }

    /**
     * Loads every stored candle.
     *
     * @param heap the counters
     * @return the table
     */
    @Benchmark
    @OperationsPerInvocation(CANDLES)
    public Table load(Heap heap) {
        LoadResult r = Binance.load(root, Endpoint.KLINES, LoaderFixture.SYMBOL, Interval.M1);
        Table t = r.candles();
        if (t.rowCount() != CANDLES) {
            throw new IllegalStateException("loaded " + t.rowCount() + " candles, expected " + CANDLES);
        }
        heap.record(t);
        return t;
    }
}
