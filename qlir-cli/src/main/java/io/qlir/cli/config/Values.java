package io.qlir.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** Parsers and printers of setting values; each error names the value and shows a valid one. */
final class Values {

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

    /**
     * A data root is a local folder: every command writes to it or reads it with file semantics. An {@code s3://}
     * bucket is where {@code qlir push} mirrors one to, and is refused here with a line saying so.
     */
    static Path localDataRoot(String raw, Path base, Path home) {
        if (raw.trim().startsWith("s3://")) {
            throw new IllegalArgumentException("'" + raw.trim() + "' is an S3 location; the data root must be a"
                    + " local folder (commands that write need fsync, rename and locks, which object stores lack,"
                    + " and this version reads only local stores); mirror a local data root to it with"
                    + " 'qlir push --to " + raw.trim() + "'");
        }
        return path(raw, base, home);
    }

    static String region(String raw) {
        String text = raw.trim();
        if (!text.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("'" + raw + "' is not a region name; for example us-east-1,"
                    + " eu-west-1, or what an S3-compatible server expects (auto, garage)");
        }
        return text;
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
        return Durations.parse(raw);
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
        return Durations.format(d);
    }
}
