package io.qlir.binance.load;

import io.qlir.core.Interval;

/** Open times as slot numbers from a base open time, fast for the fixed intervals, by calendar for {@code 1M}. */
final class Grid {

    private final Interval interval;
    private final long stepMs;

    Grid(Interval interval) {
        this.interval = interval;
        this.stepMs = interval.isFixed() ? interval.fixedMillis() : 0;
    }

    Interval interval() {
        return interval;
    }

    /** The slot of an aligned open time, counted from an aligned base. */
    long index(long base, long openMs) {
        return stepMs > 0 ? (openMs - base) / stepMs : interval.between(base, openMs);
    }

    /** The open time of slot {@code i} from a base. */
    long openTime(long base, long i) {
        return stepMs > 0 ? base + i * stepMs : interval.plus(base, i);
    }

    boolean isAligned(long t) {
        return interval.isAligned(t);
    }

    /** The first open time at or after {@code t}. */
    long ceil(long t) {
        long f = interval.floor(t);
        return f == t ? t : interval.plus(f, 1);
    }

    /** The last open time at or before {@code t}. */
    long floor(long t) {
        return interval.floor(t);
    }

    /** The open time one candle before {@code openMs}. */
    long previous(long openMs) {
        return interval.plus(openMs, -1);
    }

    /** How many slots {@code [from, to]} holds, as an int, or an error naming the range. */
    int count(long from, long to) {
        long n = index(from, to) + 1;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the range " + java.time.Instant.ofEpochMilli(from) + " .. "
                    + java.time.Instant.ofEpochMilli(to) + " holds " + n + " " + interval.wireCode()
                    + " candles, more than one table can; valid: a narrower from/to");
        }
        return (int) n;
    }
}
