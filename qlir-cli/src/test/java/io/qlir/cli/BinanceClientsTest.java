package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceResult;
import io.qlir.binance.Endpoint;
import io.qlir.binance.KlineBatch;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import io.qlir.cli.demo.ReplayServer;
import io.qlir.core.Interval;
import io.qlir.emulator.RecordedKlines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client the CLI builds from its config, against the demo's replay server: the real client, no network. */
class BinanceClientsTest {

    @TempDir
    Path temp;

    @Test
    void theConfiguredClientTalksToTheReplayServer() throws Exception {
        RecordedKlines demo = ReplayServer.demoRecording();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(demo.openTime(499) + 600_000), ZoneOffset.UTC);
        try (ReplayServer server = ReplayServer.start(List.of(demo), clock)) {
            RuntimeConfig config = RuntimeConfig.resolver().workingDir(temp).homeDir(temp)
                    .flag(Setting.BASE_URL, server.baseUrl().toString())
                    .flag(Setting.RETRY_MAX_ATTEMPTS, "2")
                    .resolve();
            try (BinanceClient client = BinanceClients.from(config, clock)) {
                assertThat(client.baseUrl()).isIn(server.baseUrl().toString(), server.baseUrl() + "/");
                KlineBatch first = client.firstCandle(Endpoint.KLINES, "BTCUSDT", Interval.M30).orThrow();
                assertThat(first.size()).isEqualTo(1);
                assertThat(first.openTime(0)).isEqualTo(demo.openTime(0));

                KlineBatch tail = client.klines("BTCUSDT", Interval.M30, demo.openTime(495), demo.openTime(499), 10)
                        .orThrow();
                assertThat(tail.size()).isEqualTo(5);
                assertThat(tail.isForming(4)).isTrue();
                assertThat(tail.formingCount()).isEqualTo(1);

                BinanceResult<KlineBatch> unknown = client.firstCandle(Endpoint.KLINES, "NOPEUSDT", Interval.M30);
                assertThat(unknown).isInstanceOf(BinanceResult.BinanceError.class);
                assertThat(unknown.describe()).contains("NOPEUSDT", "-1121");
            }
        }
    }
}
