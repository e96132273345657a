package io.qlir.binance;

import io.qlir.core.Interval;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One klines or uiKlines request: endpoint, symbol, interval, optional start and end (inclusive bounds on the open
 * time, epoch millis UTC) and a limit of at most 1000 rows. Built once, checked once: a bad symbol, a negative time,
 * a start after the end or a limit outside 1..1000 fails here, with a message naming the input, before any request.
 * <pre>{@code
 * KlineQuery q = KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M1)
 *         .between(1_700_000_000_000L, 1_700_059_940_000L)
 *         .limit(1000);
 * }</pre>
 *
 * @param endpoint klines or uiKlines
 * @param symbol the Binance symbol, upper case (for example {@code BTCUSDT})
 * @param interval the candle interval
 * @param startTime the earliest open time to return, when given
 * @param endTime the latest open time to return, when given
 * @param limit the most rows to return, 1 to 1000
 */
public record KlineQuery(Endpoint endpoint, String symbol, Interval interval, OptionalLong startTime,
        OptionalLong endTime, int limit) {

    /** The most rows Binance returns per request. */
    public static final int MAX_LIMIT = 1000;

    private static final Pattern SYMBOL = Pattern.compile("(?=.*[A-Z0-9])[A-Z0-9\\-_.]{1,20}");

    /**
     * Checks every field.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the Binance symbol, upper case
     * @param interval the candle interval
     * @param startTime the earliest open time to return, when given
     * @param endTime the latest open time to return, when given
     * @param limit the most rows to return, 1 to 1000
     * @throws IllegalArgumentException naming the bad input and what would be valid
     */
    public KlineQuery {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        checkSymbol(symbol);
        checkLimit(limit);
        if (startTime.isPresent() && startTime.getAsLong() < 0) {
            throw new IllegalArgumentException("startTime " + startTime.getAsLong()
                    + " is negative; give epoch milliseconds UTC >= 0");
        }
        if (endTime.isPresent() && endTime.getAsLong() < 0) {
            throw new IllegalArgumentException("endTime " + endTime.getAsLong()
                    + " is negative; give epoch milliseconds UTC >= 0");
        }
        if (startTime.isPresent() && endTime.isPresent() && startTime.getAsLong() > endTime.getAsLong()) {
            throw new IllegalArgumentException("startTime " + startTime.getAsLong() + " ("
                    + Instant.ofEpochMilli(startTime.getAsLong()) + ") is after endTime " + endTime.getAsLong() + " ("
                    + Instant.ofEpochMilli(endTime.getAsLong()) + "); the start must not be after the end");
        }
    }

    /**
     * A query for the most recent candles (no start, no end) with limit 1000; narrow it with the {@code with}
     * methods.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the Binance symbol, upper case
     * @param interval the candle interval
     * @return the query
     * @throws IllegalArgumentException for a bad symbol
     */
    public static KlineQuery of(Endpoint endpoint, String symbol, Interval interval) {
        return new KlineQuery(endpoint, symbol, interval, OptionalLong.empty(), OptionalLong.empty(), MAX_LIMIT);
    }

    /**
     * The probe for a symbol's first candle: {@code startTime=0&limit=1}.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the Binance symbol, upper case
     * @param interval the candle interval
     * @return the query
     * @throws IllegalArgumentException for a bad symbol
     */
    public static KlineQuery firstCandle(Endpoint endpoint, String symbol, Interval interval) {
        return new KlineQuery(endpoint, symbol, interval, OptionalLong.of(0), OptionalLong.empty(), 1);
    }

    /**
     * This query with a start time.
     *
     * @param startTimeMs the earliest open time to return, epoch millis UTC
     * @return a new query
     * @throws IllegalArgumentException when negative or after the end time
     */
    public KlineQuery withStartTime(long startTimeMs) {
        return new KlineQuery(endpoint, symbol, interval, OptionalLong.of(startTimeMs), endTime, limit);
    }

    /**
     * This query with an end time.
     *
     * @param endTimeMs the latest open time to return, epoch millis UTC
     * @return a new query
     * @throws IllegalArgumentException when negative or before the start time
     */
    public KlineQuery withEndTime(long endTimeMs) {
        return new KlineQuery(endpoint, symbol, interval, startTime, OptionalLong.of(endTimeMs), limit);
    }

    /**
     * This query with both bounds.
     *
     * @param startTimeMs the earliest open time to return, epoch millis UTC
     * @param endTimeMs the latest open time to return, epoch millis UTC
     * @return a new query
     * @throws IllegalArgumentException when negative or when the start is after the end
     */
    public KlineQuery between(long startTimeMs, long endTimeMs) {
        return new KlineQuery(endpoint, symbol, interval, OptionalLong.of(startTimeMs), OptionalLong.of(endTimeMs),
                limit);
    }

    /**
     * This query with another limit.
     *
     * @param rows the most rows to return, 1 to 1000
     * @return a new query
     * @throws IllegalArgumentException when outside 1 to 1000
     */
    public KlineQuery withLimit(int rows) {
        return new KlineQuery(endpoint, symbol, interval, startTime, endTime, rows);
    }

    /**
     * The request weight Binance charges for this query.
     *
     * @return the weight
     */
    public int weight() {
        return endpoint.weight(limit);
    }

    /**
     * A short description for logs and error messages, for example
     * {@code klines BTCUSDT 1m [2024-01-01T00:00:00Z .. 2024-01-01T16:39:00Z] limit=1000}.
     *
     * @return the description
     */
    public String describe() {
        return endpoint.wireCode() + " " + symbol + " " + interval.wireCode() + " ["
                + (startTime.isPresent() ? Instant.ofEpochMilli(startTime.getAsLong()).toString() : "")
                + " .. " + (endTime.isPresent() ? Instant.ofEpochMilli(endTime.getAsLong()).toString() : "")
                + "] limit=" + limit;
    }

    static void checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not a Binance symbol: use 1 to 20 upper-case"
                    + " letters, digits, '-', '_' or '.' with at least one letter or digit, for example BTCUSDT");
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range; Binance accepts 1 to "
                    + MAX_LIMIT);
        }
    }
}
