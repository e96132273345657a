package io.qlir.s3;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Fixtures} for tests outside this package (the CLI's {@code serve --push} and {@code agg --follow --push}):
 * an S3Mock on loopback, its endpoint, and both sides of a mirror by SHA-256 (the bucket's objects, the local files
 * of a series), so a test compares them without knowing how qlir pushes.
 * <pre>{@code
 * @RegisterExtension
 * static final S3MockExtension S3 = S3MockFixtures.mock();
 * ...
 * assertThat(S3MockFixtures.objectSha256(S3, to)).isEqualTo(S3MockFixtures.localSha256(root, sliceDir, parquetDir));
 * }</pre>
 */
public final class S3MockFixtures {

    /** The bucket the mock starts with. */
    public static final String BUCKET = S3Fixtures.BUCKET;

    private S3MockFixtures() {
    }

    /**
     * An S3Mock on free loopback ports with {@link #BUCKET}, its Spring Boot leaving the JVM's logging alone (the
     * CLI's tests configure logback themselves).
     *
     * @return the extension, to register once per test class
     */
    public static S3MockExtension mock() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3Fixtures.mock();
    }

    /**
     * The mock's endpoint, for {@code --s3-endpoint} or {@code QLIR_S3_ENDPOINT}.
     *
     * @param mock the started mock
     * @return {@code http://127.0.0.1:PORT}
     */
    public static String endpoint(S3MockExtension mock) {
        return S3Fixtures.settings(mock).endpoint().orElseThrow().toString();
    }

    /**
     * Creates a bucket (to make pushes to it start succeeding).
     *
     * @param mock the started mock
     * @param bucket the bucket name
     */
    public static void createBucket(S3MockExtension mock, String bucket) {
        try (S3Client s3 = S3Fixtures.raw(mock)) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /**
     * The SHA-256 of every object under a location, by key relative to its prefix.
     *
     * @param mock the started mock
     * @param at the bucket and prefix
     * @return hex digests by relative key
     */
    public static Map<String, String> objectSha256(S3MockExtension mock, S3Location at) {
        Map<String, String> out = new TreeMap<>();
        try (S3Client s3 = S3Fixtures.raw(mock)) {
            S3Fixtures.bucketFiles(s3, at).forEach((k, bytes) -> out.put(k, sha256(bytes)));
        }
        return out;
    }

    /**
     * The SHA-256 of every file under some folders of a data root, by path relative to the root, walked here (not by
     * the pusher's walk) and skipping only dot names (locks, temp files, push records), as a mirror should.
     *
     * @param dataRoot the data root
     * @param folders folders under it, for example a series' slice folder and its Parquet folder; missing ones
     *     count as empty
     * @return hex digests by relative path with {@code /} separators
     */
    public static Map<String, String> localSha256(Path dataRoot, Path... folders) {
        Map<String, String> out = new TreeMap<>();
        try {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        Path rel = dataRoot.relativize(f);
                        boolean dot = false;
                        for (Path part : rel) {
                            dot |= part.toString().startsWith(".");
                        }
                        if (!dot) {
                            out.put(rel.toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
