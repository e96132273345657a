package io.qlir.cli.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a long-running command shows itself to monitoring: where {@code /metrics} and {@code /health} are served, and
 * the lag past which {@code /health} calls a job degraded.
 * <pre>{@code
 * config.telemetry().metricsAddress();   // Optional[/127.0.0.1:9464], empty when off (the default)
 * config.telemetry().healthMaxLag();     // empty: the longer of three cadences and two intervals
 * }</pre>
 *
 * @param metricsAddress the address to bind, or empty for no endpoint
 * @param healthMaxLag the lag threshold, or empty for the default per job
 */
public record Telemetry(Optional<InetSocketAddress> metricsAddress, Optional<Duration> healthMaxLag) {

    /** The address to suggest: the machine only, Prometheus' conventional exporter port range. */
    public static final String EXAMPLE_ADDRESS = "127.0.0.1:9464";

    /**
     * Checks that nothing is null.
     *
     * @param metricsAddress the address to bind, or empty for no endpoint
     * @param healthMaxLag the lag threshold, or empty for the default per job
     */
    public Telemetry {
        Objects.requireNonNull(metricsAddress, "metricsAddress");
        Objects.requireNonNull(healthMaxLag, "healthMaxLag");
    }

    /** The value meaning "no metrics endpoint" / "the default threshold", as flags and qlir.json write it. */
    static final String OFF = "off";
    static final String AUTO = "auto";

    /** Reads {@code HOST:PORT} ({@code [::1]:9464} for IPv6) or {@code off}. */
    static Optional<InetSocketAddress> address(String raw) {
        String text = raw.trim();
        if (text.equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon > 0 ? Integer.parseInt(text.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'" + raw + "' is not HOST:PORT; for example " + EXAMPLE_ADDRESS
                    + " (this machine only), 0.0.0.0:9464 (every interface) or off");
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("'" + raw + "': the host '" + host + "' does not resolve; for example "
                    + EXAMPLE_ADDRESS);
        }
        return Optional.of(a);
    }

    /** Reads a positive duration or {@code auto}. */
    static Optional<Duration> maxLag(String raw) {
        if (raw.trim().equalsIgnoreCase(AUTO)) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(raw)); // which rejects zero and negative durations
    }

    /** The address as the flag takes it, or {@code off}. */
    String addressText() {
        return metricsAddress.map(a -> {
            String host = a.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
        }).orElse(OFF);
    }

    /** The threshold as the flag takes it, or {@code auto}. */
    String maxLagText() {
        return healthMaxLag.map(Durations::format).orElse(AUTO);
    }
}
