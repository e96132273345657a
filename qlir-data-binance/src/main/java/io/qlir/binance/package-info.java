/**
 * Binance's klines and uiKlines: the client, the fetch worker, the data server, and the {@link
 * io.qlir.binance.Binance} façade that also loads what they stored.
 *
 * <p><b>Key mental model.</b> Three layers, each usable alone. {@link io.qlir.binance.BinanceClient} is the
 * process's one door to Binance's public market-data API: every request takes its weight from one shared
 * {@link io.qlir.data.budget.WeightBudget}, every answer comes back as a {@link io.qlir.binance.BinanceResult} (the
 * value, Binance's refusal, or a failure after retries), and candle rows come back as a
 * {@link io.qlir.binance.KlineBatch}: Binance's bytes, untouched. A {@link io.qlir.binance.FetchJob} (endpoint,
 * symbol, interval, slice size) names one slice directory; {@link io.qlir.binance.BinanceFetcher} (fetch mode)
 * brings its slices in a range up to date and returns a {@link io.qlir.binance.FetchSummary}, and
 * {@link io.qlir.binance.BinanceDataServer} (follow mode) keeps many jobs current, as short steps on a small pool
 * of worker threads (refreshes before catch-up, earliest due first). Both write through the slice store of
 * qlir-data-common, whose files are the truth: a crash at any moment loses nothing, and a slice complete on disk is
 * never fetched again. Loading ({@link io.qlir.binance.load}) reads those files back into
 * one candle table.
 *
 * <p>What the client does for you: it validates inputs before sending ({@link io.qlir.binance.KlineQuery}); retries
 * network faults, 5xx and malformed bodies with capped exponential backoff and jitter; waits out 429 and 418 for the
 * whole process; paces itself so that alone on an IP it never sees a 429; and warns when the local clock is off.
 * What the worker adds: the slice grid, the order of work, checking each batch against its request
 * ({@link io.qlir.binance.KlineBatch#problems()}) before storing it, the tail of the forming slice, progress
 * ({@link io.qlir.binance.FetchListener}), and a stop that never cuts a write in half. What a monitor counts
 * (requests by endpoint and outcome through {@link io.qlir.binance.RequestListener}; slices and candles recorded,
 * the newest stored candle and job failures through the fetch listener) is told, never counted here: this module
 * depends on no metrics library (qlir-metrics does).
 * <pre>{@code
 * try (BinanceClient client = BinanceClient.builder().build()) {
 *     BinanceFetcher fetcher = Binance.fetcher(client, dataRoot).listener(progressBar).build();
 *     FetchSummary s = fetcher.fetch(FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1), from, null);
 * }
 * Table candles = Binance.load(dataRoot, Endpoint.KLINES, "BTCUSDT", Interval.M1, from, to).candles();
 * }</pre>
 */
package io.qlir.binance;
