package io.qlir.cli.config;

import io.qlir.data.manifest.StoreSource;
import io.qlir.s3.S3Location;
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
     * The data root of a command that writes is a local folder. An {@code s3://} bucket is where {@code qlir push}
     * mirrors one to, and is refused here with a line saying so (read commands accept it, see
     * {@link #remoteDataRoot}).
     */
    static Path localDataRoot(String raw, Path base, Path home) {
        if (isRemote(raw)) {
            throw new IllegalArgumentException("'" + raw.trim() + "' is an S3 location; the data root must be a"
                    + " local folder for this command (commands that write need fsync, rename and locks, which"
                    + " object stores lack; only manifest validate/summary, candles export, indicators, chart and"
                    + " study read a bucket); mirror a local data root to it with 'qlir push --to " + raw.trim()
                    + "'");
        }
        return path(raw, base, home);
    }

    /** Whether a data root is a URL ({@code s3://...}) rather than a path. */
    static boolean isRemote(String raw) {
        return StoreSource.isRemote(raw);
    }

    /** A read command's {@code s3://BUCKET/PREFIX} data root, checked and without a trailing slash. */
    static String remoteDataRoot(String raw) {
        String text = raw.trim();
        if (!text.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + text + "' is not a data root qlir can read; valid: a local"
                    + " folder or s3://BUCKET/PREFIX");
        }
        return S3Location.parse(text).toString();
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
