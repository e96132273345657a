package io.qlir.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the object store: an optional endpoint of an S3-compatible server, the region and timeouts.
 * Credentials are not part of it: they come from the standard AWS chain ({@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}, instance roles).
 * <pre>{@code
 * S3Settings aws = S3Settings.aws("eu-west-1");
 * S3Settings minio = S3Settings.aws("us-east-1").withEndpoint(URI.create("http://127.0.0.1:9000"));
 * }</pre>
 *
 * @param endpoint the server of an S3-compatible store; empty for AWS itself. When set, requests use path-style
 *     addressing ({@code http://host/BUCKET/KEY}), which such servers support without DNS per bucket
 * @param region the signing region, for example {@code us-east-1}
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for a response
 */
public record S3Settings(Optional<URI> endpoint, String region, Duration connectTimeout, Duration readTimeout) {

    /** The region when {@code AWS_REGION} is not set. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Checks the values.
     *
     * @param endpoint the server of an S3-compatible store, or empty for AWS
     * @param region the signing region
     * @param connectTimeout positive
     * @param readTimeout positive
     * @throws IllegalArgumentException when the endpoint is not http(s) or the region is blank
     */
    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        endpoint.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("bad S3 endpoint '" + u
                        + "'; valid: an http:// or https:// URL, for example http://127.0.0.1:9000");
            }
        });
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("bad AWS region '" + region + "'; valid: for example us-east-1");
        }
    }

    /**
     * Settings for AWS S3 in a region, with 10 s connect and 60 s read timeouts.
     *
     * @param region the region, for example {@code us-east-1}
     * @return the settings
     */
    public static S3Settings aws(String region) {
        return new S3Settings(Optional.empty(), region, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /**
     * The same settings against an S3-compatible server.
     *
     * @param url the server, for example {@code http://127.0.0.1:9000}
     * @return new settings
     */
    public S3Settings withEndpoint(URI url) {
        return new S3Settings(Optional.of(url), region, connectTimeout, readTimeout);
    }

    /**
     * The same settings with other timeouts.
     *
     * @param connect how long to wait for a TCP connection
     * @param read how long to wait for a response
     * @return new settings
     */
    public S3Settings withTimeouts(Duration connect, Duration read) {
        return new S3Settings(endpoint, region, connect, read);
    }

    /**
     * The URL of a bucket as error messages name it.
     *
     * @param bucket the bucket
     * @return {@code <endpoint>/<bucket>} when an endpoint is set, else {@code https://<bucket>.s3.<region>.amazonaws.com}
     */
    public String bucketUrl(String bucket) {
        return endpoint.map(u -> u.toString().replaceAll("/+$", "") + "/" + bucket)
                .orElse("https://" + bucket + ".s3." + region + ".amazonaws.com");
    }
}
