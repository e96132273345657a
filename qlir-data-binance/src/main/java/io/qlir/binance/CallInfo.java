package io.qlir.binance;

import java.time.Duration;

/**
 * What one client call cost: every {@link BinanceResult} carries it, so a job can sum its own requests, retries and
 * rate-limit hits even when many jobs share one client.
 *
 * @param requests HTTP requests sent (the first attempt, retries and attempts after a rate-limit wait)
 * @param retries attempts repeated after a network fault, a 5xx or a bad body (each after a backoff)
 * @param http429 responses with HTTP 429 (too many requests)
 * @param http418 responses with HTTP 418 (IP banned)
 * @param elapsed wall time of the whole call, waits included
 */
public record CallInfo(int requests, int retries, int http429, int http418, Duration elapsed) {
}
