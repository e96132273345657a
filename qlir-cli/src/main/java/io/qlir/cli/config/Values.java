package io.qlir.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers and printers of setting values; each error names the value and shows a valid one. */
final class Values {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Values() {
    }

    static Path path(String raw, Path base, Path home) {
        String text = raw.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty path is not a folder");
        }
        try {
            Path p;
            if (text.equals("~")) {
                p = home;
            } else if (text.startsWith("~/")) {
                p = home.resolve(text.substring(2));
            } else {
                p = base.resolve(text);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid path: " + e.getReason(), e);
        }
    }

    static URI httpUrl(String raw) {
        String text = raw.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + raw + "' is not an http(s) base URL; for example "
                    + Setting.BASE_URL.defaultText() + " or http://127.0.0.1:8080");
        }
        return uri;
    }

    static Duration duration(String raw) {
        String text = raw.trim();
        Duration d = null;
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
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

    static int positiveInt(String raw) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + raw + "' is not a positive whole number");
    }

    static String format(Duration d) {
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
