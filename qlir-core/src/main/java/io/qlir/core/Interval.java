package io.qlir.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A candle interval, as Binance names them.
 *
 * <p>Wire codes are case-sensitive: {@code "1m"} is a minute, {@code "1M"} a month. Intervals up to a day have fixed
 * lengths and open on multiples of their length since the epoch; {@code 3d} too (Binance counts them from
 * 1970-01-01); weeks open on Monday 00:00 UTC; months are calendar months. On disk the month lives in a folder named
 * {@code 1mo} ({@link #folderName()}) so that it never collides with {@code 1m} on a case-insensitive file system.
 * <pre>{@code
 * Interval i = Interval.parse("15m");          // M15
 * long next = i.plus(openTime, 1);             // the next candle's open time
 * }</pre>
 */
public enum Interval implements WireCoded {
    /** One second. */
    S1("1s", 1_000L),
    /** One minute. */
    M1("1m", 60_000L),
    /** Three minutes. */
    M3("3m", 180_000L),
    /** Five minutes. */
    M5("5m", 300_000L),
    /** Fifteen minutes. */
    M15("15m", 900_000L),
    /** Thirty minutes. */
    M30("30m", 1_800_000L),
    /** One hour. */
    H1("1h", 3_600_000L),
    /** Two hours. */
    H2("2h", 7_200_000L),
    /** Four hours. */
    H4("4h", 14_400_000L),
    /** Six hours. */
    H6("6h", 21_600_000L),
    /** Eight hours. */
    H8("8h", 28_800_000L),
    /** Twelve hours. */
    H12("12h", 43_200_000L),
    /** One day, opening at 00:00 UTC. */
    D1("1d", 86_400_000L),
    /** Three days, counted from 1970-01-01. */
    D3("3d", 259_200_000L),
    /** One week, opening on Monday 00:00 UTC. */
    W1("1w", 604_800_000L),
    /** One calendar month, opening on the 1st at 00:00 UTC. */
    MO1("1M", -1L);

    /** The codec for wire codes; the only place interval strings are read or written. */
    public static final WireCodec<Interval> CODEC = WireCodec.of(Interval.class, "interval");

    private static final long MONDAY_OFFSET_MS = 4 * 86_400_000L; // 1970-01-01 was a Thursday

    private final String code;
    private final long millis;

    Interval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /**
     * Parses a wire code.
     *
     * @param code for example {@code "1m"}, {@code "4h"}, {@code "1M"} (case-sensitive)
     * @return the interval
     * @throws IllegalArgumentException naming the code and listing the valid ones
     */
    public static Interval parse(String code) {
        return CODEC.decode(code);
    }

    @Override
    public String wireCode() {
        return code;
    }

    /**
     * Whether the interval has a fixed length (every interval but the calendar month).
     *
     * @return true for {@code 1s} … {@code 1w}
     */
    public boolean isFixed() {
        return millis > 0;
    }

    /**
     * The fixed length in milliseconds.
     *
     * @return the length
     * @throws UnsupportedOperationException for {@code 1M}, whose length depends on the month
     */
    public long fixedMillis() {
        if (!isFixed()) {
            throw new UnsupportedOperationException("1M has no fixed length; use plus(openTime, n)");
        }
        return millis;
    }

    /**
     * The open time {@code n} intervals after {@code openTimeMs} (before it for negative {@code n}).
     *
     * @param openTimeMs an open time in epoch millis UTC
     * @param n how many intervals to step
     * @return the open time {@code n} candles later
     */
    public long plus(long openTimeMs, long n) {
        if (isFixed()) {
            return Math.addExact(openTimeMs, Math.multiplyExact(n, millis));
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(openTimeMs), ZoneOffset.UTC)
                .plusMonths(n).toInstant().toEpochMilli();
    }

    /**
     * The open time of the candle that contains {@code timeMs}.
     *
     * @param timeMs any time in epoch millis UTC
     * @return the open time of its candle
     */
    public long floor(long timeMs) {
        if (this == W1) {
            return timeMs - Math.floorMod(timeMs - MONDAY_OFFSET_MS, millis);
        }
        if (isFixed()) {
            return timeMs - Math.floorMod(timeMs, millis);
        }
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochMilli(timeMs), ZoneOffset.UTC);
        return t.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * Whether {@code timeMs} is an open time of this interval.
     *
     * @param timeMs a time in epoch millis UTC
     * @return true when a candle of this interval opens exactly then
     */
    public boolean isAligned(long timeMs) {
        return floor(timeMs) == timeMs;
    }

    /**
     * The close time Binance reports for a candle: the next open time minus one millisecond.
     *
     * @param openTimeMs the candle's open time
     * @return its close time
     */
    public long closeTime(long openTimeMs) {
        return plus(openTimeMs, 1) - 1;
    }

    /**
     * How many whole intervals lie between two open times ({@code to - from} in candles).
     *
     * @param fromOpenMs the earlier open time
     * @param toOpenMs the later open time
     * @return the number of intervals, negative when {@code to} is earlier
     */
    public long between(long fromOpenMs, long toOpenMs) {
        if (isFixed()) {
            return Math.floorDiv(toOpenMs - fromOpenMs, millis);
        }
        ZonedDateTime a = ZonedDateTime.ofInstant(Instant.ofEpochMilli(fromOpenMs), ZoneOffset.UTC);
        ZonedDateTime b = ZonedDateTime.ofInstant(Instant.ofEpochMilli(toOpenMs), ZoneOffset.UTC);
        return java.time.temporal.ChronoUnit.MONTHS.between(a, b);
    }

    /**
     * The folder name on disk: the wire code, except {@code 1mo} for the month.
     *
     * @return the folder name
     */
    public String folderName() {
        return this == MO1 ? "1mo" : code;
    }

    /**
     * Parses a folder name written by {@link #folderName()}.
     *
     * @param folder the folder name, for example {@code 1m} or {@code 1mo}
     * @return the interval
     * @throws IllegalArgumentException when the folder names no interval
     */
    public static Interval fromFolderName(String folder) {
        return "1mo".equals(folder) ? MO1 : parse(folder);
    }
}
