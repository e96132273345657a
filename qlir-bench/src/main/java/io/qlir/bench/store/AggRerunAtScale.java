package io.qlir.bench.store;

import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The aggregator's rerun with nothing new at the store benchmark's scale: the 170,000-slice directory of
 * {@link SyntheticStore#manySlices()} (one-second candles, ten per slice) is built once, aggregated once, and then
 * aggregated again {@code args[0]} times (default 5), each rerun's wall-clock and thread CPU time printed. A plain
 * program rather than a JMH benchmark: the first aggregation of 1.7 M candles is the expensive part and runs once.
 * Use: {@code java -cp qlir-bench/target/qlir-benchmarks.jar io.qlir.bench.store.AggRerunAtScale 5}.
 */
public final class AggRerunAtScale {

    private AggRerunAtScale() {
    }

    /**
     * Builds the fixture, aggregates it, and times the reruns.
     *
     * @param args the number of reruns (default 5)
     * @throws IOException when the fixture cannot be written
     */
    public static void main(String[] args) throws IOException {
        int reruns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SliceSeries series = SyntheticStore.manySlices();
        SyntheticStore.ensure(series, 170_000);
        DatasetAggregator agg = DatasetAggregator.of(SyntheticStore.root())
                .clock(Clock.fixed(SyntheticStore.NOW, ZoneOffset.UTC));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        AggregationResult first = agg.aggregate(series);
        System.out.printf(Locale.ROOT, "first run: %.1f s, %s%n", (System.nanoTime() - t0) / 1e9, first.describe());
        for (int i = 0; i < reruns; i++) {
            long w = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            AggregationResult r = agg.aggregate(series);
            System.out.printf(Locale.ROOT, "rerun %d: %.0f ms wall, %.0f ms CPU (this thread); nothing new: %s%n", i + 1,
                    (System.nanoTime() - w) / 1e6, (cpu.getCurrentThreadCpuTime() - c) / 1e6, r.nothingNew());
        }
    }
}
