package io.qlir.testkit;

/**
 * The fake's weight count in one of its fixed windows.
 *
 * @param startMs the window start, epoch millis of the rate-limit clock
 * @param used the weight admitted in the window
 * @param rejected requests answered 429 or 418 in the window
 */
public record RateWindow(long startMs, int used, int rejected) {
}
