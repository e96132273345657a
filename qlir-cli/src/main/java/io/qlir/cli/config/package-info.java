/**
 * <b>Key mental model.</b> A qlir process reads its surroundings once, into one immutable
 * {@link io.qlir.cli.config.RuntimeConfig}: data root, Binance base URL, timeouts, weight budget, retry policy, log
 * profile and log folder. Each {@link io.qlir.cli.config.Setting} comes from the strongest layer that sets it (flag,
 * then environment, then {@code qlir.json} or {@code --config}, then the default) and remembers which one
 * ({@link io.qlir.cli.config.Origin}), so {@code qlir config show} can answer "why is it this value?". A bad value
 * fails resolution with one message naming the layer, the setting and what is valid.
 *
 * <p>Example {@code qlir.json}:
 * <pre>{@code
 * {
 *   "dataRoot": "~/qlir_data",
 *   "baseUrl": "https://api.binance.com",
 *   "connectTimeout": "10s", "readTimeout": "30s",
 *   "weightBudget": 6000,
 *   "retry": {"maxAttempts": 8, "initialBackoff": "500ms", "maxBackoff": "30s"},
 *   "logProfile": "prod",
 *   "logDir": "/var/log/qlir"
 * }
 * }</pre>
 */
package io.qlir.cli.config;
