package io.qlir.data.retry;

import java.time.Duration;

/**
 * Waits for a duration: the one seam through which retrying and pacing code lets time pass.
 *
 * <p>Production code uses {@link #system()}; tests pass a sleeper that advances a manual clock instead of
 * blocking, so a backoff of minutes takes no time at all.
 * <pre>{@code
 * Sleeper real = Sleeper.system();
 * Sleeper fake = d -> manualClock.advance(d);   // a test double
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given duration; a zero or negative duration returns at once.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread ({@link Thread#sleep(long, int)}).
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
