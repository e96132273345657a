package io.qlir.emulator;

import io.qlir.core.Interval;
import java.util.Arrays;

/**
 * Which candles Binance returns for a request's startTime / endTime / limit, as a window of indices into the
 * candles a market has (sorted by open time), as seen at "now" (no candle opening after now exists yet):
 * <ul>
 *   <li>with a start: the candles opening at or after the start (and at or before the end, if given), oldest first,
 *       at most {@code limit};</li>
 *   <li>with only an end: the newest {@code limit} candles opening at or before the end;</li>
 *   <li>with neither: the newest {@code limit} candles, the forming one included.</li>
 * </ul>
 * <pre>{@code
 * KlineSelection s = KlineSelection.select(OpenTimes.sorted(openTimes), request, clock.millis());
 * for (long i = s.from(); i < s.to(); i++) { ... }
 * }</pre>
 *
 * @param from the index of the first candle to return
 * @param to the index after the last candle to return; {@code from == to} means none
 */
public record KlineSelection(long from, long to) {

    /**
     * Checks the window.
     *
     * @param from the first index
     * @param to the index after the last
     * @throws IllegalArgumentException when {@code from} is negative or after {@code to}
     */
    public KlineSelection {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a selection needs 0 <= from <= to, got " + from + ".." + to);
        }
    }

    /**
     * The candles a request returns.
     *
     * @param times the market's candles by open time
     * @param request the checked request
     * @param nowMs "now" in epoch millis: candles opening later are not returned
     * @return the window of indices into {@code times}
     */
    public static KlineSelection select(OpenTimes times, KlinesRequest request, long nowMs) {
        long top = request.endTime() == null ? nowMs : Math.min(request.endTime(), nowMs);
        long to = times.countAtOrBefore(top);
        long from;
        if (request.startTime() != null) {
            from = Math.min(to, times.countBefore(request.startTime()));
            to = Math.min(to, from + request.limit());
        } else {
            from = Math.max(0, to - request.limit());
        }
        return new KlineSelection(from, to);
    }

    /**
     * How many candles the window holds.
     *
     * @return {@code to - from}
     */
    public long size() {
        return to - from;
    }

    /**
     * Whether the window holds no candle.
     *
     * @return true when {@code from == to}
     */
    public boolean isEmpty() {
        return from == to;
    }

    /**
     * The open times of a market's candles, sorted, counted from a time: a regular grid of synthetic candles or the
     * rows of a recording.
     */
    public interface OpenTimes {

        /**
         * How many candles open before a time.
         *
         * @param timeMs epoch millis
         * @return the index of the first candle opening at or after it
         */
        long countBefore(long timeMs);

        /**
         * How many candles open at or before a time.
         *
         * @param timeMs epoch millis
         * @return the index after the last candle opening at or before it
         */
        long countAtOrBefore(long timeMs);

        /**
         * A recording's open times.
         *
         * @param openTimes strictly increasing epoch millis (not copied)
         * @return the open times
         */
        static OpenTimes sorted(long[] openTimes) {
            return new OpenTimes() {
                @Override
                public long countBefore(long timeMs) {
                    int i = Arrays.binarySearch(openTimes, timeMs);
                    return i >= 0 ? i : -i - 1;
                }

                @Override
                public long countAtOrBefore(long timeMs) {
                    int i = Arrays.binarySearch(openTimes, timeMs);
                    return i >= 0 ? i + 1 : -i - 1;
                }
            };
        }

        /**
         * Every candle of an interval from {@code first} to {@code last}: index {@code i} opens at
         * {@code interval.plus(first, i)}.
         *
         * @param interval the interval
         * @param first the first candle's open time (aligned)
         * @param last the newest candle's open time (aligned); before {@code first} for no candle at all
         * @return the open times
         */
        static OpenTimes grid(Interval interval, long first, long last) {
            long size = last < first ? 0 : interval.between(first, last) + 1;
            return new OpenTimes() {
                @Override
                public long countBefore(long timeMs) {
                    if (timeMs <= first) {
                        return 0;
                    }
                    if (timeMs > last) {
                        return size;
                    }
                    long f = interval.floor(timeMs);
                    return interval.between(first, f) + (f == timeMs ? 0 : 1);
                }

                @Override
                public long countAtOrBefore(long timeMs) {
                    if (timeMs < first) {
                        return 0;
                    }
                    if (timeMs >= last) {
                        return size;
                    }
                    return interval.between(first, interval.floor(timeMs)) + 1;
                }
            };
        }
    }
}
