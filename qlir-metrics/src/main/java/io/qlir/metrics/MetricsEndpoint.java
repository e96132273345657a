package io.qlir.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON, 200 or 503) on the
 * JDK's {@code com.sun.net.httpserver}, bound to exactly the address given (use {@code 127.0.0.1:9464} to keep it
 * on the machine). One daemon thread answers; close it when the process ends.
 * <pre>{@code
 * try (MetricsEndpoint http = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 9464), metrics,
 *         health::report)) {
 *     server.awaitTermination(Duration.ofDays(365));
 * }
 * }</pre>
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds the address and starts answering.
     *
     * @param address the address to bind (a port of 0 picks a free one; see {@link #address()})
     * @param metrics what {@code /metrics} renders
     * @param health what {@code /health} reports
     * @return the running endpoint
     * @throws MetricsAddressException when the address cannot be bound (in use, not local, not permitted)
     */
    public static MetricsEndpoint start(InetSocketAddress address, QlirMetrics metrics,
            Supplier<HealthReport> health) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        HttpServer server;
        try {
            server = HttpServer.create(Objects.requireNonNull(address, "address"), 16);
        } catch (BindException e) {
            throw new MetricsAddressException("cannot serve metrics on " + describe(address) + ": "
                    + e.getMessage() + " (is another process using the port? choose another HOST:PORT)", e);
        } catch (IOException e) {
            throw new MetricsAddressException("cannot serve metrics on " + describe(address) + ": " + e, e);
        }
        server.createContext("/metrics", ex -> answer(ex, 200, PROMETHEUS_TEXT, metrics::scrape));
        server.createContext("/health", ex -> {
            HealthReport r = health.get();
            answer(ex, r.status().httpStatus(), "application/json", r::toJson);
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qlir-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        MetricsEndpoint endpoint = new MetricsEndpoint(server, executor);
        LOG.info("metrics on http://{}/metrics, health on /health", describe(endpoint.address()));
        return endpoint;
    }

    /**
     * The bound address (with the real port when 0 was asked for).
     *
     * @return the address
     */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops answering and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(HttpExchange ex, int status, String type, Supplier<String> body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (!path.equals(ex.getHttpContext().getPath())) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", path, e.toString());
                ex.sendResponseHeaders(500, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", type);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String describe(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
