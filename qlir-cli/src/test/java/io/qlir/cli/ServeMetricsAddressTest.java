package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.Logging;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir serve --metrics-address}: served while the jobs run; a port in use is bad input before any fetch. */
class ServeMetricsAddressTest {

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        Instant listed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        fake = FakeBinance.builder().symbol(FakeSymbol.trading("BTCUSDT", listed)).clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    @Test
    void aPortInUseIsOneClearErrorWithExit2AndNothingIsFetched() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h", "--limit", "24", "--data-root",
                    root.toString(), "--stop-after", "1s", "--metrics-address", address);
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--metrics-address: cannot serve metrics on " + address)
                    .contains("choose another HOST:PORT");
            assertThat(r.err().lines().filter(l -> l.contains("cannot serve metrics")).count()).isEqualTo(1);
        }
        assertThat(fake.klineRequestCount()).isZero();
        assertThat(root.resolve("binance")).doesNotExist();
    }

    @Test
    void theStartLineNamesTheMetricsAddress() {
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h", "--limit", "24", "--data-root",
                root.toString(), "--stop-after", "2s", "--metrics-address", "127.0.0.1:0");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("serving 1 job into .* \\(metrics on http://127\\.0\\.0\\.1:[1-9][0-9]*"
                + "/metrics\\)");
    }
}
