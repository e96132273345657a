package io.qlir.data.budget;

import io.qlir.data.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread-safe weight budget per time window, shared by every request of a process that goes to one rate-limited
 * server (Binance counts weight per IP, so all jobs of a process share it).
 *
 * <p><b>How it paces.</b> Each {@link #acquire(int) acquired} weight occupies the budget from the moment it is
 * acquired until one {@link #window() window} after its {@link Lease} is closed (the response arrived). A request
 * reaches the server somewhere between those two instants, so in any window-long interval of server time the
 * server sees at most {@link #capacity()} weight from this process, whatever the phase of the server's own windows:
 * alone on an IP, a client behind this budget never exceeds the limit. Callers are served first come, first
 * served; a caller waits by the injected {@link Sleeper} while time must pass, and on a condition while only
 * in-flight requests block it.
 *
 * <p><b>How it listens.</b> {@link #reportServerUsage(int)} takes the server's count (Binance's
 * {@code X-MBX-USED-WEIGHT-1M}); any excess over the budget's own count (another process on the same IP, or a
 * previous run of this one) is reserved for one window. {@link #pauseUntil(Instant, String)} stops every caller
 * until an instant (HTTP 429 {@code Retry-After}, or a 418 ban). With {@link Builder#awaitServerCount(boolean)}, the
 * budget lets only one request fly until the server has reported its count, so a restarted process does not burst
 * into weight its predecessor already used.
 * <pre>{@code
 * WeightBudget budget = WeightBudget.builder().capacity(6000).window(Duration.ofMinutes(1))
 *         .awaitServerCount(true).build();
 * try (WeightBudget.Lease lease = budget.acquire(2)) {
 *     // send the request, read the response
 * }
 * }</pre>
 */
public final class WeightBudget {

    private final int capacity;
    private final Duration window;
    private final long windowMs;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean awaitServerCount;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // Guarded by lock.
    private final WeightLedger ledger;
    private long pausedUntilMs = Long.MIN_VALUE;
    private String pauseReason = "";
    private boolean serverCountSeen;
    private long nextTicket;
    private long servingTicket;
    private final Set<Long> abandonedTickets = new HashSet<>();
    private long acquiredWeight;
    private long waitedAcquires;

    private WeightBudget(Builder b) {
        this.capacity = b.capacity;
        this.window = b.window;
        this.windowMs = b.window.toMillis();
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.awaitServerCount = b.awaitServerCount;
        this.ledger = new WeightLedger(capacity, windowMs);
    }

    /**
     * A builder (defaults: capacity 6000 per minute, system clock and sleeper, no wait for the server count).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this budget's settings, for a new budget like it; the new one starts empty (the weight
     * spent here is not carried over, so two budgets on one IP still need sharing, not copying).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().capacity(capacity).window(window).clock(clock).sleeper(sleeper)
                .awaitServerCount(awaitServerCount);
    }

    /**
     * The capacity per window.
     *
     * @return the most weight in any window
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The window length.
     *
     * @return the window
     */
    public Duration window() {
        return window;
    }

    /**
     * Blocks until {@code weight} fits in the budget (and no pause is in force), then takes it. Close the returned
     * lease when the response has arrived (or the request failed); the weight then stays counted for one window.
     *
     * @param weight the request's weight, in {@code [1, capacity]}
     * @return the lease holding the weight
     * @throws InterruptedException when the waiting thread is interrupted (nothing is taken)
     * @throws IllegalArgumentException when the weight is below 1 or above the capacity
     */
    public Lease acquire(int weight) throws InterruptedException {
        if (weight < 1 || weight > capacity) {
            throw new IllegalArgumentException("weight must be in [1, " + capacity + "] (the capacity per " + window
                    + "), got " + weight);
        }
        long ticket;
        lock.lockInterruptibly();
        try {
            ticket = nextTicket++;
            try {
                while (ticket != servingTicket) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                abandon(ticket);
                throw e;
            }
        } finally {
            lock.unlock();
        }
        try {
            return acquireAsHead(weight);
        } catch (InterruptedException | RuntimeException | Error e) {
            lock.lock();
            try {
                abandon(ticket);
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** Waits, as the head of the queue, until the weight fits; then takes it and hands the head on. */
    private Lease acquireAsHead(int weight) throws InterruptedException {
        boolean waited = false;
        while (true) {
            long sleepMs;
            lock.lock();
            try {
                sleepMs = millisUntilFits(weight, clock.millis());
                if (sleepMs == 0) {
                    ledger.take(weight);
                    acquiredWeight += weight;
                    if (waited) {
                        waitedAcquires++;
                    }
                    advanceServing();
                    return new Lease(weight);
                }
                waited = true;
                if (sleepMs < 0) { // only in-flight requests block us: wait until one finishes
                    changed.await();
                    continue;
                }
            } finally {
                lock.unlock();
            }
            if (Thread.interrupted()) { // await() may return signalled with the interrupt still pending
                throw new InterruptedException("interrupted while waiting for " + weight + " weight");
            }
            sleeper.sleep(Duration.ofMillis(sleepMs));
        }
    }

    /** Gives up a ticket (its holder was interrupted); call with the lock held. */
    private void abandon(long ticket) {
        if (ticket == servingTicket) {
            advanceServing();
        } else if (ticket > servingTicket) {
            abandonedTickets.add(ticket);
        }
    }

    /** Moves the head of the queue to the next ticket still waiting; call with the lock held. */
    private void advanceServing() {
        servingTicket++;
        while (abandonedTickets.remove(servingTicket)) {
            servingTicket++;
        }
        changed.signalAll();
    }

    /**
     * How long the head of the queue must wait before {@code weight} fits: 0 = now, a positive number of
     * milliseconds = time must pass, negative = only the completion of an in-flight request can help.
     */
    private long millisUntilFits(int weight, long now) {
        if (now < pausedUntilMs) {
            return pausedUntilMs - now;
        }
        if (awaitServerCount && !serverCountSeen && ledger.inFlightCount() > 0) {
            return WeightLedger.BLOCKED_BY_IN_FLIGHT;
        }
        return ledger.millisUntilFits(weight, now);
    }

    private void release(int weight) {
        lock.lock();
        try {
            ledger.release(weight, clock.millis());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the server's own count of the weight used in its current window (Binance: {@code X-MBX-USED-WEIGHT-1M}).
     * Whatever exceeds this budget's own count was used by someone else on the same IP and is reserved for one
     * window; a lower count changes nothing (the budget never trusts a count to release weight early).
     *
     * @param usedWeight the server-reported weight, zero or positive
     */
    public void reportServerUsage(int usedWeight) {
        lock.lock();
        try {
            serverCountSeen = true;
            ledger.serverCounted(usedWeight, clock.millis());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops every caller of {@link #acquire(int)} until an instant (a later pause already in force wins).
     *
     * @param until the instant from which requests may go again
     * @param reason why, for the snapshot (for example {@code "HTTP 418, Retry-After 120 s"})
     */
    public void pauseUntil(Instant until, String reason) {
        Objects.requireNonNull(until, "until");
        lock.lock();
        try {
            long ms = until.toEpochMilli();
            if (ms > pausedUntilMs) {
                pausedUntilMs = ms;
                pauseReason = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The instant until which callers are paused, when a pause is in force now.
     *
     * @return the end of the pause, or empty
     */
    public Optional<Instant> pausedUntil() {
        lock.lock();
        try {
            return clock.millis() < pausedUntilMs ? Optional.of(Instant.ofEpochMilli(pausedUntilMs))
                    : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A consistent view of the budget now.
     *
     * @return the snapshot
     */
    public Snapshot snapshot() {
        lock.lock();
        try {
            long now = clock.millis();
            Optional<Instant> paused = now < pausedUntilMs ? Optional.of(Instant.ofEpochMilli(pausedUntilMs))
                    : Optional.empty();
            return new Snapshot(capacity, window, ledger.used(now), ledger.inFlightWeight(), ledger.external(now),
                    paused, paused.isPresent() ? pauseReason : "", acquiredWeight, waitedAcquires);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "WeightBudget{" + capacity + " per " + window + "}";
    }

    /**
     * A view of a budget at one instant.
     *
     * @param capacity the capacity per window
     * @param window the window length
     * @param used the weight counted now (in flight, released less than a window ago, and reserved for others)
     * @param inFlight the weight of requests whose response has not arrived yet
     * @param external the weight reserved because the server counted more than this budget did
     * @param pausedUntil the end of the pause in force, if any
     * @param pauseReason why the budget is paused ({@code ""} when it is not)
     * @param acquiredWeight the total weight acquired since creation
     * @param waitedAcquires how many acquisitions had to wait
     */
    public record Snapshot(int capacity, Duration window, int used, int inFlight, int external,
            Optional<Instant> pausedUntil, String pauseReason, long acquiredWeight, long waitedAcquires) {
    }

    /**
     * Weight held by one request. Close it when the response has arrived or the request failed: the weight then
     * stays counted for one more window. Closing twice is harmless.
     */
    public final class Lease implements AutoCloseable {
        private final int weight;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(int weight) {
            this.weight = weight;
        }

        /**
         * The weight this lease holds.
         *
         * @return the weight
         */
        public int weight() {
            return weight;
        }

        /** Marks the request as finished; its weight expires one window from now. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(weight);
            }
        }
    }

    /** Collects the options of a {@link WeightBudget}. */
    public static final class Builder {
        private int capacity = 6000;
        private Duration window = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private boolean awaitServerCount;

        private Builder() {
        }

        /**
         * The most weight in any window (default 6000, Binance spot's limit per minute per IP).
         *
         * @param weight at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder capacity(int weight) {
            if (weight < 1) {
                throw new IllegalArgumentException("capacity must be >= 1, got " + weight);
            }
            this.capacity = weight;
            return this;
        }

        /**
         * The window length (default one minute).
         *
         * @param length at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException when shorter than a millisecond
         */
        public Builder window(Duration length) {
            Objects.requireNonNull(length, "window");
            if (length.toMillis() < 1) {
                throw new IllegalArgumentException("window must be at least 1 ms, got " + length);
            }
            this.window = length;
            return this;
        }

        /**
         * The clock that says what time it is (default the system UTC clock).
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * How callers wait while time must pass (default {@link Sleeper#system()}).
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /**
         * When true, only one request may be in flight until the server has reported its count once through
         * {@link WeightBudget#reportServerUsage(int)} (default false). Use it when the server reports counts (Binance
         * does), so that a restart does not burst into weight its predecessor already used.
         *
         * @param await whether to wait for the first server count
         * @return this builder
         */
        public Builder awaitServerCount(boolean await) {
            this.awaitServerCount = await;
            return this;
        }

        /**
         * Builds the budget.
         *
         * @return a new, empty budget
         */
        public WeightBudget build() {
            return new WeightBudget(this);
        }
    }
}
