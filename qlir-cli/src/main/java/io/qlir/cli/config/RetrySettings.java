package io.qlir.cli.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed requests are retried: up to {@code maxAttempts} tries, with an exponential backoff (with jitter) that
 * starts at {@code initialBackoff} and is capped at {@code maxBackoff}.
 *
 * @param maxAttempts tries per request, at least 1
 * @param initialBackoff the first wait, positive
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * Checks the values.
     *
     * @param maxAttempts tries per request, at least 1
     * @param initialBackoff the first wait, positive
     * @param maxBackoff the longest wait, at least {@code initialBackoff}
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public RetrySettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry-max-attempts must be at least 1, got " + maxAttempts);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry-max-backoff (" + Values.format(maxBackoff)
                    + ") must not be shorter than retry-initial-backoff (" + Values.format(initialBackoff) + ")");
        }
    }
}
