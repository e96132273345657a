package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded wait returns once the condition holds and fails with a message naming it when it does not. */
class AwaitTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();
        Await.until("the third check", () -> checks.incrementAndGet() >= 3, Duration.ofSeconds(30));
        assertThat(checks).hasValue(3);
    }

    @Test
    void aConditionThatHoldsIsCheckedOnceEvenWithNoTime() {
        AtomicInteger checks = new AtomicInteger();
        Await.until("anything", () -> checks.incrementAndGet() > 0, Duration.ZERO);
        assertThat(checks).hasValue(1);
    }

    @Test
    void failsNamingWhatWasAwaited() {
        assertThatThrownBy(() -> Await.until("pigs fly", () -> false, Duration.ofMillis(1)))
                .isInstanceOf(AssertionError.class).hasMessage("timed out after PT0.001S waiting until pigs fly");
    }

    @Test
    void seesAnotherThreadsProgress() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        Await.until("the thread parks on the latch", () -> t.getState() == Thread.State.WAITING,
                Duration.ofSeconds(30));
        go.countDown();
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void anInterruptFailsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.until("never", () -> false, Duration.ofSeconds(30)))
                    .hasMessage("interrupted while waiting until never");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
