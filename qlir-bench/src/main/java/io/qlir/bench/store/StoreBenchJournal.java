package io.qlir.bench.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.JournalDurability;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceGrid;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Journal appends through the public API, with latency percentiles ({@code SampleTime}): one durable entry
 * ({@code recordFailure}: entry, journal line, append, fsync), from one and four threads (grouped fsyncs), and one
 * whole durable slice write ({@code write}: 60-row file fsynced and renamed, directory fsynced, journal line
 * fsynced). Compaction is switched off during measurement (measured on its own in {@link StoreBench#compact}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
public class StoreBenchJournal {

    /** Whether every journal append is fsynced, or appends are grouped. */
    @Param({"EVERY_APPEND", "BATCHED"})
    public JournalDurability durability;

    private static final SliceSeries SERIES = new SliceSeries("bench", "klines", "JOURNAL", Interval.M1, 60);
    private SliceDirectory dir;
    private SliceGrid grid;
    private final AtomicLong next = new AtomicLong();

    /** A fresh directory with 10,000 planned slices. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        SyntheticStore.deleteTree(SERIES.directory(SyntheticStore.root()));
        dir = SliceDirectory.open(SyntheticStore.root(), SERIES, SyntheticStore.options().toBuilder()
                .journalDurability(durability).compactAfterLines(Integer.MAX_VALUE).build());
        dir.setGridAnchor(SyntheticStore.ANCHOR);
        grid = dir.grid();
        dir.plan(SyntheticStore.ANCHOR, grid.slice(9_999).startMs());
    }

    private SliceKey key() {
        return grid.slice(next.getAndIncrement() % 10_000);
    }

    /** One journal entry, durable per the durability setting. */
    @Benchmark
    public SliceEntry append() throws IOException {
        return dir.recordFailure(key(), SliceReason.EXCEPTION, "bench", FetchInfo.UNKNOWN);
    }

    /** Four threads appending: their fsyncs are grouped. */
    @Benchmark
    @Threads(4)
    public SliceEntry appendFourThreads() throws IOException {
        return append();
    }

    /** A whole slice write: 60 rows, file fsync + rename + directory fsync, then the journal line. */
    @Benchmark
    public SliceEntry writeSlice() throws IOException {
        SliceKey k = key();
        ArrayNode r = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 60; i++) {
            long t = k.startMs() + i * 60_000L;
            r.addArray().add(t).add("1.0").add("1.0").add("1.0").add("1.0").add("1.0").add(t + 59_999).add("1.0")
                    .add(1).add("1.0").add("1.0").add("0");
        }
        return dir.write(k, r, FetchInfo.UNKNOWN);
    }

    /** Compacts and releases the directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        dir.close();
    }
}
