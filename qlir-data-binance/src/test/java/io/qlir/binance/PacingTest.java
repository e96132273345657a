package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Many jobs sharing one client against a fake with a scaled-down limit (60 weight per 1 s window, Binance's 6000 per
 * minute shrunk): no 429, and the fake's full windows are typically (median) at least 90 % used.
 */
class PacingTest {

    static final int CAPACITY = 60;
    static final Duration WINDOW = Duration.ofSeconds(1);

    @Test
    void concurrentJobsNeverHit429AndUseAtLeastNinetyPercentOfTheBudget() throws Exception {
        try (FakeBinance fake = FakeBinance.builder().weightLimit(CAPACITY, WINDOW).toleratedViolations(0).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl())
                        .weightLimit(CAPACITY, WINDOW).build()) {
            long runMs = 4_500;
            long deadline = System.currentTimeMillis() + runMs;
            AtomicLong ok = new AtomicLong();
            ExecutorService jobs = Executors.newFixedThreadPool(6);
            List<Future<?>> futures = new ArrayList<>();
            String[] symbols = {"BTCUSDT", "ETHUSDT", "ETHBTC", "BNBUSDT", "BCCUSDT", "BTCUSDT"};
            for (String symbol : symbols) {
                futures.add(jobs.submit(() -> {
                    long start = 1_600_000_000_000L;
                    while (System.currentTimeMillis() < deadline) {
                        KlineQuery q = KlineQuery.of(Endpoint.KLINES, symbol, Interval.M1).withStartTime(start)
                                .withLimit(20);
                        assertThat(client.klines(q).isOk()).isTrue();
                        ok.incrementAndGet();
                        start += 20 * 60_000L;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            jobs.shutdown();

            assertThat(fake.tooManyRequestsCount()).isZero();
            assertThat(fake.bannedCount()).isZero();
            assertThat(client.stats().http429()).isZero();
            List<RateWindow> windows = fake.rateWindows().stream().filter(w -> w.used() > 0).toList();
            assertThat(windows).allSatisfy(w -> assertThat(w.used()).isLessThanOrEqualTo(CAPACITY));
            // the first window is entered part-way and the last is cut by the deadline: judge the full ones between
            List<RateWindow> full = windows.subList(1, windows.size() - 1);
            assertThat(full).hasSizeGreaterThanOrEqualTo(2);
            // The median full window: the steady state. A build machine shared with other builds can stall a thread
            // for part of a second, emptying one window for reasons that have nothing to do with pacing.
            int[] used = full.stream().mapToInt(RateWindow::used).sorted().toArray();
            double median = used.length % 2 == 1 ? used[used.length / 2]
                    : (used[used.length / 2 - 1] + used[used.length / 2]) / 2.0;
            LoggerFactory.getLogger(PacingTest.class).info("weight per fake window (capacity {}): {}", CAPACITY,
                    windows.stream().map(RateWindow::used).toList());
            assertThat(median).as("median weight per full window, of %d; windows %s", CAPACITY, windows)
                    .isGreaterThanOrEqualTo(0.9 * CAPACITY);
            assertThat(ok.get() * 2).isEqualTo(client.stats().weight());
        }
    }
}
