package io.qlir.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one bounded wait for tests: polls a condition until it holds, and fails with a message naming what was
 * awaited when it does not hold in time. Tests never sleep to wait and never assert timings; where no latch or
 * manual clock can tell that something happened, they wait for it with this.
 * <pre>{@code
 * Await.until("the server has stopped", () -> !server.isRunning(), Duration.ofSeconds(30));
 * Await.until("the waiter parks in the budget", () -> waiter.get().getState() == Thread.State.WAITING,
 *         Duration.ofSeconds(5));
 * }</pre>
 */
public final class Await {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Await() {
    }

    /**
     * Waits until {@code condition} holds, checking it every few milliseconds.
     *
     * @param what what is awaited, for the failure message (for example "the fetch has finished")
     * @param condition the condition; checked at least once, even with a zero timeout
     * @param timeout how long to wait at most
     * @throws AssertionError when the condition does not hold within the timeout, or the waiting thread is
     *     interrupted (its interrupt flag is kept)
     */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting until " + what);
            }
        }
    }
}
