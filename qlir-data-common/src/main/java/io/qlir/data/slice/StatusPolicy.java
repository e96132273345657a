package io.qlir.data.slice;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one function that decides a slice's status from its bounds, the rows received and "now".
 *
 * <p>{@link #classify} checks, in this order (first match wins; "now" is the time the rows were received):
 * <ol>
 *   <li>rows outside the slice, off the interval, duplicated or out of order → {@code failed/invalid_response};</li>
 *   <li>no rows → {@code empty/no_data};</li>
 *   <li>a candle whose close time is not before now (it has not closed) → {@code partial/still_forming}, also
 *       when the slice is otherwise full;</li>
 *   <li>{@code limit} rows, contiguous from the slice start → {@code complete/none};</li>
 *   <li>short or gapped, and the slice's last candle has not closed (its end is now or later) →
 *       {@code partial/still_forming};</li>
 *   <li>short or gapped, and the slice ended more than the grace period ago → {@code complete/historical_sparsity}
 *       (the gaps are real and final);</li>
 *   <li>otherwise (ended, still within the grace) → {@code partial/awaiting_upstream}, checked again later.</li>
 * </ol>
 * The grace is, unless set, the smaller of 2.5 slice spans and 3 days. A stored status is re-checked with
 * {@link #recheck} at the time its file was written, so re-checking is stable: a restart never turns a good file
 * into {@code needs_refresh}. {@link #dueAt} says when a stored slice should be fetched again.
 * <pre>{@code
 * StatusPolicy policy = StatusPolicy.defaults();
 * SliceVerdict v = policy.classify(key, openTimes, clock.instant());   // e.g. partial/still_forming
 * }</pre>
 */
public final class StatusPolicy {

    private static final Duration MAX_DEFAULT_GRACE = Duration.ofDays(3);
    private static final Duration MIN_RECHECK = Duration.ofMinutes(1);
    private static final Duration MAX_RECHECK = Duration.ofHours(1);
    private static final StatusPolicy DEFAULTS = new StatusPolicy(null, null);

    private final Duration grace;
    private final Duration recheck;

    private StatusPolicy(Duration grace, Duration recheck) {
        this.grace = grace;
        this.recheck = recheck;
    }

    /**
     * The default policy: grace {@code min(2.5 spans, 3 days)}, re-check partial slices after one interval
     * (at least a minute, at most an hour).
     *
     * @return the default policy
     */
    public static StatusPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * This policy with a fixed grace period for every slice.
     *
     * @param grace how long after its end a short slice is still awaited (not negative)
     * @return a new policy
     * @throws IllegalArgumentException when the grace is negative
     */
    public StatusPolicy withGrace(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("bad grace " + grace + "; valid: zero or positive");
        }
        return new StatusPolicy(grace, recheck);
    }

    /**
     * This policy with a fixed delay before a partial slice is due again.
     *
     * @param recheck the delay after a partial slice was written (positive)
     * @return a new policy
     * @throws IllegalArgumentException when the delay is not positive
     */
    public StatusPolicy withRecheck(Duration recheck) {
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("bad re-check delay " + recheck + "; valid: positive");
        }
        return new StatusPolicy(grace, recheck);
    }

    /**
     * The fixed grace period, when one was set.
     *
     * @return the grace, or empty for the default {@code min(2.5 spans, 3 days)}
     */
    public Optional<Duration> fixedGrace() {
        return Optional.ofNullable(grace);
    }

    /**
     * The grace period for a slice.
     *
     * @param key the slice
     * @return the fixed grace, or the smaller of 2.5 spans and 3 days
     */
    public Duration grace(SliceKey key) {
        if (grace != null) {
            return grace;
        }
        long twoAndHalfSpans = key.spanMs() * 5 / 2;
        return twoAndHalfSpans < MAX_DEFAULT_GRACE.toMillis() ? Duration.ofMillis(twoAndHalfSpans) : MAX_DEFAULT_GRACE;
    }

    /**
     * The delay after which a partial slice is due again.
     *
     * @param key the slice
     * @return the fixed delay, or one interval clamped to [1 minute, 1 hour]
     */
    public Duration recheckDelay(SliceKey key) {
        if (recheck != null) {
            return recheck;
        }
        if (!key.interval().isFixed()) {
            return MAX_RECHECK;
        }
        long ms = Math.max(MIN_RECHECK.toMillis(), Math.min(MAX_RECHECK.toMillis(), key.interval().fixedMillis()));
        return Duration.ofMillis(ms);
    }

    /**
     * Classifies received open times (see the class comment for the order of the rules).
     *
     * @param key the slice the rows were fetched for
     * @param openTimes the open times, in the order received
     * @param now when the rows were received
     * @return the verdict
     */
    public SliceVerdict classify(SliceKey key, long[] openTimes, Instant now) {
        return classify(key, RowSummary.of(key, openTimes), now);
    }

    /**
     * Classifies a summary of received rows (see the class comment for the order of the rules).
     *
     * @param key the slice the rows were fetched for
     * @param rows the summary of the received open times
     * @param now when the rows were received
     * @return the verdict
     */
    public SliceVerdict classify(SliceKey key, RowSummary rows, Instant now) {
        long nowMs = now.toEpochMilli();
        if (!rows.isWellFormed()) {
            return SliceVerdict.failed(SliceReason.INVALID_RESPONSE);
        }
        if (rows.count() == 0) {
            return new SliceVerdict(SliceStatus.EMPTY, SliceReason.NO_DATA);
        }
        if (key.interval().closeTime(rows.lastOpenMs()) >= nowMs) {
            return new SliceVerdict(SliceStatus.PARTIAL, SliceReason.STILL_FORMING);
        }
        if (rows.isFull(key)) {
            return SliceVerdict.COMPLETE;
        }
        if (key.endMs() >= nowMs) {
            return new SliceVerdict(SliceStatus.PARTIAL, SliceReason.STILL_FORMING);
        }
        if (nowMs - key.endExclusiveMs() > grace(key).toMillis()) {
            return new SliceVerdict(SliceStatus.COMPLETE, SliceReason.HISTORICAL_SPARSITY);
        }
        return new SliceVerdict(SliceStatus.PARTIAL, SliceReason.AWAITING_UPSTREAM);
    }

    /**
     * Re-checks a stored status against the policy re-run on the file's own rows, at the time it was written.
     *
     * <p>Only statuses the policy produces ({@code complete}, {@code partial}, {@code empty}) are re-checked, and
     * only the status is compared (a file written by another tool may explain the same status differently).
     *
     * @param key the slice
     * @param stored the status and reason recorded in the file
     * @param rows the summary of the file's rows
     * @param writtenAt when the file was written (its {@code completed_at})
     * @return {@code stored} when it agrees, else {@code needs_refresh/none}
     */
    public SliceVerdict recheck(SliceKey key, SliceVerdict stored, RowSummary rows, Instant writtenAt) {
        if (!stored.status().isPolicyOutcome()) {
            return stored;
        }
        SliceVerdict rerun = classify(key, rows, writtenAt);
        return rerun.status() == stored.status() ? stored : new SliceVerdict(SliceStatus.NEEDS_REFRESH, SliceReason.NONE);
    }

    /**
     * When a slice with a stored status should be fetched again.
     *
     * <ul>
     *   <li>{@code missing}, {@code failed}, {@code needs_refresh}: now ({@link Instant#EPOCH});</li>
     *   <li>{@code complete}: never;</li>
     *   <li>{@code partial}: {@link #recheckDelay} after it was written (now when that time is unknown);</li>
     *   <li>{@code empty}: never when written more than the grace after the slice ended, else like partial.</li>
     * </ul>
     *
     * @param key the slice
     * @param stored its stored status
     * @param writtenAt when its file was written, or null when unknown
     * @return the time it becomes due, or empty when it never does
     */
    public Optional<Instant> dueAt(SliceKey key, SliceVerdict stored, Instant writtenAt) {
        Objects.requireNonNull(stored, "stored");
        switch (stored.status()) {
            case COMPLETE:
                return Optional.empty();
            case EMPTY:
                if (writtenAt != null
                        && writtenAt.toEpochMilli() - key.endExclusiveMs() > grace(key).toMillis()) {
                    return Optional.empty();
                }
                return Optional.of(writtenAt == null ? Instant.EPOCH : writtenAt.plus(recheckDelay(key)));
            case PARTIAL:
                return Optional.of(writtenAt == null ? Instant.EPOCH : writtenAt.plus(recheckDelay(key)));
            default:
                return Optional.of(Instant.EPOCH);
        }
    }

    /**
     * Describes the settings.
     *
     * @return for example {@code StatusPolicy[grace=min(2.5 spans, 3 days), recheck=1 interval in [1m, 1h]]}
     */
    @Override
    public String toString() {
        return "StatusPolicy[grace=" + (grace == null ? "min(2.5 spans, 3 days)" : grace)
                + ", recheck=" + (recheck == null ? "1 interval in [1m, 1h]" : recheck) + "]";
    }
}
