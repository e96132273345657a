package io.qlir.s3;

import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads a data root that {@code qlir push} mirrored to {@code s3://BUCKET/PREFIX}: the read side of the store
 * ({@link io.qlir.data.manifest.SliceReader}, the validator, the candle loader) through the
 * {@link StoreSource} seam, read-only.
 *
 * <p>Requests: opening checks the bucket ({@code HeadBucket}) and that something was pushed under the prefix (one
 * {@code ListObjectsV2} of one key); reading a series lists its folder ({@code ListObjectsV2}, delimiter {@code /})
 * and gets its manifest and journal ({@code GetObject} each); a listing of {@code responses/} costs one request per
 * 1000 files; each slice file read is one {@code GetObject}, into memory. Nothing is cached, on disk or between
 * calls. Every call runs under the shared {@link RetryPolicy} (throttling and 5xx retried with backoff); a missing
 * bucket, refused credentials or an unreachable endpoint is an {@link S3ReadException} with one line naming the
 * URL.
 * <pre>{@code
 * try (S3StoreSource s3 = S3StoreSource.builder().settings(S3Settings.aws("eu-west-1"))
 *         .open(S3Location.parse("s3://research/qlir"))) {
 *     Table t = CandleLoader.of(s3, series).load().candles();
 * }
 * }</pre>
 */
public final class S3StoreSource implements StoreSource {

    private static final Path ROOT = Path.of("");

    private final S3Client s3;
    private final S3Location at;
    private final S3Calls calls;

    private S3StoreSource(S3Client s3, S3Location at, S3Calls calls) {
        this.s3 = s3;
        this.at = at;
        this.calls = calls;
    }

    /**
     * A builder with the default retry policy and the standard AWS credential chain.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bucket and prefix read.
     *
     * @return the location
     */
    public S3Location location() {
        return at;
    }

    @Override
    public Path root() {
        return ROOT;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String describe(Path path) {
        String rel = relative(path);
        return rel.isEmpty() ? at.toString() : at + "/" + rel;
    }

    @Override
    public InputStream open(Path file) throws IOException {
        return new ByteArrayInputStream(read(file));
    }

    @Override
    public byte[] read(Path file) throws IOException {
        String key = at.key(relative(file));
        Optional<byte[]> bytes = call("get " + describe(file), () -> {
            try {
                return Optional.of(s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(key)).asByteArray());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
        return bytes.orElseThrow(() -> new NoSuchFileException(describe(file), null, "no such object"));
    }

    @Override
    public boolean isFile(Path file) throws IOException {
        String key = at.key(relative(file));
        return call("list " + describe(file), () -> s3.listObjectsV2(b -> b.bucket(at.bucket()).prefix(key)
                .maxKeys(1))).contents().stream().anyMatch(o -> o.key().equals(key));
    }

    @Override
    public boolean isDirectory(Path dir) throws IOException {
        String prefix = folderPrefix(dir);
        return call("list " + describe(dir), () -> s3.listObjectsV2(b -> b.bucket(at.bucket()).prefix(prefix)
                .maxKeys(1))).keyCount() > 0;
    }

    @Override
    public List<Layout.Listed> list(Path dir) throws IOException {
        String prefix = folderPrefix(dir);
        List<Layout.Listed> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = call("list " + describe(dir), () -> s3.listObjectsV2(b -> b
                    .bucket(at.bucket()).prefix(prefix).delimiter("/").continuationToken(t)));
            for (CommonPrefix p : page.commonPrefixes()) {
                String name = p.prefix().substring(prefix.length(), p.prefix().length() - 1);
                out.add(new Layout.Listed(name, 0, 0, false));
            }
            for (S3Object o : page.contents()) {
                String name = o.key().substring(prefix.length());
                if (!name.isEmpty()) {
                    out.add(new Layout.Listed(name, o.size(), o.lastModified().toEpochMilli(), true));
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return at.toString();
    }

    /** Checks the bucket, then that something was pushed under the prefix. */
    private void check() throws IOException {
        call("check bucket " + at.bucket(), () -> s3.headBucket(b -> b.bucket(at.bucket())));
        if (!isDirectory(ROOT)) {
            throw new S3ReadException(S3PushException.Kind.FAILED, true, "nothing under " + at + " (bucket '"
                    + at.bucket() + "' exists); valid: a prefix a data root was pushed to, with 'qlir push --to "
                    + at + "'", null);
        }
    }

    private <T> T call(String what, S3Calls.Call<T> call) throws S3ReadException {
        try {
            return calls.run(what, at.bucket(), call);
        } catch (S3PushException e) {
            throw S3ReadException.of(e);
        }
    }

    /** A path resolved from {@link #root()} as a key relative to the prefix, with {@code /} separators. */
    private static String relative(Path path) {
        if (path.isAbsolute()) {
            throw new IllegalArgumentException("'" + path + "' is not a path under an S3 source's root; valid:"
                    + " paths resolved from root()");
        }
        List<String> parts = new ArrayList<>();
        path.normalize().forEach(p -> parts.add(p.toString()));
        String rel = String.join("/", parts);
        if (rel.startsWith("..")) {
            throw new IllegalArgumentException("'" + path + "' leaves the S3 source's root");
        }
        return rel;
    }

    private String folderPrefix(Path dir) {
        String rel = relative(dir);
        return rel.isEmpty() ? at.keyPrefix() : at.key(rel) + "/";
    }

    /** Options of an {@link S3StoreSource}; {@link #open} makes one. */
    public static final class Builder extends S3ClientOptions<Builder> {

        private Builder() {
        }

        /**
         * Opens the location: checks the bucket and that a data root was pushed under the prefix.
         *
         * @param at the bucket and prefix
         * @return the source; close it when done
         * @throws S3ReadException when the bucket is missing, nothing is under the prefix, credentials are refused,
         *     or the endpoint cannot be reached (one line naming the URL)
         */
        public S3StoreSource open(S3Location at) throws S3ReadException {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(settings, "settings");
            S3Client client = S3Pusher.client(settings, httpClient, credentials);
            S3StoreSource source = new S3StoreSource(client, at,
                    new S3Calls(retry, sleeper, random, settings, "--data-root"));
            try {
                source.check();
            } catch (IOException | RuntimeException e) {
                client.close();
                if (e instanceof S3ReadException r) {
                    throw r;
                }
                throw new S3ReadException(S3PushException.Kind.FAILED, false, "cannot open " + at + ": "
                        + S3Calls.describe(e), e);
            }
            return source;
        }
    }
}
