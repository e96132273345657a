package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.config.Telemetry;
import io.qlir.cli.logging.Logging;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.metrics.Scrape;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agg server's telemetry ({@code agg --follow --metrics-address}): /metrics, read with a Prometheus text parser,
 * counts every month file the agg server wrote (the files counted on disk) and measures the job's lag from the
 * dataset's newest candle on a manual clock; /health is UP while the dataset is current, DEGRADED once it lags past
 * the longer of three periods and two intervals, DOWN once the agg server stopped.
 */
class AggFollowMetricsTest {

    private static final String JOB = "binance-klines-BTCUSDT-1h-limit24";
    private static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.H1, 24);
    /**
     * The store holds the day slices from 2024-01-01 to 2024-02-09 (fetched whole): the newest candle opens at
     * 2024-02-09T23:00 and closes at this instant.
     */
    private static final Instant END = Instant.parse("2024-02-10T00:00:00Z");

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        fake = FakeBinance.builder().symbol(FakeSymbol.trading("BTCUSDT", Instant.parse("2023-12-01T00:00:00Z")))
                .clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
        CliRunner.Result seed = cli.run("fetch", "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24",
                "--data-root", root.toString(), "--start", "2024-01-01", "--end", "2024-02-09T23:00:00Z");
        assertThat(seed.exitCode()).as(seed.out() + seed.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    private static InetSocketAddress loopbackAnyPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private long monthFilesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("parquet"))) {
            return files.filter(f -> f.getFileName().toString().equals("candles.parquet")).count();
        }
    }

    private static JsonNode health(InetSocketAddress at, int status) throws IOException {
        HttpResponse<String> h = Scrape.get(at, "/health");
        assertThat(h.statusCode()).as(h.body()).isEqualTo(status);
        return new ObjectMapper().readTree(h.body());
    }

    @Test
    void theScrapeCountsEveryMonthFileTheLagIsFromTheDatasetsNewestCandleAndHealthJudgesIt() throws Exception {
        ManualTime time = new ManualTime(END.plus(Duration.ofHours(1)));
        AtomicReference<AggFollower> follower = new AtomicReference<>();
        Duration every = Duration.ofSeconds(1);
        try (ServeTelemetry watch = ServeTelemetry.start(new Telemetry(Optional.of(loopbackAnyPort()),
                Optional.empty()), time.clock(), () -> follower.get().states(), () -> every)) {
            AggFollower f = new AggFollower(DatasetAggregator.of(root), root, List.of(SERIES), every,
                    new PrintWriter(new StringWriter()), watch, null);
            follower.set(f);
            watch.jobs(f.jobs());
            InetSocketAddress at = watch.address();
            f.start();
            Await.until("the first aggregation counted on /metrics", () -> {
                try {
                    return Scrape.parse(Scrape.get(at, "/metrics").body()).sum("qlir_agg_months_written_total") > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Duration.ofSeconds(60));
            Scrape s = Scrape.parse(Scrape.get(at, "/metrics").body());

            assertThat(monthFilesOnDisk()).as("January and February 2024").isEqualTo(2);
            assertThat(s.types).containsEntry("qlir_agg_months_written_total", "COUNTER");
            assertThat(s.value("qlir_agg_months_written_total", "job", JOB)).isEqualTo(2.0);
            // the newest candle opens 2024-02-09T23:00 and closes at END; now is END + 1h
            assertThat(s.value("qlir_job_lag_seconds", "job", JOB)).isEqualTo(3600.0);
            assertThat(s.sum("qlir_job_failures_total", "job", JOB)).isZero();
            assertThat(s.families).containsKey("jvm_memory_used_bytes");

            JsonNode up = health(at, 200);
            assertThat(up.path("status").asText()).as(up.toString()).isEqualTo("UP");
            assertThat(up.path("jobs").get(0).path("job").asText()).isEqualTo(JOB);
            assertThat(up.path("jobs").get(0).path("state").asText()).isEqualTo("ok");

            // nothing new arrives while two more hours pass: past 2 intervals (2 h > 3 periods of 1 s)
            time.advance(Duration.ofHours(2));
            JsonNode lagging = health(at, 200);
            assertThat(lagging.path("status").asText()).as(lagging.toString()).isEqualTo("DEGRADED");
            assertThat(lagging.path("jobs").get(0).path("state").asText()).isEqualTo("lagging");
            assertThat(lagging.path("jobs").get(0).path("lag_seconds").asDouble()).isEqualTo(3 * 3600.0);

            f.stop(Duration.ofSeconds(30));
            JsonNode down = health(at, 503);
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("jobs").get(0).path("state").asText()).isEqualTo("stopped");
            assertThat(Scrape.parse(Scrape.get(at, "/metrics").body()).value("qlir_agg_months_written_total",
                    "job", JOB)).as("a month counted once: later runs found nothing new").isEqualTo(2.0);
        }
    }

    @Test
    void aMetricsPortInUseIsBadInputBeforeTheAggServerStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner.Result r = cli.run("agg", "--follow", "--every", "1s", "--stop-after", "1s",
                    "--metrics-address", "127.0.0.1:" + taken.getLocalPort(), "--data-root", root.toString(),
                    "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--metrics-address");
            assertThat(r.out()).doesNotContain("following");
        }
        assertThat(Files.exists(root.resolve("parquet"))).as("nothing aggregated").isFalse();
    }
}
