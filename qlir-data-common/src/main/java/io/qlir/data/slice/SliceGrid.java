package io.qlir.data.slice;

import io.qlir.core.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fixed grid of slices for one (symbol, interval, limit), anchored at the symbol's first candle.
 *
 * <p>Slice {@code k} covers open times {@code [anchor + k*span, anchor + (k+1)*span - 1]} where
 * {@code span = interval * limit}; for {@code 1M} the span is {@code limit} calendar months, so slices of months
 * have different lengths in milliseconds. Anchoring at the first candle (probed once per endpoint, symbol and
 * interval, and stored in the manifest) means the same history always cuts into the same slices, so a slice's file
 * name never changes. Index {@code k} may be negative for times before the anchor; {@link #covering} clips to the
 * anchor because there is nothing to fetch before the first candle.
 * <pre>{@code
 * SliceGrid grid = new SliceGrid("BTCUSDT", Interval.M1, 1000, 1502942400000L);
 * List<SliceKey> keys = grid.covering(from, to);     // every slice that overlaps [from, to]
 * SliceKey now = grid.containing(clock.millis());    // the slice that holds the forming candle
 * }</pre>
 *
 * @param symbol the instrument
 * @param interval the candle interval
 * @param limit candles per slice
 * @param anchorMs the open time of the first candle; slice 0 starts here
 */
public record SliceGrid(String symbol, Interval interval, int limit, long anchorMs) {

    /**
     * Checks the grid's parts.
     *
     * @param symbol the instrument
     * @param interval the candle interval
     * @param limit candles per slice (at least 1)
     * @param anchorMs the open time of the first candle: aligned to the interval, not negative
     * @throws IllegalArgumentException naming the bad part and what would be valid
     */
    public SliceGrid {
        Objects.requireNonNull(interval, "interval");
        new SliceKey(symbol, interval, Math.max(0, anchorMs), limit); // checks symbol, limit
        if (anchorMs < 0 || !interval.isAligned(anchorMs)) {
            throw new IllegalArgumentException("bad grid anchor " + anchorMs + " for " + symbol + " "
                    + interval.wireCode() + "; valid: an open time of that interval (>= 0), such as "
                    + interval.floor(Math.max(0, anchorMs)));
        }
    }

    /**
     * The slice with index {@code k} (0 starts at the anchor).
     *
     * @param k the slice index, negative before the anchor
     * @return the slice key
     * @throws IllegalArgumentException when that slice would start before the epoch
     */
    public SliceKey slice(long k) {
        return new SliceKey(symbol, interval, startOf(k), limit);
    }

    /**
     * The index of the slice that contains a time.
     *
     * @param timeMs any time in epoch millis UTC
     * @return the slice index, negative before the anchor
     */
    public long indexOf(long timeMs) {
        if (interval.isFixed()) {
            return Math.floorDiv(timeMs - anchorMs, interval.fixedMillis() * limit);
        }
        return Math.floorDiv(interval.between(anchorMs, interval.floor(timeMs)), (long) limit);
    }

    /**
     * The slice that contains a time.
     *
     * @param timeMs a time at or after the anchor
     * @return the slice key
     * @throws IllegalArgumentException when the time is before the anchor (there is no data to hold there)
     */
    public SliceKey containing(long timeMs) {
        if (timeMs < anchorMs) {
            throw new IllegalArgumentException("time " + timeMs + " is before the first candle " + anchorMs
                    + " of " + symbol + " " + interval.wireCode() + "; valid: times >= " + anchorMs);
        }
        return slice(indexOf(timeMs));
    }

    /**
     * Every slice that overlaps {@code [fromMs, toMs]}, in time order, clipped to start at the anchor.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return the slice keys (empty when {@code toMs} is before the anchor)
     * @throws IllegalArgumentException when {@code fromMs > toMs}
     */
    public List<SliceKey> covering(long fromMs, long toMs) {
        if (fromMs > toMs) {
            throw new IllegalArgumentException("range start " + fromMs + " is after its end " + toMs
                    + "; valid: start <= end");
        }
        if (toMs < anchorMs) {
            return List.of();
        }
        long first = indexOf(Math.max(fromMs, anchorMs));
        long last = indexOf(toMs);
        List<SliceKey> keys = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, last - first + 1));
        for (long k = first; k <= last; k++) {
            keys.add(slice(k));
        }
        return keys;
    }

    /**
     * Whether a key is one of this grid's slices (same symbol, interval and limit, start on a slice boundary).
     *
     * @param key any slice key
     * @return true when the key is slice {@code indexOf(key.startMs())} of this grid
     */
    public boolean isOnGrid(SliceKey key) {
        return key.symbol().equals(symbol) && key.interval() == interval && key.limit() == limit
                && startOf(indexOf(key.startMs())) == key.startMs();
    }

    private long startOf(long k) {
        return interval.plus(anchorMs, Math.multiplyExact(k, (long) limit));
    }
}
