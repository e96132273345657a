package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.JobFailureKind;
import io.qlir.binance.JobState;
import io.qlir.binance.RequestListener;
import io.qlir.cli.config.Telemetry;
import io.qlir.metrics.HealthCheck;
import io.qlir.metrics.MetricsAddressException;
import io.qlir.metrics.MetricsEndpoint;
import io.qlir.metrics.QlirMetrics;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The metrics side of {@code qlir serve} and {@code qlir agg --follow}: binds {@code --metrics-address} before
 * anything is done (a port in use is bad input, and nothing has been written), hears the client, the jobs, the
 * aggregations and the pushes, and judges health from the jobs' states at the cadence they actually run at (for
 * {@code serve}, the server's cadence once it runs, stretched when the budget cannot afford the one asked for).
 * With no address it is inert: every listener is a no-op.
 */
final class ServeTelemetry implements AutoCloseable {

    private final QlirMetrics metrics;
    private final MetricsEndpoint endpoint;
    private final AtomicReference<BinanceDataServer> server;
    private final Supplier<Duration> cadence;

    private ServeTelemetry(QlirMetrics metrics, MetricsEndpoint endpoint, AtomicReference<BinanceDataServer> server,
            Supplier<Duration> cadence) {
        this.metrics = metrics;
        this.endpoint = endpoint;
        this.server = server;
        this.cadence = cadence;
    }

    /**
     * For {@code serve}: binds the endpoint when an address is configured; health reads the server set by
     * {@link #serving} (its states and effective cadence; {@code cadence} until then). A bind failure is bad input.
     */
    static ServeTelemetry start(Telemetry settings, Clock clock, Duration cadence) throws BadInputException {
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        return start(settings, clock, server, () -> {
            BinanceDataServer s = server.get();
            return s == null ? List.<JobState>of() : s.states();
        }, () -> {
            BinanceDataServer s = server.get();
            return s == null ? cadence : s.cadence().orElse(null);
        });
    }

    /**
     * For a command with jobs of its own ({@code agg --follow}): health reads {@code states} and judges lag against
     * {@code cadence}. A bind failure is bad input (exit 2).
     */
    static ServeTelemetry start(Telemetry settings, Clock clock, Supplier<List<JobState>> states,
            Supplier<Duration> cadence) throws BadInputException {
        return start(settings, clock, new AtomicReference<>(), states, cadence);
    }

    private static ServeTelemetry start(Telemetry settings, Clock clock, AtomicReference<BinanceDataServer> server,
            Supplier<List<JobState>> states, Supplier<Duration> cadence) throws BadInputException {
        if (settings.metricsAddress().isEmpty()) {
            return new ServeTelemetry(null, null, server, cadence);
        }
        QlirMetrics metrics = QlirMetrics.create(clock);
        HealthCheck health = HealthCheck.builder(metrics, states).effectiveCadence(cadence)
                .maxLag(settings.healthMaxLag().orElse(null)).build();
        try {
            return new ServeTelemetry(metrics,
                    MetricsEndpoint.start(settings.metricsAddress().get(), metrics, health::report), server, cadence);
        } catch (MetricsAddressException e) {
            throw new BadInputException("--metrics-address: " + e.getMessage(), e);
        }
    }

    RequestListener requestListener() {
        return metrics == null ? RequestListener.NONE : metrics;
    }

    /** The listener for the server: {@code other} alone, or both it and the metrics. */
    FetchListener listener(FetchListener other) {
        return metrics == null ? other : FetchListener.all(other, metrics);
    }

    /** Registers the jobs and the budget, and lets {@code /health} see the server's jobs. */
    void serving(BinanceClient client, List<FetchJob> jobs, BinanceDataServer running) {
        if (metrics != null) {
            metrics.bindBudget(client.budget()).jobs(jobs);
            server.set(running);
        }
    }

    /** Registers the jobs up front, so their series exist before their first event (for {@code agg --follow}). */
    void jobs(List<FetchJob> jobs) {
        if (metrics != null) {
            metrics.jobs(jobs);
        }
    }

    /** What one {@code agg --follow} run did for a job (months written, the dataset's newest candle). */
    void aggregated(FetchJob job, int monthsWritten, OptionalLong newestOpenMs) {
        if (metrics != null) {
            metrics.aggregated(job, monthsWritten, newestOpenMs);
        }
    }

    /** An {@code agg --follow} run failed for a job: counted as a {@code store} failure, health says failing. */
    void aggFailed(FetchJob job, String message) {
        if (metrics != null) {
            metrics.jobFailed(job, JobFailureKind.STORE, message);
        }
    }

    /** What one push of a job's series did. */
    void pushed(FetchJob job, int objects, boolean failed) {
        if (metrics != null) {
            metrics.pushed(job, objects, failed);
        }
    }

    /** Counts one month file that {@code serve --agg} wrote for {@code job} (nothing when metrics are off). */
    void aggMonthWritten(FetchJob job) {
        if (metrics != null) {
            metrics.aggMonthWritten(job);
        }
    }

    /** The cadence {@code /health} judges lag by now: the running server's (stretched) one, else the asked one. */
    Duration healthCadence() {
        return cadence.get();
    }

    /** Where the endpoint listens, or null when off. */
    InetSocketAddress address() {
        return endpoint == null ? null : endpoint.address();
    }

    /** Where the endpoint listens, for the start-up line; empty when off. */
    String describe() {
        return endpoint == null ? "" : " (metrics on http://" + endpoint.address().getAddress().getHostAddress()
                + ":" + endpoint.address().getPort() + "/metrics)";
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
