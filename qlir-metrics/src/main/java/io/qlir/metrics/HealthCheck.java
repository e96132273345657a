package io.qlir.metrics;

import io.qlir.binance.FetchJob;
import io.qlir.binance.JobPhase;
import io.qlir.binance.JobState;
import io.qlir.core.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides what {@code /health} says, from the jobs' states and what the {@link QlirMetrics} heard.
 *
 * <p>A job is {@code failing} while it backs off or its last slice failed (until it writes again), {@code failed}
 * when it ended for good, {@code lagging} when its lag exceeds the threshold. The threshold is the configured one,
 * else the longer of three cadences and two intervals, the cadence being the one the server actually runs at (asked
 * at each report, so a cadence stretched to fit the weight budget counts, not the one asked for). The status is DOWN
 * when no job runs, DEGRADED when any job is not {@code ok}, else UP.
 * <pre>{@code
 * HealthCheck health = HealthCheck.builder(metrics, server::states)
 *         .effectiveCadence(() -> server.cadence().orElse(null)).build();
 * health.report().status();   // UP
 * }</pre>
 */
public final class HealthCheck {

    private final QlirMetrics metrics;
    private final Supplier<List<JobState>> states;
    private final Supplier<Duration> cadence;
    private final Duration maxLag;

    private HealthCheck(Builder b) {
        this.metrics = b.metrics;
        this.states = b.states;
        this.cadence = b.cadence;
        this.maxLag = b.maxLag;
    }

    /**
     * A builder for a check over the given jobs.
     *
     * @param metrics the metrics that hear the jobs
     * @param states the jobs' states, for example {@code server::states}
     * @return a builder
     */
    public static Builder builder(QlirMetrics metrics, Supplier<List<JobState>> states) {
        return new Builder(metrics, states);
    }

    /**
     * The lag past which a job counts as lagging.
     *
     * @param job the job
     * @return the configured threshold, else the longer of three cadences and two intervals
     */
    public Duration threshold(FetchJob job) {
        if (maxLag != null) {
            return maxLag;
        }
        Interval iv = job.interval();
        Duration two = Duration.ofMillis(iv.isFixed() ? 2 * iv.fixedMillis() : Duration.ofDays(62).toMillis());
        Duration c = cadence.get();
        Duration three = c == null ? Duration.ZERO : c.multipliedBy(3);
        return two.compareTo(three) >= 0 ? two : three;
    }

    /**
     * The report now.
     *
     * @return the status, the pid and every job
     */
    public HealthReport report() {
        long now = metrics.clock().millis();
        List<JobHealth> jobs = new ArrayList<>();
        int running = 0;
        for (JobState s : states.get()) {
            JobTrack t = metrics.track(s.job());
            double lag = t.lagSeconds(now);
            String error = t.lastError() != null ? t.lastError() : s.lastError();
            jobs.add(new JobHealth(s.job().name(), state(s, t, lag), lag, t.lastWrite(), error));
            if (s.phase() != JobPhase.FAILED && s.phase() != JobPhase.STOPPED) {
                running++;
            }
        }
        HealthStatus status = running == 0 ? HealthStatus.DOWN
                : jobs.stream().allMatch(JobHealth::isOk) ? HealthStatus.UP : HealthStatus.DEGRADED;
        return new HealthReport(status, ProcessHandle.current().pid(), jobs);
    }

    private String state(JobState s, JobTrack t, double lag) {
        if (s.phase() == JobPhase.FAILED) {
            return "failed";
        }
        if (s.phase() == JobPhase.STOPPED) {
            return "stopped";
        }
        if (s.phase() == JobPhase.BACKING_OFF || t.failing()) {
            return "failing";
        }
        if (Double.isNaN(lag) || lag > threshold(s.job()).toMillis() / 1000.0) {
            return "lagging";
        }
        return "ok";
    }

    /** Options of a {@link HealthCheck}. */
    public static final class Builder {

        private final QlirMetrics metrics;
        private final Supplier<List<JobState>> states;
        private Supplier<Duration> cadence = () -> null;
        private Duration maxLag;

        private Builder(QlirMetrics metrics, Supplier<List<JobState>> states) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            this.states = Objects.requireNonNull(states, "states");
        }

        /**
         * The server's cadence, for the default threshold (three cadences).
         *
         * @param c the cadence, or null when tails are fetched only at each close
         * @return this builder
         */
        public Builder cadence(Duration c) {
            return effectiveCadence(() -> c);
        }

        /**
         * Where the cadence the server runs at is read at each report, for the default threshold (three cadences):
         * a server stretches a cadence its weight budget cannot afford, so ask it rather than the flag.
         *
         * @param c the effective cadence, giving null when tails are fetched only at each close
         * @return this builder
         */
        public Builder effectiveCadence(Supplier<Duration> c) {
            this.cadence = Objects.requireNonNull(c, "cadence");
            return this;
        }

        /**
         * A fixed lag threshold instead of the default.
         *
         * @param threshold a positive duration, or null for the default
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxLag(Duration threshold) {
            if (threshold != null && (threshold.isZero() || threshold.isNegative())) {
                throw new IllegalArgumentException("the health lag threshold must be positive, got " + threshold);
            }
            this.maxLag = threshold;
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public HealthCheck build() {
            return new HealthCheck(this);
        }
    }
}
