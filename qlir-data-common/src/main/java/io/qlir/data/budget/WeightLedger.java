package io.qlir.data.budget;

import java.util.ArrayDeque;

/**
 * The accounting behind a {@link WeightBudget}: weight in flight, weight released and not yet expired, and weight
 * reserved for others because the server counted more than we did. Not thread-safe: the budget guards it with its
 * lock.
 */
final class WeightLedger {

    /** The answer of {@link #millisUntilFits(int, long)} when only in-flight requests block. */
    static final long BLOCKED_BY_IN_FLIGHT = -1;

    private final int capacity;
    private final long windowMs;
    /** Released leases as {expiresAtMs, weight}, in expiry order (kept sorted even if the clock steps back). */
    private final ArrayDeque<long[]> released = new ArrayDeque<>();
    private long releasedWeight;
    private int inFlightWeight;
    private int inFlightCount;
    private int externalWeight;
    private long externalExpiresAtMs;

    WeightLedger(int capacity, long windowMs) {
        this.capacity = capacity;
        this.windowMs = windowMs;
    }

    void take(int weight) {
        inFlightWeight += weight;
        inFlightCount++;
    }

    void release(int weight, long now) {
        inFlightWeight -= weight;
        inFlightCount--;
        long expiresAt = now + windowMs;
        if (!released.isEmpty() && released.peekLast()[0] > expiresAt) {
            expiresAt = released.peekLast()[0]; // a clock that stepped back: hold the weight a little longer
        }
        released.addLast(new long[] {expiresAt, weight});
        releasedWeight += weight;
    }

    /** Reserves, for one window, whatever the server counted beyond our own count. */
    void serverCounted(int usedWeight, long now) {
        purge(now);
        long excess = usedWeight - (releasedWeight + inFlightWeight);
        // only ever raised: our own count includes requests in flight that the server has not counted yet, so a
        // later report can show less excess than there is; lowering the reservation then lets a burst through
        if (excess > external(now)) {
            externalWeight = (int) Math.min(excess, Integer.MAX_VALUE);
            externalExpiresAtMs = now + windowMs;
        }
    }

    int inFlightCount() {
        return inFlightCount;
    }

    int inFlightWeight() {
        return inFlightWeight;
    }

    int external(long now) {
        return now < externalExpiresAtMs ? externalWeight : 0;
    }

    int used(long now) {
        purge(now);
        return (int) (releasedWeight + inFlightWeight + external(now));
    }

    /**
     * How long until {@code weight} fits: 0 = now, a positive number of milliseconds = until enough weight expires,
     * {@link #BLOCKED_BY_IN_FLIGHT} = expiries alone are not enough; only finishing in-flight requests can help.
     */
    long millisUntilFits(int weight, long now) {
        purge(now);
        long external = external(now);
        long excess = releasedWeight + inFlightWeight + external + weight - capacity;
        if (excess <= 0) {
            return 0;
        }
        // Walk the expiries in order (the external reservation merged in) until enough weight has expired.
        long freed = 0;
        boolean externalCounted = external == 0;
        for (long[] entry : released) {
            if (!externalCounted && externalExpiresAtMs <= entry[0]) {
                externalCounted = true;
                freed += external;
                if (freed >= excess) {
                    return Math.max(1, externalExpiresAtMs - now);
                }
            }
            freed += entry[1];
            if (freed >= excess) {
                return Math.max(1, entry[0] - now);
            }
        }
        if (!externalCounted && freed + external >= excess) {
            return Math.max(1, externalExpiresAtMs - now);
        }
        return BLOCKED_BY_IN_FLIGHT;
    }

    private void purge(long now) {
        while (!released.isEmpty() && released.peekFirst()[0] <= now) {
            releasedWeight -= released.pollFirst()[1];
        }
    }
}
