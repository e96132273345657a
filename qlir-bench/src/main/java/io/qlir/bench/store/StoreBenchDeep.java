package io.qlir.bench.store;

import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * Deep validation (every file parsed, hashed and its open times re-checked) of 1,000 slices of 1,000 1m candles,
 * reported in candles per second ({@code ops/s}, one op = one candle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
public class StoreBenchDeep {

    /** Builds the fixture once (reused across runs). */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        SyntheticStore.ensure(SyntheticStore.manyCandles(), 1_000);
    }

    /** One deep validation of one million candles. */
    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public ValidationReport validateDeep() {
        ValidationReport r = ManifestValidator.validate(SyntheticStore.root(), SyntheticStore.manyCandles(), ValidationMode.DEEP);
        if (!r.isClean() || r.rowsRead() != 1_000_000) {
            throw new IllegalStateException(r.describe() + ", rows " + r.rowsRead());
        }
        return r;
    }
}
