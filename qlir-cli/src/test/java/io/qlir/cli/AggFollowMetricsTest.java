package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import io.qlir.metrics.Scrape;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agg --follow --metrics-address}: /metrics, read with a Prometheus text parser during the run, counts every
 * month file the agg server wrote (the files counted on disk) and measures the job's lag from the dataset's newest
 * candle; /health judges the series as serve's does.
 */
class AggFollowMetricsTest {

    private static final String JOB = "binance-klines-BTCUSDT-1h-limit24";

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;
    private Instant hour;

    @BeforeEach
    void setUp() {
        hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        fake = FakeBinance.builder().symbol(FakeSymbol.trading("BTCUSDT", hour.minus(Duration.ofDays(40))))
                .clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
        CliRunner.Result seed = cli.run("fetch", "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24",
                "--data-root", root.toString(), "--start", hour.minus(Duration.ofDays(40)).toString());
        assertThat(seed.exitCode()).as(seed.out() + seed.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    private CompletableFuture<CliRunner.Result> follow(InetSocketAddress at, String... more) {
        String[] args = Stream.concat(Stream.of("agg", "--follow", "--every", "1s", "--stop-after", "6s",
                "--metrics-address", at.getAddress().getHostAddress() + ":" + at.getPort(), "--data-root",
                root.toString(), "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24"), Stream.of(more))
                .toArray(String[]::new);
        return CompletableFuture.supplyAsync(() -> cli.run(args));
    }

    /** Scrapes until the first aggregation is counted (the endpoint is up before it runs). */
    private static Scrape scrapeOnceAggregated(InetSocketAddress at) {
        AtomicReference<Scrape> seen = new AtomicReference<>();
        Await.until("the first aggregation counted on /metrics", () -> {
            try {
                Scrape s = Scrape.parse(Scrape.get(at, "/metrics").body());
                seen.set(s);
                return s.sum("qlir_agg_months_written_total") > 0 && !Double.isNaN(s.value("qlir_job_lag_seconds",
                        "job", JOB));
            } catch (IOException | UncheckedIOException | AssertionError notYet) {
                return false;
            }
        }, Duration.ofSeconds(30));
        return seen.get();
    }

    private long monthFilesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("parquet"))) {
            return files.filter(f -> f.getFileName().toString().equals("candles.parquet")).count();
        }
    }

    @Test
    void theScrapeCountsEveryMonthFileAndTheLagIsFromTheDatasetsNewestCandle() throws Exception {
        InetSocketAddress at = ServePushTest.freeLoopback();
        CompletableFuture<CliRunner.Result> run = follow(at);
        Instant before = Instant.now();
        Scrape s = scrapeOnceAggregated(at);
        Instant after = Instant.now();

        long months = monthFilesOnDisk();
        assertThat(months).as("40 days span two or three months").isBetween(2L, 3L);
        assertThat(s.types).containsEntry("qlir_agg_months_written_total", "COUNTER");
        assertThat(s.value("qlir_agg_months_written_total", "job", JOB)).isEqualTo((double) months);
        // the dataset holds closed candles only: its newest closes at the top of the hour the store was fetched in
        double lag = s.value("qlir_job_lag_seconds", "job", JOB);
        assertThat(lag).isBetween(Duration.between(hour, before).toSeconds() - 1.0,
                Duration.between(hour, after).toSeconds() + 1.0);
        assertThat(s.sum("qlir_job_failures_total", "job", JOB)).isZero();
        assertThat(s.families).containsKey("jvm_memory_used_bytes");

        HttpResponse<String> h = Scrape.get(at, "/health");
        assertThat(h.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(h.body());
        assertThat(health.path("status").asText()).as(h.body()).isEqualTo("UP");
        assertThat(health.path("jobs").get(0).path("job").asText()).isEqualTo(JOB);
        assertThat(health.path("jobs").get(0).path("state").asText()).isEqualTo("ok");

        CliRunner.Result r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("(metrics on http://");
    }

    @Test
    void healthIsDegradedWhenTheDatasetLagsPastTheThreshold() throws Exception {
        InetSocketAddress at = ServePushTest.freeLoopback();
        CompletableFuture<CliRunner.Result> run = follow(at, "--health-max-lag", "1s");
        scrapeOnceAggregated(at);
        HttpResponse<String> h = Scrape.get(at, "/health");
        JsonNode health = new ObjectMapper().readTree(h.body());
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asText()).as(h.body()).isEqualTo("DEGRADED");
        assertThat(health.path("jobs").get(0).path("state").asText()).isEqualTo("lagging");
        assertThat(health.path("jobs").get(0).path("lag_seconds").asDouble()).isGreaterThan(1.0);
        assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
    }
}
