package io.qlir.bench.fetch;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.Endpoint;
import io.qlir.binance.KlineQuery;
import io.qlir.core.Interval;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.RateWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Six concurrent fetch jobs share one client against {@link FakeBinance} with a weight limit of {@code capacity}
 * per one-second window (Binance's 6000 per minute scaled down), for {@value #RUN_MS} ms. Reported as auxiliary
 * counters: {@code budgetUsedPct}, the weight used in the full windows as a percentage of their budget (the first
 * window is entered part-way and the last is cut by the deadline, so they are left out), {@code http429} and
 * {@code http418} as the fake counted them, and {@code requests}. One measured iteration: JMH sums event counters
 * over iterations, so with one the counters are the run's own values.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 1)
public class FetchPacingBenchmark {

    static final long RUN_MS = 8_000;
    static final Duration WINDOW = Duration.ofSeconds(1);
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "ETHBTC", "BNBUSDT", "BCCUSDT", "BTCUSDT"};

    /** Weight per one-second window. */
    @Param({"120"})
    public int capacity;

    /** The counters JMH reports beside the (fixed) time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        /** Weight used in the full windows, percent of their budget. */
        public double budgetUsedPct;
        /** 429 responses the fake sent. */
        public double http429;
        /** 418 responses the fake sent. */
        public double http418;
        /** Kline requests that succeeded. */
        public double requests;

        /** Clears the counters before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            budgetUsedPct = 0;
            http429 = 0;
            http418 = 0;
            requests = 0;
        }
    }

    /**
     * One timed run of six jobs against a fresh fake and client.
     *
     * @param out the counters
     * @throws Exception when a job fails
     */
    @Benchmark
    public void sixJobsOneClient(Outcome out) throws Exception {
        try (FakeBinance fake = FakeBinance.builder().weightLimit(capacity, WINDOW).toleratedViolations(0)
                        .logRequests(false).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl())
                        .weightLimit(capacity, WINDOW).build()) {
            long deadline = System.currentTimeMillis() + RUN_MS;
            AtomicLong ok = new AtomicLong();
            ExecutorService jobs = Executors.newFixedThreadPool(SYMBOLS.length);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (String symbol : SYMBOLS) {
                    futures.add(jobs.submit(() -> fetchUntil(client, symbol, deadline, ok)));
                }
                for (Future<?> f : futures) {
                    f.get(RUN_MS + 30_000, TimeUnit.MILLISECONDS);
                }
            } finally {
                jobs.shutdownNow();
            }
            List<RateWindow> windows = fake.rateWindows().stream().filter(w -> w.used() > 0).toList();
            List<RateWindow> full = windows.size() > 2 ? windows.subList(1, windows.size() - 1) : windows;
            long used = full.stream().mapToLong(RateWindow::used).sum();
            out.budgetUsedPct = full.isEmpty() ? 0 : 100.0 * used / ((long) capacity * full.size());
            out.http429 = fake.tooManyRequestsCount();
            out.http418 = fake.bannedCount();
            out.requests = ok.get();
        }
    }

    private static Void fetchUntil(BinanceClient client, String symbol, long deadline, AtomicLong ok) {
        long start = 1_600_000_000_000L;
        while (System.currentTimeMillis() < deadline) {
            KlineQuery q = KlineQuery.of(Endpoint.KLINES, symbol, Interval.M1).withStartTime(start).withLimit(20);
            if (!client.klines(q).isOk()) {
                throw new IllegalStateException("kline request failed for " + symbol);
            }
            ok.incrementAndGet();
            start += 20 * 60_000L;
        }
        return null;
    }
}
