package io.qlir.testkit;

import io.qlir.core.Interval;

/**
 * Which candles Binance returns for startTime / endTime / limit, over a market whose first candle opens at
 * {@code first} and whose newest (forming) candle opens at {@code last}:
 * <ul>
 *   <li>with a start: the candles opening at or after the start (and at or before the end, if given), oldest first,
 *       at most {@code limit};</li>
 *   <li>with only an end: the newest {@code limit} candles opening at or before the end;</li>
 *   <li>with neither: the newest {@code limit} candles, the forming one included.</li>
 * </ul>
 *
 * @param from the first open time to return
 * @param to the last open time to return (inclusive); {@code from > to} means none
 */
record KlineSelection(long from, long to) {

    static KlineSelection select(Interval interval, long first, long last, Long start, Long end, int limit) {
        if (last < first) {
            return new KlineSelection(1, 0);
        }
        if (start != null) {
            long s = start <= first ? first : ceil(interval, start);
            long e = end == null ? last : Math.min(last, interval.floor(end));
            if (s > e) {
                return new KlineSelection(1, 0);
            }
            long n = interval.between(s, e) + 1;
            return new KlineSelection(s, n > limit ? interval.plus(s, limit - 1) : e);
        }
        long top = end == null ? last : Math.min(last, interval.floor(end));
        if (top < first) {
            return new KlineSelection(1, 0);
        }
        long bottom = interval.plus(top, -(limit - 1));
        return new KlineSelection(Math.max(first, bottom), top);
    }

    private static long ceil(Interval interval, long t) {
        long f = interval.floor(t);
        return f == t ? t : interval.plus(f, 1);
    }

    boolean isEmpty() {
        return from > to;
    }
}
