package io.qlir.data.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often to retry a failed call and how long to wait before each retry: capped exponential backoff with jitter.
 *
 * <p>Retry {@code n} (the wait after the {@code n}-th failed attempt) waits at most
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))}; jitter then shortens that ceiling by a random fraction of
 * up to {@code jitter} (0 = always the ceiling, 1 = anywhere between zero and the ceiling, "full jitter"), so that
 * clients that failed together spread out instead of retrying in lockstep. The policy is an immutable value; the
 * random generator is passed in by the caller so that tests can seed it.
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.builder()
 *         .maxAttempts(6)                       // 1 call + 5 retries
 *         .initialDelay(Duration.ofMillis(500))
 *         .maxDelay(Duration.ofSeconds(30))
 *         .jitter(0.5)
 *         .build();
 * Duration wait = p.delayBeforeRetry(3, random);   // somewhere in [1 s, 2 s]
 * }</pre>
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
    }

    /**
     * The default policy: 6 attempts, 500 ms initial delay doubling up to 30 s, jitter 0.5.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries (one attempt).
     *
     * @return the no-retry policy
     */
    public static RetryPolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialDelay(initialDelay).maxDelay(maxDelay)
                .multiplier(multiplier).jitter(jitter);
    }

    /**
     * The most attempts a call gets, the first one included.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The delay ceiling before the first retry.
     *
     * @return the initial delay
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * The cap on any single delay.
     *
     * @return the maximum delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The growth factor of the delay ceiling from one retry to the next.
     *
     * @return at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The largest fraction by which jitter shortens a delay.
     *
     * @return a value in {@code [0, 1]}
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Whether another attempt is allowed after {@code attemptsMade} attempts failed.
     *
     * @param attemptsMade how many attempts were made so far (at least 1)
     * @return true when {@code attemptsMade < maxAttempts()}
     */
    public boolean allowsRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The delay ceiling before retry {@code retry}, without jitter: {@code min(maxDelay, initialDelay *
     * multiplier^(retry-1))}.
     *
     * @param retry the retry number, 1 for the first retry
     * @return the ceiling
     * @throws IllegalArgumentException when {@code retry < 1}
     */
    public Duration ceilingBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry number must be >= 1 (1 = first retry), got " + retry);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, retry - 1);
        long cap = maxDelay.toNanos();
        return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
    }

    /**
     * The delay before retry {@code retry}: the ceiling shortened by a random fraction in {@code [0, jitter)}.
     *
     * @param retry the retry number, 1 for the first retry
     * @param random the source of jitter (seed it in tests)
     * @return a delay in {@code (ceiling * (1 - jitter), ceiling]}
     * @throws IllegalArgumentException when {@code retry < 1}
     */
    public Duration delayBeforeRetry(int retry, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        Duration ceiling = ceilingBeforeRetry(retry);
        if (jitter == 0.0) {
            return ceiling;
        }
        double factor = 1.0 - jitter * random.nextDouble();
        return Duration.ofNanos((long) (ceiling.toNanos() * factor));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.initialDelay.equals(initialDelay)
                && p.maxDelay.equals(maxDelay) && Double.compare(p.multiplier, multiplier) == 0
                && Double.compare(p.jitter, jitter) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialDelay, maxDelay, multiplier, jitter);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", multiplier=" + multiplier + ", jitter=" + jitter + "}";
    }

    /** Collects the options of a {@link RetryPolicy}; every option has a default. */
    public static final class Builder {
        private int maxAttempts = 6;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.5;

        private Builder() {
        }

        /**
         * The most attempts a call gets, the first one included (default 6).
         *
         * @param attempts at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code attempts < 1}
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1 (1 = no retries), got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The delay ceiling before the first retry (default 500 ms).
         *
         * @param delay zero or positive
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = nonNegative(delay, "initialDelay");
            return this;
        }

        /**
         * The cap on any single delay (default 30 s).
         *
         * @param delay zero or positive
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = nonNegative(delay, "maxDelay");
            return this;
        }

        /**
         * The growth factor of the delay from one retry to the next (default 2).
         *
         * @param factor at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1 or not finite
         */
        public Builder multiplier(double factor) {
            if (!(factor >= 1.0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + factor);
            }
            this.multiplier = factor;
            return this;
        }

        /**
         * The largest fraction by which jitter shortens a delay (default 0.5; 0 = no jitter, 1 = full jitter).
         *
         * @param fraction in {@code [0, 1]}
         * @return this builder
         * @throws IllegalArgumentException when outside {@code [0, 1]}
         */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0.0 && fraction <= 1.0)) {
                throw new IllegalArgumentException("jitter must be in [0, 1], got " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException when {@code initialDelay > maxDelay}
         */
        public RetryPolicy build() {
            if (initialDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException("initialDelay " + initialDelay + " exceeds maxDelay " + maxDelay);
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
