package io.qlir.data.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.data.retry.Sleeper;
import io.qlir.testkit.Await;
import io.qlir.testkit.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeightBudgetTest {

    private static final long T0 = 1_700_000_000_000L;
    private final ManualTime time = new ManualTime(Instant.ofEpochMilli(T0));
    private final ExecutorService pool = Executors.newCachedThreadPool();

    private long now() {
        return time.now().toEpochMilli();
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private WeightBudget budget(int capacity, Duration window) {
        return WeightBudget.builder().capacity(capacity).window(window).clock(time.clock()).sleeper(time::sleep).build();
    }

    @Test
    void weightWithinCapacityGoesAtOnceAndTheNextWaitsOneWindowAfterTheRelease() throws Exception {
        WeightBudget b = budget(10, Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            b.acquire(2).close();
        }
        assertThat(now()).isEqualTo(T0); // 10 of 10: no wait
        time.advance(Duration.ofSeconds(5));
        try (WeightBudget.Lease l = b.acquire(2)) {
            // the first two units were released at T0, so they expire at T0 + 60 s
            assertThat(now()).isEqualTo(T0 + 60_000);
            assertThat(l.weight()).isEqualTo(2);
        }
        assertThat(b.snapshot().waitedAcquires()).isEqualTo(1);
        assertThat(b.snapshot().acquiredWeight()).isEqualTo(12);
    }

    @Test
    void waitsOnlyAsLongAsNeededToFreeEnoughWeight() throws Exception {
        WeightBudget b = budget(10, Duration.ofSeconds(10));
        b.acquire(4).close();                 // expires T0 + 10 s
        time.advance(Duration.ofSeconds(3));
        b.acquire(4).close();                 // expires T0 + 13 s
        time.advance(Duration.ofSeconds(1));
        b.acquire(6).close();                 // needs 4 freed: at T0 + 10 s
        assertThat(now()).isEqualTo(T0 + 10_000);
        b.acquire(4).close();                 // used 4 (13 s) + 6 (20 s): 4 must expire: at T0 + 13 s
        assertThat(now()).isEqualTo(T0 + 13_000);
        b.acquire(10).close();                // 6 (20 s) + 4 (23 s) must all expire: at T0 + 23 s
        assertThat(now()).isEqualTo(T0 + 23_000);
    }

    @Test
    void inFlightWeightBlocksUntilItsResponseArrivesAndThenForAWindow() throws Exception {
        WeightBudget b = budget(10, Duration.ofSeconds(60));
        WeightBudget.Lease held = b.acquire(10);
        Future<Long> waiter = pool.submit(() -> {
            b.acquire(1).close();
            return now();
        });
        assertThatThrownBy(() -> waiter.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(b.snapshot().inFlight()).isEqualTo(10);
        time.advance(Duration.ofSeconds(7));
        held.close();
        held.close(); // harmless
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(T0 + 7_000 + 60_000);
    }

    @Test
    void aPauseStopsEveryCallerUntilItsInstantAndTheLaterPauseWins() throws Exception {
        WeightBudget b = budget(100, Duration.ofSeconds(60));
        b.pauseUntil(Instant.ofEpochMilli(T0 + 30_000), "HTTP 418");
        b.pauseUntil(Instant.ofEpochMilli(T0 + 10_000), "HTTP 429"); // earlier: ignored
        assertThat(b.pausedUntil()).contains(Instant.ofEpochMilli(T0 + 30_000));
        assertThat(b.snapshot().pauseReason()).isEqualTo("HTTP 418");
        b.acquire(1).close();
        assertThat(now()).isEqualTo(T0 + 30_000);
        assertThat(b.pausedUntil()).isEmpty();
        assertThat(b.snapshot().pauseReason()).isEmpty();
        b.pauseUntil(Instant.ofEpochMilli(T0), "in the past");
        b.acquire(1).close();
        assertThat(now()).isEqualTo(T0 + 30_000);
    }

    @Test
    void serverCountAboveTheOwnCountIsReservedForOneWindow() throws Exception {
        WeightBudget b = budget(100, Duration.ofSeconds(60));
        b.acquire(10).close();
        b.reportServerUsage(90); // we count 10: someone else used 80
        assertThat(b.snapshot().external()).isEqualTo(80);
        assertThat(b.snapshot().used()).isEqualTo(90);
        b.acquire(10).close();   // 90 + 10 = 100 fits
        assertThat(now()).isEqualTo(T0);
        b.acquire(1).close();    // full: the first 10 and the 80 both expire at T0 + 60 s
        assertThat(now()).isEqualTo(T0 + 60_000);
    }

    @Test
    void serverCountBelowTheOwnCountReleasesNothing() throws Exception {
        WeightBudget b = budget(10, Duration.ofSeconds(60));
        b.acquire(10).close();
        b.reportServerUsage(0);
        assertThat(b.snapshot().used()).isEqualTo(10);
        b.acquire(1).close();
        assertThat(now()).isEqualTo(T0 + 60_000);
    }

    @Test
    void awaitingTheServerCountAllowsOneRequestInFlightUntilItArrives() throws Exception {
        WeightBudget b = WeightBudget.builder().capacity(100).window(Duration.ofSeconds(60)).clock(time.clock())
                .sleeper(time::sleep).awaitServerCount(true).build();
        WeightBudget.Lease probe = b.acquire(2);
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        Future<?> second = pool.submit(() -> {
            secondThread.set(Thread.currentThread());
            b.acquire(2).close();
            return null;
        });
        Await.until("the second request parks until the server's count arrives", () -> parked(secondThread.get()),
                Duration.ofSeconds(5));
        assertThat(second).isNotDone();
        b.reportServerUsage(2);
        second.get(5, TimeUnit.SECONDS);
        probe.close();
        // now requests overlap freely
        WeightBudget.Lease a = b.acquire(2);
        WeightBudget.Lease c = b.acquire(2);
        assertThat(b.snapshot().inFlight()).isEqualTo(4);
        a.close();
        c.close();
    }

    @Test
    void callersAreServedFirstComeFirstServed() throws Exception {
        // A blocking sleeper: the head of the queue parks in it until we let time pass.
        CountDownLatch headSleeping = new CountDownLatch(1);
        CountDownLatch letTimePass = new CountDownLatch(1);
        Sleeper gate = d -> {
            headSleeping.countDown();
            letTimePass.await();
            time.sleep(d);
        };
        WeightBudget b = WeightBudget.builder().capacity(10).window(Duration.ofSeconds(60)).clock(time.clock())
                .sleeper(gate).build();
        b.acquire(8).close();
        CompletableFuture<Long> big = CompletableFuture.supplyAsync(() -> acquireAt(b, 5), pool);
        assertThat(headSleeping.await(5, TimeUnit.SECONDS)).isTrue();
        // 1 unit would fit now, but the big request came first: the small one parks in the queue behind it
        AtomicReference<Thread> smallThread = new AtomicReference<>();
        CompletableFuture<Long> small = CompletableFuture.supplyAsync(() -> {
            smallThread.set(Thread.currentThread());
            return acquireAt(b, 1);
        }, pool);
        Await.until("the small request parks behind the big one", () -> parked(smallThread.get()),
                Duration.ofSeconds(5));
        assertThat(small).isNotDone();
        letTimePass.countDown();
        assertThat(big.get(5, TimeUnit.SECONDS)).isEqualTo(T0 + 60_000);
        assertThat(small.get(5, TimeUnit.SECONDS)).isEqualTo(T0 + 60_000);
    }

    @Test
    void anInterruptedWaiterTakesNothingAndLetsTheQueueMoveOn() throws Exception {
        WeightBudget b = budget(10, Duration.ofSeconds(60));
        WeightBudget.Lease held = b.acquire(10);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<?> interrupted = pool.submit(() -> {
            waiter.set(Thread.currentThread());
            b.acquire(5);
            return null;
        });
        Await.until("the waiter parks in the budget", () -> parked(waiter.get()), Duration.ofSeconds(5));
        interrupted.cancel(true);
        Future<Long> next = pool.submit(() -> acquireAt(b, 1));
        held.close();
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(T0 + 60_000);
        assertThat(b.snapshot().acquiredWeight()).isEqualTo(11);
    }

    /** Parked without a timeout: in this budget, only a caller waiting for its turn or for in-flight weight is. */
    private static boolean parked(Thread t) {
        return t != null && t.getState() == Thread.State.WAITING;
    }

    @Test
    void badWeightsNameTheCapacity() {
        WeightBudget b = budget(10, Duration.ofSeconds(60));
        assertThatThrownBy(() -> b.acquire(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight must be in [1, 10]").hasMessageContaining("got 11");
        assertThatThrownBy(() -> b.acquire(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightBudget.builder().capacity(0)).hasMessageContaining("capacity must be >= 1");
        assertThatThrownBy(() -> WeightBudget.builder().window(Duration.ZERO)).hasMessageContaining("at least 1 ms");
        assertThat(b.toString()).contains("10 per PT1M");
        assertThat(b.capacity()).isEqualTo(10);
        assertThat(b.window()).isEqualTo(Duration.ofSeconds(60));
    }

    private long acquireAt(WeightBudget b, int weight) {
        try {
            b.acquire(weight).close();
            return now();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
