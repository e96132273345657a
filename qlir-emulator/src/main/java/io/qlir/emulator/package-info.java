/**
 * <b>Key mental model.</b> Binance's kline endpoint as rules, with no server attached: {@link
 * io.qlir.emulator.BinanceRules#checkKlines checkKlines} turns a request's parameters into a {@link
 * io.qlir.emulator.KlinesRequest} or the error Binance would answer (same order of checks, same codes, same
 * words), and {@link io.qlir.emulator.KlineSelection} says which candles such a request returns, over a regular grid
 * of synthetic candles or over {@link io.qlir.emulator.RecordedKlines} replayed byte for byte.
 *
 * <p><b>Why a module of its own.</b> Two servers answer like Binance: the testkit's {@code FakeBinance} (a
 * MockWebServer with faults and a rate limit, for tests) and the CLI demo's {@code ReplayServer} (a JDK HTTP server,
 * shipped with {@code qlir}). They must agree on every rule, so the rules live once, here. It cannot be the testkit,
 * which carries MockWebServer and is test scope for the CLI; nor qlir-data-binance, the client that both servers
 * exist to check (a model written apart from the client is a second opinion) and which tests itself against the
 * testkit. So this small main-scope module depends on qlir-core (for {@link io.qlir.core.Interval}) and
 * jackson-core alone, and both servers depend on it.
 * <pre>{@code
 * switch (BinanceRules.checkKlines(params, known::contains)) {
 *     case KlinesCheck.Rejected r -> reply(r.error().httpStatus(), r.error().json());
 *     case KlinesCheck.Accepted a -> reply(200, recording.rows(a.request(), clock.millis()));
 * }
 * }</pre>
 */
package io.qlir.emulator;
