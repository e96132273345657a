package io.qlir.s3;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.testkit.SyntheticKlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A data root with real slice directories and a Parquet-like dataset, and an S3Mock on loopback to push it to. */
final class S3Fixtures {

    static final String BUCKET = "qlir-test";
    static final SliceSeries BTC = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 10);
    static final SliceSeries ETH = new SliceSeries("binance", "klines", "ETHUSDT", Interval.H1, 10);
    static final long T0 = 1_700_000_040_000L; // a minute boundary (and an hour boundary for ETH below)
    static final long H0 = 1_699_999_200_000L;

    private S3Fixtures() {
    }

    static S3MockExtension mock() {
        return S3MockExtension.builder().silent().withSecureConnection(false).withHttpPort(freePort())
                .withHttpsPort(freePort()).withInitialBuckets(BUCKET).build();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static S3Settings settings(S3MockExtension mock) {
        return S3Settings.aws("us-east-1").withEndpoint(URI.create("http://127.0.0.1:" + mock.getHttpPort()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));
    }

    static S3Pusher.Builder pusher(S3MockExtension mock) {
        return S3Pusher.builder().settings(settings(mock)).credentials(credentials()).sleeper(d -> { })
                .random(new Random(7)).multipart(6L << 20, 5 << 20);
    }

    static S3Client raw(S3MockExtension mock) {
        return S3Pusher.client(settings(mock), null, credentials());
    }

    /** Two series of three slices each, written through the store, plus a dataset with one file past 6 MiB. */
    static Path dataRoot(Path root) throws IOException {
        write(root, BTC, T0, 60_000L);
        write(root, ETH, H0, 3_600_000L);
        Path ds = root.resolve("parquet/binance/klines/symbol=BTCUSDT/interval=1m");
        Files.createDirectories(ds);
        byte[] big = new byte[(13 << 20) / 2 + 12_345]; // 6.5 MiB + : two parts of 5 MiB and a tail
        new Random(42).nextBytes(big);
        Files.write(ds.resolve("year=2023.parquet"), big);
        Files.writeString(ds.resolve("_dataset.json"), "{\"files\":[\"year=2023.parquet\"]}");
        return root;
    }

    private static void write(Path root, SliceSeries s, long t0, long step) throws IOException {
        ObjectMapper json = new ObjectMapper();
        SyntheticMarket market = SyntheticMarket.of(1, s.symbol(), 100);
        try (SliceDirectory dir = SliceDirectory.open(root, s)) {
            for (int i = 0; i < 3; i++) {
                long open = t0 + i * s.limit() * step;
                ArrayNode rows = (ArrayNode) json.readTree(SyntheticKlines.rowsJson(market, s.interval(), open,
                        s.limit()));
                dir.write(s.key(open), rows, FetchInfo.UNKNOWN);
            }
        }
    }

    /** Every file under the data root that a push mirrors, by relative path, with its bytes. */
    static Map<String, byte[]> localFiles(Path root, PushFilter filter) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (LocalFiles.LocalFile f : LocalFiles.walk(root, filter)) {
            out.put(f.relativePath(), Files.readAllBytes(f.path()));
        }
        return out;
    }

    /** Every object under the location, by key relative to the prefix, with its bytes. */
    static Map<String, byte[]> bucketFiles(S3Client s3, S3Location at) {
        Map<String, byte[]> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(at.bucket()).prefix(at.keyPrefix())).contents()) {
            out.put(o.key().substring(at.keyPrefix().length()),
                    s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(o.key())).asByteArray());
        }
        return out;
    }

    static void overwrite(S3Client s3, S3Location at, String rel, String content) {
        s3.putObject(b -> b.bucket(at.bucket()).key(at.key(rel)), RequestBody.fromString(content));
    }

    static Stream<String> slicePaths(Map<String, byte[]> files) {
        return files.keySet().stream().filter(k -> k.contains("/responses/"));
    }
}
