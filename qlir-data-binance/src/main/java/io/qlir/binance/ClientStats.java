package io.qlir.binance;

/**
 * Counters of one {@link BinanceClient} since it was built, across all its callers (use each result's
 * {@link CallInfo} for one job's share).
 *
 * @param requests HTTP requests sent
 * @param retries requests repeated after a network fault, a 5xx or a bad body
 * @param http429 responses with HTTP 429
 * @param http418 responses with HTTP 418
 * @param binanceErrors calls that ended in a {@link BinanceResult.BinanceError}
 * @param failures calls that ended in a {@link BinanceResult.Failed}
 * @param weight request weight charged to the budget
 */
public record ClientStats(long requests, long retries, long http429, long http418, long binanceErrors,
        long failures, long weight) {
}
