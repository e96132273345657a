package io.qlir.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manual clock for tests: time moves only when a test {@link #advance(Duration) advances} it or when code
 * {@link #sleep(Duration) sleeps} on it, so backoffs and rate-limit waits take no real time. Hand the same instance
 * to the client (as clock and sleeper) and to the fake (as its rate-limit clock) and both sides agree on time.
 * <pre>{@code
 * ManualTime time = new ManualTime(Instant.parse("2024-01-01T00:00:00Z"));
 * BinanceClient c = BinanceClient.builder().clock(time.clock()).sleeper(time::sleep).build();
 * }</pre>
 */
public final class ManualTime {

    private final AtomicLong nowMs;
    private final Clock clock = new ManualClock();

    /**
     * A manual time starting at an instant.
     *
     * @param start the initial time
     */
    public ManualTime(Instant start) {
        this.nowMs = new AtomicLong(start.toEpochMilli());
    }

    /**
     * The clock view.
     *
     * @return a UTC clock reading this manual time
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The current time.
     *
     * @return now
     */
    public Instant now() {
        return Instant.ofEpochMilli(nowMs.get());
    }

    /**
     * Moves time forward.
     *
     * @param d how far (negative durations are ignored)
     */
    public void advance(Duration d) {
        if (!d.isNegative()) {
            nowMs.addAndGet(d.toMillis());
        }
    }

    /**
     * "Sleeps" by moving time forward at once; usable as a {@code Sleeper} ({@code time::sleep}).
     *
     * @param d how long
     * @throws InterruptedException when the calling thread is interrupted
     */
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while sleeping on manual time");
        }
        advance(d);
    }

    private final class ManualClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // manual time is always read in UTC
        }

        @Override
        public long millis() {
            return nowMs.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs.get());
        }
    }
}
