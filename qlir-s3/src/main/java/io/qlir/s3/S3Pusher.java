package io.qlir.s3;

import io.qlir.data.retry.RetryPolicy;
import io.qlir.s3.LocalFiles.LocalFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Mirrors a data root to {@code s3://BUCKET/PREFIX/}, uploading only what changed.
 *
 * <p>Order: the manifests and journals are read into memory first, then every slice and dataset file is put, then
 * the manifest snapshots, so a manifest in the bucket never names an object the bucket lacks. An object is skipped
 * when the local record says it was pushed with the same SHA-256 and the bucket's listing still shows the recorded
 * size and ETag; otherwise it is put again (and, when the record had it, reported as changed in the bucket).
 * <pre>{@code
 * try (S3Pusher pusher = S3Pusher.builder().settings(S3Settings.aws("us-east-1")).build()) {
 *     PushReport r = pusher.push(dataRoot, S3Location.parse("s3://research/qlir"), PushFilter.all());
 *     System.out.println(r.summaryLine());
 * }
 * }</pre>
 */
public final class S3Pusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Pusher.class);

    /** Files from this size on go up as multipart uploads (16 MiB). */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L << 20;
    /** The size of each part of a multipart upload (8 MiB; S3's minimum is 5 MiB). */
    public static final int DEFAULT_PART_SIZE = 8 << 20;

    private final S3Client s3;
    private final S3Settings settings;
    private final S3Calls calls;
    private final Uploads uploads;

    private S3Pusher(Builder b) {
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.s3 = client(settings, b.httpClient, b.credentials);
        this.calls = new S3Calls(b.retry, b.sleeper, b.random, settings);
        this.uploads = new Uploads(s3, calls, b.multipartThreshold, b.partSize);
    }

    /**
     * A builder with the default retry policy, the system sleeper and the default multipart sizes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The SDK client, configured for S3-compatible servers: one HTTP client (the JDK's), no SDK retries (the
     * {@link RetryPolicy} decides), request checksums only where an operation requires them and no
     * {@code aws-chunked} bodies, path-style addressing when an endpoint is set.
     */
    static S3Client client(S3Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
        S3ClientBuilder b = S3Client.builder()
                .httpClient(http != null ? http : UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout()).socketTimeout(settings.readTimeout()).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(u -> b.endpointOverride(u).forcePathStyle(true));
        return b.build();
    }

    /**
     * Pushes the files of a data root that the filter takes.
     *
     * @param dataRoot the local data root
     * @param to the bucket and prefix
     * @param filter which files
     * @return what was done
     * @throws S3PushException when the bucket is missing, credentials are refused, the endpoint cannot be reached,
     *     or the server kept failing; what was pushed before stays recorded
     * @throws IOException when the data root cannot be read or the local record cannot be written
     */
    public PushReport push(Path dataRoot, S3Location to, PushFilter filter) throws IOException, S3PushException {
        List<LocalFile> files = LocalFiles.walk(dataRoot, filter);
        Map<LocalFile, byte[]> indexSnapshots = new LinkedHashMap<>();
        List<LocalFile> data = new ArrayList<>();
        for (LocalFile f : files) {
            if (f.index()) {
                indexSnapshots.put(f, Files.readAllBytes(f.path()));
            } else {
                data.add(f);
            }
        }
        calls.run("check bucket " + to.bucket(), to.bucket(), () -> s3.headBucket(b -> b.bucket(to.bucket())));
        Map<String, S3Object> listed = list(to);
        abortLeftovers(to);
        Tally tally = new Tally();
        try (PushRecord record = PushRecord.open(dataRoot, to)) {
            for (LocalFile f : data) {
                try (FileChannel ch = Uploads.open(f.path())) {
                    String sha = Uploads.sha256(ch);
                    pushOne(to, f, sha, ch.size(), listed, record, tally,
                            () -> uploads.put(to, to.key(f.relativePath()), ch, sha));
                } catch (NoSuchFileException gone) {
                    LOG.debug("{} vanished before it was pushed (replaced by a writer)", f.relativePath());
                }
            }
            for (Map.Entry<LocalFile, byte[]> e : indexSnapshots.entrySet()) {
                byte[] bytes = e.getValue();
                String sha = sha256(bytes);
                pushOne(to, e.getKey(), sha, bytes.length, listed, record, tally,
                        () -> uploads.putBytes(to, to.key(e.getKey().relativePath()), bytes, sha));
            }
            record.compact();
        }
        PushReport report = new PushReport(to, files.size(), tally.uploaded, tally.bytes, tally.unchanged,
                tally.changed);
        LOG.info(report.summaryLine());
        return report;
    }

    @FunctionalInterface
    private interface Upload {
        Uploads.Put run() throws IOException, S3PushException;
    }

    private static final class Tally {
        int uploaded;
        long bytes;
        int unchanged;
        final List<String> changed = new ArrayList<>();
    }

    private static void pushOne(S3Location to, LocalFile f, String sha, long size, Map<String, S3Object> listed,
            PushRecord record, Tally tally, Upload upload) throws IOException, S3PushException {
        String key = to.key(f.relativePath());
        Optional<PushRecord.Pushed> was = record.get(key);
        S3Object there = listed.get(key);
        boolean inBucketAsRecorded = was.isPresent() && there != null && there.size() == was.get().size()
                && Uploads.unquote(there.eTag()).equals(was.get().etag());
        if (was.isPresent() && !inBucketAsRecorded) {
            LOG.warn("{} in {} is {} behind qlir's back; pushing it again", key, to.bucket(),
                    there == null ? "gone" : "changed");
            tally.changed.add(key);
            record.forget(key);
        }
        if (inBucketAsRecorded && was.get().sha256().equals(sha)) {
            tally.unchanged++;
            return;
        }
        Uploads.Put put = upload.run();
        record.add(key, new PushRecord.Pushed(put.sha256(), put.size(), put.etag()));
        tally.uploaded++;
        tally.bytes += size;
    }

    private Map<String, S3Object> list(S3Location to) throws S3PushException {
        Map<String, S3Object> out = new LinkedHashMap<>();
        String[] token = {null};
        do {
            var page = calls.run("list " + to, to.bucket(), () -> s3.listObjectsV2(b -> b.bucket(to.bucket())
                    .prefix(to.keyPrefix()).continuationToken(token[0])));
            for (S3Object o : page.contents()) {
                out.put(o.key(), o);
            }
            token[0] = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token[0] != null);
        return out;
    }

    /** Multipart uploads a killed push left open are invisible but cost storage: abort them (best effort). */
    private void abortLeftovers(S3Location to) {
        try {
            for (MultipartUpload u : s3.listMultipartUploads(b -> b.bucket(to.bucket()).prefix(to.keyPrefix()))
                    .uploads()) {
                LOG.info("aborting the unfinished multipart upload of {} left by an earlier push", u.key());
                s3.abortMultipartUpload(b -> b.bucket(to.bucket()).key(u.key()).uploadId(u.uploadId()));
            }
        } catch (RuntimeException e) {
            LOG.debug("could not list or abort unfinished multipart uploads under {}: {}", to,
                    S3Calls.describe(e));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Closes the SDK client and its HTTP client. */
    @Override
    public void close() {
        s3.close();
    }

    /** Options of an {@link S3Pusher}; only the settings are required. */
    public static final class Builder extends S3ClientOptions<Builder> {
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private int partSize = DEFAULT_PART_SIZE;

        private Builder() {
        }

        /**
         * Multipart sizes: files from {@code threshold} bytes on go up in parts of {@code partSize} bytes.
         *
         * @param threshold at least 1
         * @param part at least 5 MiB (S3's minimum for all but the last part)
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder multipart(long threshold, int part) {
            if (threshold < 1 || part < (5 << 20)) {
                throw new IllegalArgumentException("multipart threshold must be >= 1 and part size >= 5 MiB, got "
                        + threshold + " and " + part);
            }
            this.multipartThreshold = threshold;
            this.partSize = part;
            return this;
        }

        /**
         * Builds the pusher (creates the SDK client; nothing is sent yet).
         *
         * @return the pusher; close it when done
         */
        public S3Pusher build() {
            return new S3Pusher(this);
        }
    }
}
