/**
 * <b>Key mental model.</b> {@link io.qlir.binance.BinanceClient} is the process's one door to Binance's public
 * market-data API: every request takes its weight from one shared {@link io.qlir.data.budget.WeightBudget}, every
 * answer comes back as a {@link io.qlir.binance.BinanceResult} (the value, Binance's refusal, or a failure after
 * retries), and candle rows come back as a {@link io.qlir.binance.KlineBatch}: Binance's bytes, untouched, with their
 * open and close times beside them, ready to be stored verbatim or turned into a candle table.
 *
 * <p>What the client does for you: it validates inputs before sending ({@link io.qlir.binance.KlineQuery}); retries
 * network faults, 5xx and malformed bodies with capped exponential backoff and jitter; waits out 429 and 418 for the
 * whole process; paces itself so that alone on an IP it never sees a 429; and warns when the local clock is off.
 * What it leaves to the caller: deciding which ranges to fetch and checking a batch against its request
 * ({@link io.qlir.binance.KlineBatch#problems()}) before storing it.
 * <pre>{@code
 * try (BinanceClient client = BinanceClient.builder().build()) {
 *     client.serverTime();
 *     long first = client.firstCandle(Endpoint.KLINES, "BTCUSDT", Interval.M1).orThrow().openTime(0);
 *     KlineBatch b = client.klines(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M1)
 *             .between(first, first + 999 * 60_000L)).orThrow();
 *     Table candles = b.toCandles();
 * }
 * }</pre>
 */
package io.qlir.binance;
