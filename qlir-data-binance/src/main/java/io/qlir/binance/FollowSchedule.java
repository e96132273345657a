package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.StatusPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a slice is due in follow mode.
 *
 * <p>A slice holding a candle that was still forming when its file was written is due when that candle closes
 * (plus a short settle delay, so Binance has the final values); its tail is what gets fetched. Refreshes while it
 * forms are not due here: with a cadence the scheduler's {@link RefreshPlan} books them at the job's slots. Every
 * other slice follows the status policy. A
 * slice whose attempt failed or changed nothing waits out a growing backoff first, so a slice that keeps failing
 * can never turn the loop into a busy one.
 */
final class FollowSchedule {

    private final Interval interval;
    private final StatusPolicy policy;
    private final long closeDelayMs;
    private final long backoffMs;
    private final long maxBackoffMs;
    private final Map<Long, long[]> backoff = new HashMap<>(); // slice start -> {failures, not before}

    FollowSchedule(Interval interval, StatusPolicy policy, Duration closeDelay, Duration backoff,
                   Duration maxBackoff) {
        this.interval = interval;
        this.policy = policy;
        this.closeDelayMs = closeDelay.toMillis();
        this.backoffMs = backoff.toMillis();
        this.maxBackoffMs = maxBackoff.toMillis();
    }

    /** When the slice is due, or empty when it never becomes due by itself. */
    Optional<Long> dueAt(SliceEntry e) {
        Long at;
        if (e.status() == SliceStatus.PARTIAL && e.reason() == SliceReason.STILL_FORMING && e.completedAt() != null) {
            long written = e.completedAt().toEpochMilli();
            at = interval.closeTime(interval.floor(written)) + 1 + closeDelayMs;
        } else {
            at = policy.dueAt(e.key(), e.verdict(), e.completedAt()).map(i -> i.toEpochMilli()).orElse(null);
        }
        long[] b = backoff.get(e.key().startMs());
        if (at != null && b != null) {
            at = Math.max(at, b[1]);
        }
        return Optional.ofNullable(at);
    }

    /** Records an attempt: a failure or an attempt that changed nothing backs off; a success clears it. */
    void attempted(SliceFetch.Outcome o, long nowMs) {
        long start = o.key().startMs();
        if (o.entry().status() != SliceStatus.FAILED && o.changed()) {
            backoff.remove(start);
            return;
        }
        long[] b = backoff.computeIfAbsent(start, k -> new long[2]);
        b[0]++;
        b[1] = nowMs + delay(b[0]);
    }

    /** The n-th consecutive backoff: doubling from the initial delay up to the cap. */
    long delay(long n) {
        double d = backoffMs * Math.pow(2, Math.min(40, n - 1));
        return (long) Math.min(maxBackoffMs, d);
    }

    /** The open of the next candle after {@code nowMs}, plus the settle delay. */
    long nextClose(long nowMs) {
        return interval.plus(interval.floor(nowMs), 1) + closeDelayMs;
    }
}
