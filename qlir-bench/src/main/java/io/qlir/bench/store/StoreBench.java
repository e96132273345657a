package io.qlir.bench.store;

import io.qlir.data.manifest.ReconcileReport;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationReport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 170,000-slice directory: open (lock + reconcile, nothing changed), metadata-mode validation, both, and one
 * compaction. Each invocation is one whole operation ({@code SingleShotTime}).
 *
 * <p>Cold JVM: {@code java -jar qlir-benchmarks.jar 'StoreBench\.(reconcile|validate)' -f 3 -wi 0 -i 1} (every
 * fork's single invocation runs in a fresh JVM). Warm: {@code java -jar qlir-benchmarks.jar StoreBench -f 1 -wi 1
 * -i 3}. The page cache stays warm either way (the fixture was just built or read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class StoreBench {

    /** Builds the fixture once (reused across runs). */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        SyntheticStore.ensure(SyntheticStore.manySlices(), 170_000);
    }

    /** Open for writing: lock, load manifest, list 170,000 files, compare stamps; nothing changes. */
    @Benchmark
    public ReconcileReport reconcile() throws IOException {
        try (SliceDirectory d = SliceDirectory.open(SyntheticStore.root(), SyntheticStore.manySlices(),
                SyntheticStore.options())) {
            ReconcileReport r = d.lastReconcile();
            if (!r.changedNothing()) {
                throw new IllegalStateException("fixture changed: " + r.describe());
            }
            return r;
        }
    }

    /** Validate in metadata mode (no slice file opened). */
    @Benchmark
    public ValidationReport validateMetadata() {
        ValidationReport r = ManifestValidator.validate(SyntheticStore.root(), SyntheticStore.manySlices());
        if (!r.isClean()) {
            throw new IllegalStateException(r.describe());
        }
        return r;
    }

    /** What a restart does before fetching and what {@code qlir manifest validate} does, back to back. */
    @Benchmark
    public ValidationReport reconcileThenValidate() throws IOException {
        reconcile();
        return validateMetadata();
    }

    /** The fixture held open for writing, so {@link #compact} measures the compaction alone. */
    @State(Scope.Benchmark)
    public static class Open {
        SliceDirectory dir;

        /** Opens the fixture (building it first if needed). */
        @Setup(Level.Trial)
        public void open() throws IOException {
            SyntheticStore.ensure(SyntheticStore.manySlices(), 170_000);
            dir = SliceDirectory.open(SyntheticStore.root(), SyntheticStore.manySlices(), SyntheticStore.options());
        }

        /** Releases the lock. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            dir.close();
        }
    }

    /** One compaction of 170,000 entries (manifest.json rewritten atomically, journal truncated). */
    @Benchmark
    public void compact(Open open) throws IOException {
        open.dir.compact();
    }
}
