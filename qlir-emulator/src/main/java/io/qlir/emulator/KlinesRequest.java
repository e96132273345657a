package io.qlir.emulator;

import io.qlir.core.Interval;
import java.util.Objects;

/**
 * A kline request that passed Binance's checks: what {@link BinanceRules#checkKlines} returns for a good one.
 * <pre>{@code
 * KlinesRequest r = new KlinesRequest("BTCUSDT", Interval.M30, 1554991200000L, null, 1000);
 * }</pre>
 *
 * @param symbol the symbol, as sent
 * @param interval the interval
 * @param startTime the {@code startTime} parameter in epoch millis, or null when not sent
 * @param endTime the {@code endTime} parameter in epoch millis, or null when not sent
 * @param limit the {@code limit} parameter, 1 to {@link BinanceRules#MAX_LIMIT} (the default when not sent)
 */
public record KlinesRequest(String symbol, Interval interval, Long startTime, Long endTime, int limit) {

    /**
     * Checks the fields.
     *
     * @param symbol the symbol
     * @param interval the interval
     * @param startTime the start, or null
     * @param endTime the end, or null
     * @param limit 1 to {@link BinanceRules#MAX_LIMIT}
     * @throws IllegalArgumentException for a limit out of range or a start after the end
     */
    public KlinesRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (limit < 1 || limit > BinanceRules.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + BinanceRules.MAX_LIMIT + ", got " + limit);
        }
        if (startTime != null && endTime != null && startTime > endTime) {
            throw new IllegalArgumentException("startTime " + startTime + " is after endTime " + endTime);
        }
    }
}
