package io.qlir.s3;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where in object storage a data root is mirrored: a bucket and a key prefix.
 *
 * <p>The prefix has no leading or trailing slash and may be empty (the bucket's root).
 * <pre>{@code
 * S3Location to = S3Location.parse("s3://research/qlir");
 * to.key("binance/klines/raw/BTCUSDT/1m/limit=1000/manifest.json");   // qlir/binance/klines/...
 * }</pre>
 *
 * @param bucket the bucket name
 * @param prefix the key prefix, without leading or trailing slash; empty for the bucket's root
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String VALID = "; valid: s3://BUCKET or s3://BUCKET/PREFIX, BUCKET of 3-63 lowercase letters,"
            + " digits, '.' or '-'";

    /**
     * Checks the bucket name and normalizes the prefix.
     *
     * @param bucket the bucket name (3-63 lowercase letters, digits, {@code .} or {@code -})
     * @param prefix the key prefix; slashes at either end are dropped
     * @throws IllegalArgumentException naming the bad bucket and what would be valid
     */
    public S3Location {
        Objects.requireNonNull(prefix, "prefix");
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bad bucket name '" + bucket + "'" + VALID);
        }
        prefix = strip(prefix);
    }

    private static String strip(String p) {
        int from = 0;
        int to = p.length();
        while (from < to && p.charAt(from) == '/') {
            from++;
        }
        while (to > from && p.charAt(to - 1) == '/') {
            to--;
        }
        return p.substring(from, to);
    }

    /**
     * Whether a text names an S3 location (starts with {@code s3://}); paths never do.
     *
     * @param text a data root or target as typed
     * @return true for {@code s3://...}
     */
    public static boolean isS3(String text) {
        return text != null && text.startsWith("s3://");
    }

    /**
     * Parses {@code s3://BUCKET/PREFIX}.
     *
     * @param uri the location as typed
     * @return the location
     * @throws IllegalArgumentException naming the text and what would be valid
     */
    public static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new IllegalArgumentException("not an S3 location: '" + uri + "'" + VALID);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        try {
            return new S3Location(bucket, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad S3 location '" + uri + "': " + e.getMessage(), e);
        }
    }

    /**
     * The object key of a file at a relative path under the data root.
     *
     * @param relativePath a path with {@code /} separators, for example {@code binance/klines/.../manifest.json}
     * @return {@code PREFIX/relativePath}, or the path itself when the prefix is empty
     */
    public String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }

    /**
     * The prefix under which every key of this location lies, for listings.
     *
     * @return {@code PREFIX/}, or empty for the bucket's root
     */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /**
     * The location as typed.
     *
     * @return {@code s3://BUCKET/PREFIX}
     */
    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
