package io.qlir.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * How a candle CSV writes its times. {@link CandleCsv} detects it from the first row and reads every row with it;
 * each row must use the same format (a file mixing seconds and millis is refused, not guessed row by row).
 *
 * <p>Epoch numbers are told apart by size: below 10<sup>11</sup> seconds, below 10<sup>14</sup> millis, below
 * 10<sup>17</sup> micros, nanos above; under qlir's own header {@code open_time} a number below 10<sup>14</sup> is
 * millis (qlir's schema), so small test times stay millis. ISO-8601 times without an offset are read as UTC.
 * <pre>{@code
 * CandleCsv.builder().timeFormat(CandleTimeFormat.EPOCH_SECONDS).build();   // no detection
 * }</pre>
 */
public enum CandleTimeFormat {
    /** ISO-8601 dates ({@code 2024-01-31}), read as midnight UTC. */
    ISO_DATE("ISO-8601 dates (midnight UTC)"),
    /** ISO-8601 date-times with an offset ({@code 2024-01-31T10:00:00Z}, {@code 2024-01-31 10:00:00+01:00}). */
    ISO_DATE_TIME("ISO-8601 date-times"),
    /** ISO-8601 date-times without an offset ({@code 2024-01-31 10:00:00}), read as UTC. */
    ISO_LOCAL_DATE_TIME("ISO-8601 date-times without offset (read as UTC)"),
    /** Integer seconds since 1970-01-01 UTC. */
    EPOCH_SECONDS("epoch seconds"),
    /** Integer milliseconds since 1970-01-01 UTC (qlir's own format). */
    EPOCH_MILLIS("epoch millis"),
    /** Integer microseconds since 1970-01-01 UTC. */
    EPOCH_MICROS("epoch micros"),
    /** Integer nanoseconds since 1970-01-01 UTC. */
    EPOCH_NANOS("epoch nanos");

    private final String description;

    CandleTimeFormat(String description) {
        this.description = description;
    }

    /**
     * How the format reads in a message: {@code epoch millis}, {@code ISO-8601 dates (midnight UTC)}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /** The format of one value; {@code qlirHeader} when the column is qlir's own {@code open_time}/{@code close_time}. */
    static CandleTimeFormat detect(String value, boolean qlirHeader) {
        String v = value.strip();
        if (isInteger(v)) {
            return ofMagnitude(Long.parseLong(v), qlirHeader);
        }
        if (v.length() == 10) {
            return ISO_DATE;
        }
        return parseDateTime(v) instanceof OffsetDateTime ? ISO_DATE_TIME : ISO_LOCAL_DATE_TIME;
    }

    /**
     * Reads one value as epoch millis UTC; {@code checkUnit} refuses an epoch number whose size says another unit.
     *
     * @throws IllegalArgumentException saying what the value is not (the caller adds line and column)
     */
    long toEpochMillis(String value, boolean qlirHeader, boolean checkUnit) {
        String v = value.strip();
        try {
            switch (this) {
                case ISO_DATE:
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                case ISO_DATE_TIME:
                case ISO_LOCAL_DATE_TIME:
                    TemporalAccessor t = parseDateTime(v);
                    if ((t instanceof OffsetDateTime) != (this == ISO_DATE_TIME)) {
                        throw new IllegalArgumentException("is " + (this == ISO_DATE_TIME ? "without" : "with")
                                + " an offset, but the first row's time was " + description);
                    }
                    Instant at = t instanceof OffsetDateTime o ? o.toInstant()
                            : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
                    return at.toEpochMilli();
                default:
                    return epochMillis(v, qlirHeader, checkUnit);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("does not read as " + description + ", the first row's time format", e);
        }
    }

    private long epochMillis(String v, boolean qlirHeader, boolean checkUnit) {
        if (!isInteger(v)) {
            throw new IllegalArgumentException("is not an integer of " + description + ", the first row's time format");
        }
        long n = Long.parseLong(v);
        CandleTimeFormat size = ofMagnitude(n, qlirHeader);
        if (checkUnit && size != this) {
            throw new IllegalArgumentException("looks like " + size.description + " by its size, but the first"
                    + " row's time was " + description + "; a file's times must use one unit");
        }
        return switch (this) {
            case EPOCH_SECONDS -> Math.multiplyExact(n, 1000L);
            case EPOCH_MICROS -> Math.floorDiv(n, 1000L);
            case EPOCH_NANOS -> Math.floorDiv(n, 1_000_000L);
            default -> n;
        };
    }

    private static CandleTimeFormat ofMagnitude(long n, boolean qlirHeader) {
        long a = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
        if (a < 100_000_000_000L && !qlirHeader) {
            return EPOCH_SECONDS;
        }
        if (a < 100_000_000_000_000L) {
            return EPOCH_MILLIS;
        }
        return a < 100_000_000_000_000_000L ? EPOCH_MICROS : EPOCH_NANOS;
    }

    private static boolean isInteger(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start || v.length() > 19 + start) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** An {@link OffsetDateTime} when the text has an offset, a {@link LocalDateTime} when not. */
    private static TemporalAccessor parseDateTime(String v) {
        String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
        return DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
    }
}
