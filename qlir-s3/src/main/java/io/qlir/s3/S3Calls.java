package io.qlir.s3;

import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs calls to the object store under the shared {@link RetryPolicy}: throttling ({@code 503 SlowDown}), 5xx,
 * broken connections and checksum mismatches are retried with backoff; a missing bucket, refused credentials and
 * other 4xx end the push at once with one line naming the URL.
 *
 * <p>The SDK's own retries are off (see {@link S3Pusher}), so this is the one place that decides.
 */
final class S3Calls {

    private static final Logger LOG = LoggerFactory.getLogger(S3Calls.class);
    private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "AccessDenied", "InvalidToken", "ExpiredToken", "InvalidClientTokenId");
    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "InternalError", "ServiceUnavailable",
            "RequestTimeout", "BadDigest", "XAmzContentSHA256Mismatch", "RequestTimeTooSkewed");

    /** A call to the store. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /** The content the server stored is not the content sent (wrong ETag): retried like a 5xx. */
    static final class ChecksumMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(String message) {
            super(message);
        }
    }

    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final S3Settings settings;
    private final String locationOption;

    S3Calls(RetryPolicy retry, Sleeper sleeper, RandomGenerator random, S3Settings settings) {
        this(retry, sleeper, random, settings, "--to");
    }

    /** Calls whose messages name {@code locationOption} as where the bucket was given (--to, --data-root). */
    S3Calls(RetryPolicy retry, Sleeper sleeper, RandomGenerator random, S3Settings settings, String locationOption) {
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.settings = settings;
        this.locationOption = locationOption;
    }

    /**
     * Runs a call, retrying what may pass on a second try.
     *
     * @param what for messages, for example {@code put s3://b/p/k}
     * @param bucket the bucket, for the URL in messages
     */
    <T> T run(String what, String bucket, Call<T> call) throws S3PushException {
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                return call.run();
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            String url = settings.bucketUrl(bucket);
            S3PushException terminal = terminal(failure, what, url, bucket, locationOption);
            if (terminal != null) {
                throw terminal;
            }
            if (!retry.allowsRetryAfter(attempt)) {
                throw exhausted(failure, what, url, attempt);
            }
            Duration wait = retry.delayBeforeRetry(attempt, random);
            LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, retry.maxAttempts(),
                    wait.toMillis(), describe(failure));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new S3PushException(S3PushException.Kind.FAILED, what + " at " + url + " interrupted", e);
            }
        }
    }

    private static S3PushException terminal(Exception e, String what, String url, String bucket, String option) {
        if (e instanceof AwsServiceException s) {
            int status = s.statusCode();
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            if ("NoSuchBucket".equals(code) || status == 404 && what.startsWith("check bucket")) {
                return new S3PushException(S3PushException.Kind.NO_SUCH_BUCKET, "no bucket '" + bucket + "' at "
                        + url + " (" + what + " got HTTP " + status + "); create it first or check " + option, e);
            }
            if (status == 403 || status == 401 || CREDENTIAL_CODES.contains(code)) {
                return new S3PushException(S3PushException.Kind.BAD_CREDENTIALS, "credentials refused by " + url
                        + " (HTTP " + status + (code == null ? "" : " " + code) + "); check AWS_ACCESS_KEY_ID /"
                        + " AWS_SECRET_ACCESS_KEY or AWS_PROFILE", e);
            }
            if (status >= 500 || status == 429 || RETRYABLE_CODES.contains(code)) {
                return null;
            }
            return new S3PushException(S3PushException.Kind.FAILED, what + " refused by " + url + ": " + describe(e), e);
        }
        if (aboutCredentials(e)) {
            return new S3PushException(S3PushException.Kind.BAD_CREDENTIALS, "no AWS credentials for " + url
                    + " (" + describe(e) + "); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE", e);
        }
        if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
            return new S3PushException(S3PushException.Kind.FAILED, what + " at " + url + " interrupted", e);
        }
        return null; // I/O trouble, checksum mismatches: worth another try
    }

    /** The credential providers fail before anything is sent, with a message about credentials or profiles. */
    private static boolean aboutCredentials(Exception e) {
        if (!(e instanceof SdkClientException) && !(e instanceof IllegalStateException)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("credentials") || m.contains("profile")) {
                return true;
            }
        }
        return false;
    }

    private static S3PushException exhausted(Exception e, String what, String url, int attempts) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return new S3PushException(S3PushException.Kind.UNREACHABLE, "cannot reach " + url + " ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + "); check --s3-endpoint or"
                        + " QLIR_S3_ENDPOINT", e);
            }
        }
        return new S3PushException(S3PushException.Kind.FAILED, what + " at " + url + " failed " + attempts
                + " times; last: " + describe(e) + "; rerun to continue (what was pushed is kept)", e);
    }

    static String describe(Throwable e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            return "HTTP " + s.statusCode() + (code == null ? "" : " " + code);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
