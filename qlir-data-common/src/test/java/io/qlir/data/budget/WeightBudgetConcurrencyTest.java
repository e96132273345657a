package io.qlir.data.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.testing.UtcTestClock;
import io.qlir.testkit.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real threads on one manual clock (time passes only when a waiter sleeps or a holder "works"): the budget's promise
 * holds at every instant, and a busy budget uses most of its capacity.
 */
class WeightBudgetConcurrencyTest {

    /** The manual clock, remembering per thread the last value it returned (= what the budget saw). */
    private static final class RecordingClock extends UtcTestClock {
        final ManualTime time = new ManualTime(Instant.parse("2024-01-01T00:00:00Z"));
        final ThreadLocal<Long> last = new ThreadLocal<>();

        @Override
        public long millis() {
            long now = time.now().toEpochMilli();
            last.set(now);
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    private record Use(long acquiredMs, long releasedMs, int weight) {
    }

    @Test
    void manyThreadsNeverExceedTheCapacityInAnyWindowAndUseMostOfIt() throws Exception {
        int capacity = 60;
        long windowMs = 250;
        RecordingClock clock = new RecordingClock();
        WeightBudget budget = WeightBudget.builder().capacity(capacity).window(Duration.ofMillis(windowMs))
                .clock(clock).sleeper(clock.time::sleep).build();
        ConcurrentLinkedQueue<Use> uses = new ConcurrentLinkedQueue<>();
        int acquisitionsPerThread = 300;
        long start = clock.millis();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < acquisitionsPerThread; i++) {
                    int weight = 1 + random.nextInt(3);
                    WeightBudget.Lease lease = budget.acquire(weight);
                    long acquired = clock.last.get();
                    clock.time.advance(Duration.ofMillis(random.nextInt(3)));    // the request takes 0-2 ms
                    lease.close();
                    uses.add(new Use(acquired, clock.last.get(), weight));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // Independent check: at every acquisition instant, the weight occupying [acquired, released + window)
        // is at most the capacity.
        List<Use> all = new ArrayList<>(uses);
        for (Use u : all) {
            long t = u.acquiredMs();
            int occupied = 0;
            for (Use v : all) {
                if (v.acquiredMs() <= t && t < v.releasedMs() + windowMs) {
                    occupied += v.weight();
                }
            }
            assertThat(occupied).as("weight occupying the budget at %d", t).isLessThanOrEqualTo(capacity);
        }
        long total = all.stream().mapToLong(Use::weight).sum();
        long elapsed = all.stream().mapToLong(Use::releasedMs).max().orElseThrow() - start;
        // Occupancy lasts a window after each release, so over `elapsed` at most capacity * (elapsed / window + 1)
        // can be used; a busy budget gets close to capacity per (window + holding time).
        double perWindow = (double) total / ((double) elapsed / windowMs + 1);
        assertThat(all).hasSize(6 * acquisitionsPerThread);
        // loose: the six threads' holding times add up on the one clock
        assertThat(perWindow).as("weight used per window").isGreaterThan(0.5 * capacity);
    }
}
