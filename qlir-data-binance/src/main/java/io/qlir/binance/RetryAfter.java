package io.qlir.binance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: delta-seconds (what Binance sends) or an HTTP date; and bounds it. A wait
 * below {@link #FLOOR} is lengthened to it ({@code Retry-After: 0} or a past date would let the next request go at
 * once, into another 429); a wait above the client's cap is not waited out (see
 * {@link BinanceClient.Builder#maxRetryAfter}).
 */
final class RetryAfter {

    /** The shortest wait after a 429 or 418, whatever the header says. */
    static final Duration FLOOR = Duration.ofSeconds(3);
    /** The default longest wait the client sits out. */
    static final Duration DEFAULT_CAP = Duration.ofMinutes(15);

    private RetryAfter() {
    }

    /** The wait the header asks for, at least {@link #FLOOR}; {@code fallback} when it is missing or unreadable. */
    static Duration atLeastFloor(String header, Instant now, Duration fallback) {
        Duration d = parse(header, now, fallback);
        return d.compareTo(FLOOR) < 0 ? FLOOR : d;
    }

    /** The wait the header asks for, or {@code fallback} when it is missing or unreadable. */
    static Duration parse(String header, Instant now, Duration fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        String h = header.strip();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? fallback : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return fallback;
            }
        }
    }
}
