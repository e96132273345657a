package io.qlir.ops.pipeline;

import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The parallel speedup measurement of docs/benchmarks.md (not a test): 20 synthetic series of 1m candles in memory,
 * many ops, derived by a {@link SeriesBatch} on one thread and then on {@code N} threads, alternating, best of the
 * rounds after the first; prints the wall times, the process CPU time of each run, and the ratio of the best walls.
 * <pre>{@code
 * java -Xmx3g -cp <qlir-ops test class path> io.qlir.ops.pipeline.SeriesBatchSpeed 20 200000 2 [rounds]
 * }</pre>
 */
public final class SeriesBatchSpeed {

    static final String OPS = "sma(close,5,10,20,50,100,200); bollinger(close,20,2); arp(14); ema(close,12,26);"
            + " rsi(close,14); atr(14); macd(close); range_shock(14)";

    private SeriesBatchSpeed() {
    }

    /**
     * Measures.
     *
     * @param args series count, candles per series, threads of the parallel run, optionally rounds (6)
     * @throws Exception when interrupted
     */
    public static void main(String[] args) throws Exception {
        int series = Integer.parseInt(args[0]);
        int candles = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Map<String, Table> tables = new LinkedHashMap<>();
        for (int s = 0; s < series; s++) {
            tables.put("SYN" + s, SyntheticMarket.of(3, "SYN" + s, 100).candles(Interval.M1, 1_704_067_200_000L,
                    candles));
        }
        Pipeline p = Pipeline.parse("speed", OPS);
        SeriesBatch one = SeriesBatch.builder(p).threads(1).build();
        SeriesBatch many = one.toBuilder().threads(threads).build();
        long bestOne = Long.MAX_VALUE;
        long bestMany = Long.MAX_VALUE;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        for (int round = 0; round < rounds; round++) {
            long[] a = time(one, tables);
            long[] b = time(many, tables);
            if (round > 0) {                                  // round 0 warms up
                bestOne = Math.min(bestOne, a[0]);
                bestMany = Math.min(bestMany, b[0]);
            }
            System.out.printf(Locale.ROOT, "round %d: 1 thread %.0f ms (process CPU %.0f ms), %d threads %.0f ms"
                    + " (process CPU %.0f ms, %.2f cores busy)%n", round, a[0] / 1e6, a[1] / 1e6, threads, b[0] / 1e6,
                    b[1] / 1e6, (double) b[1] / b[0]);
        }
        System.out.printf(Locale.ROOT, "best: 1 thread %.0f ms, %d threads %.0f ms, speedup %.2fx (%d series x %d"
                + " candles, %d cores)%n", bestOne / 1e6, threads, bestMany / 1e6, (double) bestOne / bestMany, series,
                candles, Runtime.getRuntime().availableProcessors());
    }

    /** Wall time and process CPU time (GC included) of one run, in nanoseconds. */
    private static long[] time(SeriesBatch batch, Map<String, Table> tables) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<SeriesResult> r = batch.apply(tables);
        long t = System.nanoTime() - t0;
        long c = os.getProcessCpuTime() - c0;
        if (!r.stream().allMatch(x -> x instanceof SeriesResult.Done)) {
            throw new IllegalStateException("a series failed: " + r);
        }
        return new long[] {t, c};
    }
}
