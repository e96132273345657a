package io.qlir.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * One job in a {@link HealthReport}.
 *
 * @param job the job's name, as the {@code job} label of the metrics
 * @param state {@code ok}, {@code lagging}, {@code failing}, {@code failed} (ended for good) or {@code stopped}
 * @param lagSeconds now minus the close of the newest closed candle stored; NaN while none is stored
 * @param lastWrite when the job last wrote a slice in this process, or null
 * @param lastError the job's last failure in words, or null
 */
public record JobHealth(String job, String state, double lagSeconds, Instant lastWrite, String lastError) {

    /**
     * The last failure in words.
     *
     * @return the message, or empty
     */
    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Whether the job counts as healthy.
     *
     * @return true for {@code ok}
     */
    public boolean isOk() {
        return "ok".equals(state);
    }
}
