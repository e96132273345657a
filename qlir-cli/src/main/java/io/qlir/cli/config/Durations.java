package io.qlir.cli.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration forms qlir reads in flags, environment and {@code qlir.json}: a whole number with {@code ms},
 * {@code s}, {@code m} or {@code h} ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}), or ISO-8601
 * ({@code PT10S}).
 * <pre>{@code
 * Duration d = Durations.parse("30s");
 * Durations.format(d);                 // "30s"
 * }</pre>
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a positive duration.
     *
     * @param raw for example {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or {@code PT10S}
     * @return the duration
     * @throws IllegalArgumentException naming the text and the valid forms, or when it is not longer than zero
     */
    public static Duration parse(String raw) {
        String text = raw.trim();
        Duration d = null;
        Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms" -> d = Duration.ofMillis(n);
                case "s" -> d = Duration.ofSeconds(n);
                case "m" -> d = Duration.ofMinutes(n);
                default -> d = Duration.ofHours(n);
            }
        } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                d = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null) {
            throw new IllegalArgumentException("'" + raw + "' is not a duration; write a whole number with ms, s, m"
                    + " or h (500ms, 10s, 2m, 1h) or ISO-8601 (PT10S)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + raw + "' must be longer than zero");
        }
        return d;
    }

    /**
     * The shortest form of a duration that {@link #parse} reads back.
     *
     * @param d the duration
     * @return for example {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
