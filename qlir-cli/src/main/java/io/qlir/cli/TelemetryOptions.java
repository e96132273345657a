package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import picocli.CommandLine.Option;

/**
 * The options of long-running commands that can be watched: where {@code /metrics} and {@code /health} are served
 * and when health degrades. Unset options stay null and the resolver falls back to environment, {@code qlir.json}
 * and defaults.
 */
final class TelemetryOptions {

    @Option(names = "--metrics-address", paramLabel = "HOST:PORT",
            description = "Serve Prometheus /metrics and JSON /health on this address only, for example"
                    + " 127.0.0.1:9464 (this machine). Default: $QLIR_METRICS_ADDRESS, else off.")
    String metricsAddress;

    @Option(names = "--health-max-lag", paramLabel = "DURATION",
            description = "A job lagging longer makes /health DEGRADED. Default: auto (the longer of three cadences"
                    + " and two intervals).")
    String healthMaxLag;

    void addTo(RuntimeConfig.Resolver resolver) {
        resolver.flag(Setting.METRICS_ADDRESS, metricsAddress)
                .flag(Setting.HEALTH_MAX_LAG, healthMaxLag);
    }
}
