package io.qlir.testkit;

import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;

/**
 * Candles of the one generator ({@link SyntheticMarket}) written as Binance writes kline rows (prices and volumes as
 * strings with 8 decimals), exactly as the fake Binance serves them: for fixtures built without a server.
 * <pre>{@code
 * String json = SyntheticKlines.rowsJson(SyntheticMarket.of(0, "BTCUSDT", 30_000), Interval.M1, openTime, 1000);
 * }</pre>
 */
public final class SyntheticKlines {

    private SyntheticKlines() {
    }

    /**
     * Consecutive closed candles as a JSON array of raw kline rows.
     *
     * @param market the market
     * @param interval the interval
     * @param firstOpenTime the first candle's open time, aligned to the interval
     * @param count how many candles
     * @return {@code [[openTime,"open",...,"0"],...]}
     */
    public static String rowsJson(SyntheticMarket market, Interval interval, long firstOpenTime, int count) {
        StringBuilder sb = new StringBuilder(count * 160 + 2).append('[');
        market.forEachCandle(interval, firstOpenTime, count, c -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonText.row(sb, c);
        });
        return sb.append(']').toString();
    }
}
