package io.qlir.s3;

import static io.qlir.s3.FaultyHttpClient.Fault.FORBIDDEN;
import static io.qlir.s3.FaultyHttpClient.Fault.INTERNAL_ERROR;
import static io.qlir.s3.FaultyHttpClient.Fault.RESET_MID_UPLOAD;
import static io.qlir.s3.FaultyHttpClient.Fault.SLOW_DOWN;
import static io.qlir.s3.FaultyHttpClient.Fault.WRONG_ETAG;
import static io.qlir.s3.S3Fixtures.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.qlir.data.retry.RetryPolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Faults between qlir and the server (through {@link FaultyHttpClient}): throttling, 5xx, a connection reset
 * halfway through a body and a wrong ETag are retried under the {@link RetryPolicy} and nothing is lost; refused
 * credentials and an unreachable endpoint end the push with one line naming the URL.
 */
class S3FaultsTest {

    @RegisterExtension
    static final S3MockExtension MOCK = S3Fixtures.mock();

    static S3Client raw;

    @TempDir
    Path tmp;

    @BeforeAll
    static void client() {
        raw = S3Fixtures.raw(MOCK);
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    @Test
    void slowDownServerErrorsResetsAndWrongEtagsAreRetriedAndNothingIsLost() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/faults");
        FaultyHttpClient wire = new FaultyHttpClient()
                .fail(FaultyHttpClient.puts(), SLOW_DOWN, 2)
                .fail(FaultyHttpClient.puts(), INTERNAL_ERROR, 1)
                .fail(FaultyHttpClient.puts(), RESET_MID_UPLOAD, 1)
                .fail(FaultyHttpClient.puts(), WRONG_ETAG, 1)
                .fail(FaultyHttpClient.parts(), RESET_MID_UPLOAD, 1)
                .fail(FaultyHttpClient.parts(), WRONG_ETAG, 1);
        List<Duration> waits = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1)).jitter(0).build();
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).httpClient(wire).retry(policy).sleeper(waits::add).build()) {
            PushReport r = pusher.push(root, to, PushFilter.all());

            Map<String, byte[]> local = S3Fixtures.localFiles(root, PushFilter.all());
            assertThat(r.uploaded()).isEqualTo(local.size());
            assertThat(S3Fixtures.bucketFiles(raw, to)).containsOnlyKeys(local.keySet())
                    .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(local.get(k)));
        }
        assertThat(wire.faultsDone).hasSize(7);
        // the first PUT meets SlowDown, SlowDown, 500, a reset and a wrong ETag and succeeds on its 6th try
        // (backoff 100, 200, 400, 800, then capped at 1000 ms); the first part meets a reset and a wrong ETag
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1000), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void serverErrorsBeyondThePolicyEndThePushAndARerunCompletesIt() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/exhausted");
        RetryPolicy twice = RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1)).build();
        FaultyHttpClient wire = new FaultyHttpClient();
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).httpClient(wire).retry(twice).build()) {
            wire.log.clear();
            // let three objects through, then fail every PUT of the fourth twice
            int[] seen = {0};
            wire.fail(req -> req.method().name().equals("PUT") && ++seen[0] > 3, INTERNAL_ERROR, 2);
            assertThatThrownBy(() -> pusher.push(root, to, PushFilter.all()))
                    .isInstanceOfSatisfying(S3PushException.class, e -> {
                        assertThat(e.kind()).isEqualTo(S3PushException.Kind.FAILED);
                        assertThat(e.getMessage()).contains("failed 2 times", "HTTP 500 InternalError",
                                "http://127.0.0.1:" + MOCK.getHttpPort() + "/" + BUCKET).doesNotContain("\n");
                    });
            assertThat(S3Fixtures.bucketFiles(raw, to)).hasSize(3);

            PushReport rerun = pusher.push(root, to, PushFilter.all());
            Map<String, byte[]> local = S3Fixtures.localFiles(root, PushFilter.all());
            assertThat(rerun.unchanged()).isEqualTo(3);
            assertThat(rerun.uploaded()).isEqualTo(local.size() - 3);
            assertThat(S3Fixtures.bucketFiles(raw, to)).allSatisfy((k, v) -> assertThat(v).as(k)
                    .isEqualTo(local.get(k)));
        }
    }

    @Test
    void refusedCredentialsAreOneLineNamingTheUrl() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        FaultyHttpClient wire = new FaultyHttpClient().fail(r -> true, FORBIDDEN, 1);
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).httpClient(wire).build()) {
            assertThatThrownBy(() -> pusher.push(root, S3Location.parse("s3://" + BUCKET + "/x"), PushFilter.all()))
                    .isInstanceOfSatisfying(S3PushException.class, e -> {
                        assertThat(e.kind()).isEqualTo(S3PushException.Kind.BAD_CREDENTIALS);
                        assertThat(e.getMessage()).startsWith("credentials refused by http://127.0.0.1:"
                                + MOCK.getHttpPort() + "/" + BUCKET + " (HTTP 403 InvalidAccessKeyId)");
                    });
        }
    }

    @Test
    void missingCredentialsAreOneLineNamingTheUrl() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        Path emptyProfiles = Files.writeString(tmp.resolve("credentials"), "");
        ProfileCredentialsProvider none = ProfileCredentialsProvider.builder().profileName("nobody")
                .profileFile(ProfileFile.builder().content(emptyProfiles).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).credentials(none).build()) {
            assertThatThrownBy(() -> pusher.push(root, S3Location.parse("s3://" + BUCKET + "/x"), PushFilter.all()))
                    .isInstanceOfSatisfying(S3PushException.class, e -> {
                        assertThat(e.kind()).isEqualTo(S3PushException.Kind.BAD_CREDENTIALS);
                        assertThat(e.getMessage()).contains("http://127.0.0.1:" + MOCK.getHttpPort() + "/" + BUCKET)
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void anUnreachableEndpointIsOneLineNamingTheUrl() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        S3Settings nowhere = S3Fixtures.settings(MOCK).withEndpoint(URI.create("http://127.0.0.1:" + closed));
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).settings(nowhere).build()) {
            assertThatThrownBy(() -> pusher.push(root, S3Location.parse("s3://" + BUCKET + "/x"), PushFilter.all()))
                    .isInstanceOfSatisfying(S3PushException.class, e -> {
                        assertThat(e.kind()).isEqualTo(S3PushException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).startsWith("cannot reach http://127.0.0.1:" + closed + "/" + BUCKET)
                                .doesNotContain("\n");
                    });
        }
    }
}
