package io.qlir.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health judges lag by the cadence the server runs at: when the weight budget cannot afford the cadence asked for,
 * the server stretches it, and three stretched cadences is the threshold, not three asked-for ones.
 */
class EffectiveCadenceHealthTest {

    @TempDir
    Path root;

    @Test
    void theThresholdFollowsTheServersStretchedCadenceNotTheFlag() {
        ManualTime time = new ManualTime(Instant.parse("2024-01-03T10:00:30Z"));
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5);
        QlirMetrics metrics = QlirMetrics.create(time.clock()).jobs(List.of(job));
        Duration asked = Duration.ofSeconds(20);
        try (FakeBinance fake = FakeBinance.builder()
                .symbol(FakeSymbol.trading("BTCUSDT", Instant.parse("2024-01-01T00:00:00Z"))).clock(time.clock())
                .start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                        .weightLimit(6, Duration.ofMinutes(1)).build()) {
            BinanceDataServer server = BinanceDataServer.builder(client, root).job(job).cadence(asked).start();
            try {
                HealthCheck health = HealthCheck.builder(metrics, server::states)
                        .effectiveCadence(() -> server.cadence().orElse(null)).build();
                // By hand: one klines job costs weight 2 a request, 6 per minute at a cadence of 20 s; of a budget
                // of 6 per minute its close fetches take 2 and one request 2 stays free, leaving 2 for refreshes:
                // one every 20 s x 6 / 2 = 60 s (not every 20 s).
                assertThat(server.cadence()).hasValue(Duration.ofSeconds(60));
                assertThat(health.threshold(job)).isEqualTo(Duration.ofMinutes(3)); // 3 x 60 s > 2 x 1m
                HealthCheck byTheFlag = HealthCheck.builder(metrics, server::states).cadence(asked).build();
                assertThat(byTheFlag.threshold(job)).isEqualTo(Duration.ofMinutes(2)); // 2 x 1m > 3 x 20 s
            } finally {
                server.close();
            }
        }
    }
}
