package io.qlir.data.budget;

import io.qlir.data.retry.Sleeper;
import io.qlir.data.testing.UtcTestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A manual clock whose sleeper advances it instead of blocking. */
final class ManualTime implements Sleeper {
    private final AtomicLong nowMs;

    ManualTime(long startMs) {
        this.nowMs = new AtomicLong(startMs);
    }

    long millis() {
        return nowMs.get();
    }

    void advance(Duration d) {
        nowMs.addAndGet(d.toMillis());
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) { // as Thread.sleep does: an interrupted sleeper wakes at once, advancing nothing
            throw new InterruptedException("interrupted while sleeping on manual time");
        }
        if (d.toMillis() > 0) {
            nowMs.addAndGet(d.toMillis());
        }
    }

    Clock clock() {
        return new UtcTestClock() {

            @Override
            public long millis() {
                return nowMs.get();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(nowMs.get());
            }
        };
    }
}
