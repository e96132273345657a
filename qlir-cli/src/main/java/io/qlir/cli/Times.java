package io.qlir.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Reads the {@code --start} / {@code --end} forms: an ISO-8601 instant ({@code 2024-01-01T12:00:00Z}, offsets
 * allowed), an ISO date (midnight UTC) or epoch millis.
 */
final class Times {

    static final String FORMS = "an ISO-8601 instant (2024-01-01T00:00:00Z), an ISO date (2024-01-01, midnight UTC)"
            + " or epoch millis (1704067200000)";

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Times() {
    }

    static Instant parse(String text) {
        String t = text.trim();
        if (DIGITS.matcher(t).matches()) {
            return epochMillis(t, text);
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            String hint = t.contains("T") && !t.endsWith("Z") && !t.matches(".*[+-]\\d\\d:?\\d\\d$")
                    ? " (a date-time needs a zone: add Z for UTC)" : "";
            throw new IllegalArgumentException("'" + text + "' is not a time" + hint + "; use " + FORMS);
        }
    }

    private static Instant epochMillis(String digits, String text) {
        if (digits.length() == 8 && looksLikeBasicDate(digits)) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: as epoch millis it is "
                    + Instant.ofEpochMilli(Long.parseLong(digits)) + "; write the date as "
                    + LocalDate.parse(digits, BASIC_DATE) + ", or use " + FORMS);
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for epoch millis; use " + FORMS);
        }
    }

    private static boolean looksLikeBasicDate(String digits) {
        try {
            int year = LocalDate.parse(digits, BASIC_DATE).getYear();
            return year >= 1970 && year < 2200;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
