package io.qlir.binance;

import java.time.Duration;

/**
 * One entry of exchangeInfo's {@code rateLimits}, for example
 * {@code {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000}}.
 *
 * @param type {@code REQUEST_WEIGHT}, {@code ORDERS} or {@code RAW_REQUESTS}
 * @param interval {@code SECOND}, {@code MINUTE} or {@code DAY}
 * @param intervalNum how many intervals make the window
 * @param limit the limit per window
 */
public record RateLimit(String type, String interval, int intervalNum, int limit) {

    /**
     * The window length, when the interval is one Binance uses.
     *
     * @return the window, or {@link Duration#ZERO} for an unknown interval
     */
    public Duration window() {
        switch (interval) {
            case "SECOND":
                return Duration.ofSeconds(intervalNum);
            case "MINUTE":
                return Duration.ofMinutes(intervalNum);
            case "HOUR":
                return Duration.ofHours(intervalNum);
            case "DAY":
                return Duration.ofDays(intervalNum);
            default:
                return Duration.ZERO;
        }
    }
}
