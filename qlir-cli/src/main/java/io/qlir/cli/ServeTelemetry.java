package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.JobState;
import io.qlir.binance.RequestListener;
import io.qlir.cli.config.Telemetry;
import io.qlir.metrics.HealthCheck;
import io.qlir.metrics.MetricsAddressException;
import io.qlir.metrics.MetricsEndpoint;
import io.qlir.metrics.QlirMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metrics side of {@code qlir serve}: binds {@code --metrics-address} before anything is fetched (a port in use
 * is bad input, and nothing has been done), hears the client and the jobs, and judges health from the server once it
 * runs. With no address it is inert: every listener is a no-op.
 */
final class ServeTelemetry implements AutoCloseable {

    private final QlirMetrics metrics;
    private final MetricsEndpoint endpoint;
    private final AtomicReference<BinanceDataServer> server;

    private ServeTelemetry(QlirMetrics metrics, MetricsEndpoint endpoint, AtomicReference<BinanceDataServer> server) {
        this.metrics = metrics;
        this.endpoint = endpoint;
        this.server = server;
    }

    /** Binds the endpoint when an address is configured; a bind failure is bad input (exit 2). */
    static ServeTelemetry start(Telemetry settings, Clock clock, Duration cadence) throws BadInputException {
        if (settings.metricsAddress().isEmpty()) {
            return new ServeTelemetry(null, null, new AtomicReference<>());
        }
        QlirMetrics metrics = QlirMetrics.create(clock);
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        HealthCheck health = HealthCheck.builder(metrics, () -> {
            BinanceDataServer s = server.get();
            return s == null ? List.<JobState>of() : s.states();
        }).cadence(cadence).maxLag(settings.healthMaxLag().orElse(null)).build();
        try {
            return new ServeTelemetry(metrics,
                    MetricsEndpoint.start(settings.metricsAddress().get(), metrics, health::report), server);
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

    /** Counts one month file that {@code serve --agg} wrote for {@code job} (nothing when metrics are off). */
    void aggMonthWritten(FetchJob job) {
        if (metrics != null) {
            metrics.aggMonthWritten(job);
        }
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
