package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.qlir.cli.logging.Logging;
import io.qlir.metrics.Scrape;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3MockFixtures;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --push} and {@code agg --follow --push} against S3Mock, on the fake Binance: once they stopped, the
 * bucket holds exactly the series' local files (slices, manifest, Parquet months), byte for byte by SHA-256; a push
 * that fails (the bucket is missing) neither stops the serve nor is lost: the series' next write pushes again.
 */
class ServePushTest {

    @RegisterExtension
    static final S3MockExtension S3 = S3MockFixtures.mock();

    private static final Pattern PUSHES = Pattern.compile("pushed to (\\S+): (\\d+) pushes, (\\d+) failed");

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        Instant listed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        fake = FakeBinance.builder().symbol(FakeSymbol.trading("BTCUSDT", listed)).clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl())
                .env("QLIR_S3_ENDPOINT", S3MockFixtures.endpoint(S3))
                .env("AWS_ACCESS_KEY_ID", "test-key").env("AWS_SECRET_ACCESS_KEY", "test-secret")
                .env("QLIR_RETRY_MAX_ATTEMPTS", "1");
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    /** The slices and dataset of the data root (its only series), by relative path, with their SHA-256. */
    private Map<String, String> local() {
        return S3MockFixtures.localSha256(root, root.resolve("binance"), root.resolve("parquet"));
    }

    private static int[] pushes(CliRunner.Result r, String to) {
        Matcher m = PUSHES.matcher(r.out());
        assertThat(m.find()).as("a push summary line in: " + r.out()).isTrue();
        assertThat(m.group(1)).isEqualTo(to);
        return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    static InetSocketAddress freeLoopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void serveWithAggAndPushLeavesTheBucketHoldingExactlyTheLocalFiles() {
        String to = "s3://" + S3MockFixtures.BUCKET + "/serve";
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h", "--limit", "24", "--agg", "--push", to,
                "--cadence", "1s", "--data-root", root.toString(), "--stop-after", "3s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        int[] pushes = pushes(r, to);
        assertThat(pushes[0]).as("pushes done").isPositive();
        assertThat(pushes[1]).as("pushes failed").isZero();
        Map<String, String> local = local();
        assertThat(local.keySet()).as("slices, manifest and Parquet months were written")
                .anyMatch(k -> k.endsWith("manifest.json")).anyMatch(k -> k.endsWith(".parquet"));
        assertThat(S3MockFixtures.objectSha256(S3, S3Location.parse(to))).isEqualTo(local);
    }

    @Test
    void aFailingPushNeitherStopsTheServeNorIsLostTheNextWritePushesAgain() throws Exception {
        String bucket = "late-bucket";
        String to = "s3://" + bucket + "/p";
        InetSocketAddress metrics = freeLoopback();
        String at = metrics.getAddress().getHostAddress() + ":" + metrics.getPort();
        CompletableFuture<CliRunner.Result> serve = CompletableFuture.supplyAsync(() -> cli.run("serve", "--jobs",
                "BTCUSDT:1h", "--limit", "24", "--push", to, "--cadence", "1s", "--metrics-address", at,
                "--data-root", root.toString(), "--stop-after", "10s"));
        // the bucket does not exist yet: every push fails, and is counted
        Await.until("a failed push counted on /metrics", () -> {
            try {
                return Scrape.parse(Scrape.get(metrics, "/metrics").body())
                        .sum("qlir_push_failures_total") >= 1;
            } catch (IOException | UncheckedIOException notYet) {
                return false;
            }
        }, Duration.ofSeconds(30));
        assertThat(serve).as("the serve goes on").isNotDone();
        S3MockFixtures.createBucket(S3, bucket);

        CliRunner.Result r = serve.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        int[] pushes = pushes(r, to);
        assertThat(pushes[1]).as("pushes failed").isPositive();
        assertThat(pushes[0]).as("pushes done after the bucket appeared").isPositive();
        assertThat(S3MockFixtures.objectSha256(S3, S3Location.parse(to))).isEqualTo(local());
    }

    @Test
    void aggFollowWithPushMirrorsTheSeriesAfterItsMonthsAreWritten() {
        CliRunner.Result seed = cli.run("fetch", "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24",
                "--data-root", root.toString(), "--start", Instant.now().minus(Duration.ofDays(2)).toString());
        assertThat(seed.exitCode()).as(seed.out() + seed.err()).isZero();
        String to = "s3://" + S3MockFixtures.BUCKET + "/agg";
        CliRunner.Result r = cli.run("agg", "--follow", "--every", "1s", "--stop-after", "3s", "--push", to,
                "--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("pushing to " + to, "BTCUSDT 1h limit=24: wrote ");
        int[] pushes = pushes(r, to);
        assertThat(pushes[0]).as("pushes done").isPositive();
        assertThat(pushes[1]).as("pushes failed").isZero();
        Map<String, String> local = local();
        assertThat(local.keySet()).anyMatch(k -> k.endsWith(".parquet"));
        assertThat(S3MockFixtures.objectSha256(S3, S3Location.parse(to))).isEqualTo(local);
    }

    @Test
    void pushWithoutFollowIsBadInputNamingQlirPush() {
        CliRunner.Result r = cli.run("agg", "--all", "--push", "s3://" + S3MockFixtures.BUCKET + "/x",
                "--data-root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--push, --metrics-address and --health-max-lag go with --follow",
                "qlir push --to s3://BUCKET/PREFIX");
    }
}
