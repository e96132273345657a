package io.qlir.binance;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one data-server job: its phase and what it did since the server started.
 * <pre>{@code
 * for (JobState s : server.states()) {
 *     if (s.phase() == JobPhase.FAILED) log.error("{}: {}", s.job(), s.lastError());
 * }
 * }</pre>
 *
 * @param job the job
 * @param phase what it is doing
 * @param slicesAttempted slices attempted since the server started
 * @param failedSlices of those, how many failed
 * @param rows candle rows received since the server started
 * @param lastError the last failure in words, or null when there was none
 * @param nextWake when a sleeping or backing-off job wakes, or null
 */
public record JobState(FetchJob job, JobPhase phase, long slicesAttempted, long failedSlices, long rows,
                       String lastError, Instant nextWake) {

    /**
     * The last failure in words.
     *
     * @return the message, or empty when nothing failed
     */
    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }
}
