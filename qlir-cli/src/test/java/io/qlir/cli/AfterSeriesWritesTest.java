package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one "after a series' writes, do X off-thread" worker that {@code serve --agg}, {@code serve --push} and
 * {@code agg --follow --push} share: requests never wait, requests for a queued series fold into one step, a failure
 * is counted and the next request runs again, a chained worker follows each step, and close is bounded.
 */
class AfterSeriesWritesTest {

    static final FetchJob BTC = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);
    static final FetchJob ETH = FetchJob.of(Endpoint.KLINES, "ETHUSDT", Interval.M1);

    @Test
    void requestsWhileAStepIsQueuedFoldIntoOneAndTheWriterNeverWaits() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<FetchJob> steps = new CopyOnWriteArrayList<>();
        try (AfterSeriesWrites w = new AfterSeriesWrites("test", job -> {
            steps.add(job);
            running.countDown();
            release.await();
        })) {
            w.request(BTC);
            assertThat(running.await(30, TimeUnit.SECONDS)).as("the first step started").isTrue();
            // the worker is busy with BTC: these return at once, BTC's fold into one more step, ETH queues once
            for (int i = 0; i < 100; i++) {
                w.request(BTC);
                w.request(ETH);
            }
            release.countDown();
            assertThat(w.close(Duration.ofSeconds(30))).isTrue();
            assertThat(steps).containsExactly(BTC, BTC, ETH);
            assertThat(w.runs()).isEqualTo(3);
            assertThat(w.failures()).isZero();
        }
    }

    @Test
    void aFailingStepIsCountedAndTheNextRequestRunsItAgainThenTheChainedWorkerFollows() throws Exception {
        List<FetchJob> pushed = new CopyOnWriteArrayList<>();
        AfterSeriesWrites push = new AfterSeriesWrites("test-push", pushed::add);
        CountDownLatch firstFailed = new CountDownLatch(1);
        int[] calls = {0};
        AfterSeriesWrites agg = new AfterSeriesWrites("test-agg", job -> {
            if (calls[0]++ == 0) {
                firstFailed.countDown();
                throw new IllegalStateException("disk full");
            }
        }).then(push);
        agg.request(BTC);
        assertThat(firstFailed.await(30, TimeUnit.SECONDS)).isTrue();
        agg.request(BTC);
        assertThat(agg.close(Duration.ofSeconds(30))).as("both workers drained within the bound").isTrue();
        assertThat(agg.failures()).isEqualTo(1);
        assertThat(agg.runs()).isEqualTo(1);
        assertThat(pushed).as("the chained worker ran after each step, folded when queued").isNotEmpty()
                .allMatch(BTC::equals).hasSizeLessThanOrEqualTo(2);
        assertThat(push.failures()).isZero();
    }

    @Test
    void closeIsBoundedAStepStillRunningIsAbandonedAndLaterRequestsAreRefusedQuietly() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AfterSeriesWrites w = new AfterSeriesWrites("test-stuck", job -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(); // a push that never ends
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        w.request(BTC);
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(w.close(Duration.ofMillis(50))).as("not finished within the bound").isFalse();
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the stuck step was interrupted").isTrue();
        w.request(ETH); // after close: nothing runs, nothing throws
        assertThat(w.runs()).isZero();
    }
}
