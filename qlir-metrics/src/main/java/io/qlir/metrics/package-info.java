/**
 * Watching a running store: Prometheus {@code /metrics} and JSON {@code /health} for {@code qlir serve}.
 *
 * <p>The mental model: the data modules count nothing in any metrics library; they only tell listeners what
 * happened ({@link io.qlir.binance.RequestListener} for every HTTP request, {@link io.qlir.binance.FetchListener}
 * for slices, the newest stored candle and job failures) and the weight budget shows its
 * {@linkplain io.qlir.data.budget.WeightBudget#snapshot() snapshot}. {@link io.qlir.metrics.QlirMetrics} is both
 * listeners and turns what it hears into Micrometer meters; {@link io.qlir.metrics.HealthCheck} judges each job
 * from its state and lag; {@link io.qlir.metrics.MetricsEndpoint} serves both over the JDK's HTTP server. This is
 * the only module that sees Micrometer (an architecture test keeps it so).
 * <pre>{@code
 * QlirMetrics metrics = QlirMetrics.create(clock);
 * BinanceClient client = BinanceClient.builder().requestListener(metrics).build();
 * metrics.bindBudget(client.budget()).jobs(jobs);
 * BinanceDataServer server = BinanceDataServer.builder(client, root).jobs(jobs).listener(metrics).start();
 * HealthCheck health = HealthCheck.builder(metrics, server::states).build();
 * MetricsEndpoint http = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 9464), metrics, health::report);
 * }</pre>
 */
package io.qlir.metrics;
