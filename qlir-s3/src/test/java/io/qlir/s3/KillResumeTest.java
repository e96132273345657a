package io.qlir.s3;

import static io.qlir.s3.S3Fixtures.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** A push killed with {@code kill -9} in the middle of a multipart upload: nothing half-written, a rerun completes. */
class KillResumeTest {

    private static final String BIG = "parquet/binance/klines/symbol=BTCUSDT/interval=1m/year=2023.parquet";

    @RegisterExtension
    static final S3MockExtension MOCK = S3Fixtures.mock();

    @TempDir
    Path tmp;

    @Test
    void aPushKilledMidUploadLeavesNothingHalfWrittenAndARerunCompletesIt() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/killed");
        String endpoint = "http://127.0.0.1:" + MOCK.getHttpPort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PushChild.class.getName(), endpoint, root.toString(),
                to.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        CountDownLatch hung = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.equals("HUNG")) {
                        hung.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(hung.await(180, TimeUnit.SECONDS)).as("the child reached the second part within 180 s")
                    .isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, byte[]> local = S3Fixtures.localFiles(root, PushFilter.all());
        try (S3Client raw = S3Fixtures.raw(MOCK)) {
            Map<String, byte[]> before = S3Fixtures.bucketFiles(raw, to);
            // sorted order: every slice directory's data went up, then the dataset's big file was in progress
            assertThat(before.keySet()).doesNotContain(BIG).isNotEmpty()
                    .allSatisfy(k -> assertThat(before.get(k)).as(k).isEqualTo(local.get(k)));
            assertThat(before.keySet()).noneMatch(k -> k.contains("manifest."));

            try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
                PushReport rerun = pusher.push(root, to, PushFilter.all());
                assertThat(rerun.unchanged()).isEqualTo(before.size());
                assertThat(rerun.uploaded()).isEqualTo(local.size() - before.size());
            }
            assertThat(S3Fixtures.bucketFiles(raw, to)).containsOnlyKeys(local.keySet())
                    .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(local.get(k)));
            assertThat(raw.listMultipartUploads(b -> b.bucket(BUCKET).prefix(to.keyPrefix())).uploads())
                    .as("the killed push's multipart upload was aborted by the rerun").isEmpty();
        }
    }
}
