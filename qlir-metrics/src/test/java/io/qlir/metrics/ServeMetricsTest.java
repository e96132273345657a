package io.qlir.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.Fault;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics and /health of a data server against the fake Binance, read back with a Prometheus text parser. */
class ServeMetricsTest {

    static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path root;

    @Test
    void aScrapeDuringServeShowsWhatTheStoreHoldsAndWhatWasSent() throws Exception {
        ManualTime time = new ManualTime(Instant.parse("2024-01-03T10:00:30Z"));
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5);
        QlirMetrics metrics = QlirMetrics.create(time.clock()).jobs(List.of(job));
        CountDownLatch caughtUp = new CountDownLatch(1);
        try (Rig rig = Rig.start(root, time, job, metrics, d -> {
            caughtUp.countDown();
            new CountDownLatch(1).await(); // the clock stands still: sleep until stopped
        })) {
            FakeBinance fake = rig.fake();
            BinanceDataServer server = rig.server();
            HealthCheck health = HealthCheck.builder(metrics, server::states).cadence(Duration.ofSeconds(20)).build();
            try (MetricsEndpoint http = MetricsEndpoint.start(LOOPBACK_ANY_PORT, metrics, health::report)) {
                assertThat(caughtUp.await(60, TimeUnit.SECONDS)).as("the job caught up and slept").isTrue();

                HttpResponse<String> r = Scrape.get(http.address(), "/metrics");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.PROMETHEUS_TEXT);
                Scrape s = Scrape.parse(r.body());

                // What was sent: the fake saw every request, all answered 200.
                assertThat(s.types).containsEntry("qlir_requests_total", "COUNTER");
                assertThat(s.value("qlir_requests_total", "endpoint", "klines", "outcome", "ok"))
                        .isEqualTo((double) fake.klineRequestCount());
                assertThat(s.sum("qlir_requests_total")).isEqualTo((double) fake.requests().size());
                assertThat(s.sum("qlir_rate_limited_total")).isZero();
                assertThat(s.value("qlir_retries_total")).isZero();
                assertThat(s.value("qlir_request_weight_limit")).isEqualTo(6000.0);
                assertThat(s.value("qlir_request_weight_used")).isBetween(1.0, 6000.0);

                // What the store holds: the counters add up to the manifest's slices and candles.
                Manifest m = Manifest.load(root, job.series()).manifest();
                long stored = m.fileBacked().stream().mapToLong(e -> e.rows().count()).sum();
                assertThat(stored).isEqualTo(21); // 09:40 (the 5-minute slice holding since) to 10:00, hand-counted
                assertThat(s.value("qlir_candles_written_total", "job", job.name())).isEqualTo((double) stored);
                Map<String, Long> byStatus = m.fileBacked().stream().collect(Collectors.groupingBy(
                        e -> e.status().wireCode(), Collectors.counting()));
                assertThat(byStatus).containsOnlyKeys("complete", "partial");
                byStatus.forEach((status, n) -> assertThat(s.value("qlir_slices_written_total", "job", job.name(),
                        "status", status)).as(status).isEqualTo((double) n));
                assertThat(s.sum("qlir_job_failures_total")).isZero();
                // 10:00:30, the 10:00 candle forms: the newest closed one ended at 10:00:00.
                assertThat(s.value("qlir_job_lag_seconds", "job", job.name())).isEqualTo(30.0);
                // The JVM's own.
                assertThat(s.families).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads",
                        "process_uptime_seconds");

                HttpResponse<String> h = Scrape.get(http.address(), "/health");
                assertThat(h.statusCode()).isEqualTo(200);
                assertThat(h.body()).startsWith("{\"status\":\"UP\",\"pid\":" + ProcessHandle.current().pid())
                        .contains("\"job\":\"binance-klines-BTCUSDT-1m-limit5\",\"state\":\"ok\",\"lag_seconds\":30.0");
                assertThat(Scrape.get(http.address(), "/nothing").statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void healthDegradesWhileTheUpstreamFailsAndRecoversWhenItAnswersAgain() throws Exception {
        ManualTime time = new ManualTime(Instant.parse("2024-01-03T10:00:30Z"));
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5);
        QlirMetrics metrics = QlirMetrics.create(time.clock()).jobs(List.of(job));
        Semaphore asleep = new Semaphore(0);
        Semaphore wake = new Semaphore(0);
        try (Rig rig = Rig.start(root, time, job, metrics, d -> {
            asleep.release();
            wake.acquire(); // the test decides when a sleep ends, after moving the clock
        })) {
            FakeBinance fake = rig.fake();
            BinanceDataServer server = rig.server();
            HealthCheck health = HealthCheck.builder(metrics, server::states).cadence(Duration.ofSeconds(20)).build();
            try {
                awaitSleep(asleep);
                assertThat(health.report().status()).isEqualTo(HealthStatus.UP);

                // The next close: Binance answers 503 to every attempt, the slice is marked failed.
                fake.enqueueFaults(Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
                time.advance(Duration.ofMinutes(1));
                wake.release();
                awaitSleep(asleep);
                HealthReport failing = health.report();
                assertThat(failing.status()).isEqualTo(HealthStatus.DEGRADED);
                assertThat(failing.jobs()).singleElement().satisfies(j -> {
                    assertThat(j.state()).isEqualTo("failing");
                    assertThat(j.lastError()).contains("503");
                });
                Scrape s = Scrape.parse(metrics.scrape());
                assertThat(s.value("qlir_job_failures_total", "job", job.name(), "kind", "slice")).isEqualTo(1.0);
                assertThat(s.value("qlir_requests_total", "endpoint", "klines", "outcome", "failed")).isEqualTo(3.0);
                assertThat(s.value("qlir_retries_total")).isEqualTo(2.0);
                assertThat(s.value("qlir_slices_written_total", "job", job.name(), "status", "failed"))
                        .isEqualTo(1.0);

                // Binance answers again: the job writes, and is ok again.
                HealthStatus status = HealthStatus.DEGRADED;
                for (int round = 0; round < 10 && status != HealthStatus.UP; round++) {
                    time.advance(Duration.ofSeconds(20));
                    wake.release();
                    awaitSleep(asleep);
                    status = health.report().status();
                }
                assertThat(status).as("health after Binance answered again").isEqualTo(HealthStatus.UP);
                assertThat(health.report().jobs().get(0).lastError()).contains("503");
            } finally {
                server.stop();
                wake.release(100);
            }
        }
    }

    /** The fake Binance, a client with quick retries and a server of one job since 20 minutes ago, all heard. */
    record Rig(FakeBinance fake, BinanceClient client, BinanceDataServer server) implements AutoCloseable {

        static Rig start(Path root, ManualTime time, FetchJob job, QlirMetrics metrics, Sleeper sleeper) {
            FakeBinance fake = FakeBinance.builder().seed(7)
                    .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(42_000)).clock(time.clock()).start();
            BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
                            .maxDelay(Duration.ofMillis(2)).build())
                    .requestListener(metrics).build();
            metrics.bindBudget(client.budget());
            BinanceDataServer server = BinanceDataServer.builder(client, root).job(job)
                    .since(time.now().minus(Duration.ofMinutes(20))).cadence(Duration.ofSeconds(20))
                    .listener(metrics).sleeper(sleeper).start();
            return new Rig(fake, client, server);
        }

        @Override
        public void close() {
            server.close();
            client.close();
            fake.close();
        }
    }

    private static void awaitSleep(Semaphore asleep) throws InterruptedException {
        assertThat(asleep.tryAcquire(60, TimeUnit.SECONDS)).as("the job went to sleep within 60 s").isTrue();
    }

    @Test
    void theEndpointBindsOnlyTheGivenAddress() throws Exception {
        QlirMetrics metrics = QlirMetrics.create(java.time.Clock.systemUTC());
        try (MetricsEndpoint http = MetricsEndpoint.start(LOOPBACK_ANY_PORT, metrics,
                HealthCheck.builder(metrics, List::of).build()::report)) {
            assertThat(http.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(Scrape.get(http.address(), "/metrics").statusCode()).isEqualTo(200);
            Optional<InetAddress> other = nonLoopbackAddress();
            assumeThat(other).as("a non-loopback address on this machine").isPresent();
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), http.address().getPort()),
                        5_000)).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void aPortInUseIsOneClearError() throws IOException {
        QlirMetrics metrics = QlirMetrics.create(java.time.Clock.systemUTC());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            assertThatThrownBy(() -> MetricsEndpoint.start(at, metrics, HealthCheck.builder(metrics, List::of)
                    .build()::report)).isInstanceOf(MetricsAddressException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("choose another HOST:PORT");
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

}
