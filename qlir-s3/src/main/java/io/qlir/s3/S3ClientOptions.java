package io.qlir.s3;

import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The options every client of the store shares, pusher and reader alike: where the store is, how failed calls are
 * retried and backed off, and which credentials sign them. Each builder extends it with its own.
 * <pre>{@code
 * S3Pusher.builder().settings(S3Settings.aws("eu-west-1")).retry(policy).credentials(keyId, secret).build();
 * }</pre>
 *
 * @param <B> the builder type, returned by every option
 */
public abstract class S3ClientOptions<B extends S3ClientOptions<B>> {

    S3Settings settings;
    RetryPolicy retry = RetryPolicy.defaults();
    Sleeper sleeper = Sleeper.system();
    RandomGenerator random = new Random();
    SdkHttpClient httpClient;
    AwsCredentialsProvider credentials;

    S3ClientOptions() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * How to reach the store (required).
     *
     * @param s the settings
     * @return this builder
     */
    public B settings(S3Settings s) {
        this.settings = Objects.requireNonNull(s, "settings");
        return self();
    }

    /**
     * How failed calls are retried (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the policy shared with the rest of qlir
     * @return this builder
     */
    public B retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /**
     * How backoff waits (default {@link Sleeper#system()}; tests pass one that does not block).
     *
     * @param s the sleeper
     * @return this builder
     */
    public B sleeper(Sleeper s) {
        this.sleeper = Objects.requireNonNull(s, "sleeper");
        return self();
    }

    /**
     * Uses these keys instead of the standard AWS chain (for a caller that resolved them itself, as the CLI does
     * from its environment).
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret key
     * @return this builder
     */
    public B credentials(String accessKeyId, String secretAccessKey) {
        return credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                secretAccessKey)));
    }

    B credentials(AwsCredentialsProvider provider) {
        this.credentials = provider;
        return self();
    }

    B random(RandomGenerator r) {
        this.random = r;
        return self();
    }

    B httpClient(SdkHttpClient client) {
        this.httpClient = client;
        return self();
    }
}
