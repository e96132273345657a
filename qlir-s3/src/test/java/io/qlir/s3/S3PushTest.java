package io.qlir.s3;

import static io.qlir.s3.S3Fixtures.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** Push against S3Mock on loopback: byte equality, incrementality, a bucket changed behind qlir's back. */
class S3PushTest {

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
    void pushMirrorsTheDataRootByteForByteAndASecondPushUploadsNothing() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/mirror-a/");
        FaultyHttpClient wire = new FaultyHttpClient();
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).httpClient(wire).build()) {
            PushReport first = pusher.push(root, to, PushFilter.all());

            Map<String, byte[]> local = S3Fixtures.localFiles(root, PushFilter.all());
            // 2 series x (3 slices + manifest.json + manifest.journal) + the dataset's two files; no .lock, no temp, no record
            assertThat(local.keySet()).hasSize(2 * 5 + 2);
            assertThat(local.keySet()).noneMatch(k -> k.contains(".lock") || k.contains(PushRecord.FOLDER));
            assertThat(S3Fixtures.bucketFiles(raw, to)).containsOnlyKeys(local.keySet())
                    .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(local.get(k)));
            assertThat(first.uploaded()).isEqualTo(local.size());
            assertThat(first.uploadedBytes()).isEqualTo(local.values().stream().mapToLong(b -> b.length).sum());
            // the big file went up in parts; manifests went up after every slice file
            assertThat(wire.log).filteredOn(l -> l.contains("partNumber")).hasSize(2);
            List<String> puts = wire.log.stream().filter(l -> l.startsWith("PUT ") && !l.contains("?"))
                    .collect(Collectors.toList());
            int lastData = -1;
            int firstIndex = Integer.MAX_VALUE;
            for (int i = 0; i < puts.size(); i++) {
                if (puts.get(i).contains("manifest.") || puts.get(i).contains("_dataset")) {
                    firstIndex = Math.min(firstIndex, i);
                } else {
                    lastData = i;
                }
            }
            assertThat(lastData).isLessThan(firstIndex);

            wire.log.clear();
            PushReport second = pusher.push(root, to, PushFilter.all());
            assertThat(second.uploaded()).isZero();
            assertThat(second.unchanged()).isEqualTo(local.size());
            assertThat(wire.log).noneMatch(l -> l.startsWith("PUT") || l.startsWith("POST"));
        }
    }

    @Test
    void aBucketChangedBehindQlirsBackIsNoticedAndRepaired() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/mirror-b");
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
            pusher.push(root, to, PushFilter.all());
            Map<String, byte[]> local = S3Fixtures.localFiles(root, PushFilter.all());
            List<String> slices = S3Fixtures.slicePaths(local).sorted().collect(Collectors.toList());
            raw.deleteObject(b -> b.bucket(BUCKET).key(to.key(slices.get(0))));
            S3Fixtures.overwrite(raw, to, slices.get(1), "[] tampered");

            PushReport again = pusher.push(root, to, PushFilter.all());

            assertThat(again.changedInBucket()).containsExactlyInAnyOrder(to.key(slices.get(0)),
                    to.key(slices.get(1)));
            assertThat(again.uploaded()).isEqualTo(2);
            assertThat(S3Fixtures.bucketFiles(raw, to)).allSatisfy((k, v) -> assertThat(v).as(k)
                    .isEqualTo(local.get(k)));
        }
    }

    @Test
    void aChangedLocalFileIsPushedAgainAndTheFilterLimitsThePushToOneSeries() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        S3Location to = S3Location.parse("s3://" + BUCKET + "/mirror-c");
        PushFilter btc = PushFilter.all().withEndpoint("klines").withSymbol("BTCUSDT").withInterval("1m");
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
            pusher.push(root, to, btc);
            Map<String, byte[]> inBucket = S3Fixtures.bucketFiles(raw, to);
            assertThat(inBucket.keySet()).isNotEmpty().allMatch(k -> k.contains("BTCUSDT"));
            assertThat(inBucket.keySet()).contains("parquet/binance/klines/symbol=BTCUSDT/interval=1m/year=2023.parquet");
            assertThat(inBucket.keySet()).hasSize(5 + 2);

            Path manifest = S3Fixtures.BTC.directory(root).resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest) + " ");
            PushReport again = pusher.push(root, to, btc);
            assertThat(again.uploaded()).isEqualTo(1);
            assertThat(S3Fixtures.bucketFiles(raw, to).get(root.relativize(manifest).toString()))
                    .isEqualTo(Files.readAllBytes(manifest));
        }
    }

    @Test
    void aMissingBucketIsOneLineNamingTheUrl() throws Exception {
        Path root = S3Fixtures.dataRoot(tmp);
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
            assertThatThrownBy(() -> pusher.push(root, S3Location.parse("s3://no-such-bucket/x"), PushFilter.all()))
                    .isInstanceOfSatisfying(S3PushException.class, e -> {
                        assertThat(e.kind()).isEqualTo(S3PushException.Kind.NO_SUCH_BUCKET);
                        assertThat(e.getMessage()).startsWith("no bucket 'no-such-bucket' at http://127.0.0.1:"
                                + MOCK.getHttpPort() + "/no-such-bucket").doesNotContain("\n");
                    });
        }
    }
}
