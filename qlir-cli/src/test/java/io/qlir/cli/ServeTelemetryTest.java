package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.cli.config.Telemetry;
import io.qlir.core.Interval;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --metrics-address}: /health judges lag by the cadence the server runs at, not by {@code --cadence}. */
class ServeTelemetryTest {

    @TempDir
    Path root;

    @Test
    void healthTakesTheServersStretchedCadenceOnceItRuns() throws Exception {
        ManualTime time = new ManualTime(Instant.parse("2024-01-03T10:00:30Z"));
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5);
        Duration asked = Duration.ofSeconds(20);
        Telemetry on = new Telemetry(Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                Optional.empty());
        try (FakeBinance fake = FakeBinance.builder()
                .symbol(FakeSymbol.trading("BTCUSDT", Instant.parse("2024-01-01T00:00:00Z"))).clock(time.clock())
                .start();
                ServeTelemetry watch = ServeTelemetry.start(on, time.clock(), asked);
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                        .weightLimit(6, Duration.ofMinutes(1)).requestListener(watch.requestListener()).build()) {
            assertThat(watch.healthCadence()).as("before the server runs: the flag").isEqualTo(asked);
            BinanceDataServer server = BinanceDataServer.builder(client, root).job(job).cadence(asked)
                    .listener(watch.listener(io.qlir.binance.FetchListener.NONE)).start();
            try {
                watch.serving(client, List.of(job), server);
                // By hand: weight 2 a klines request, 6 per minute at 20 s; a budget of 6 per minute less the close
                // fetches (2) and one free request (2) leaves 2: one refresh every 20 s x 6 / 2 = 60 s
                assertThat(watch.healthCadence()).isEqualTo(Duration.ofSeconds(60));
            } finally {
                server.close();
            }
        }
    }
}
