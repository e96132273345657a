package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir fetch} end to end, in-process, against the fake Binance (real time, a symbol listed 3 days ago). */
class FetchCommandTest {

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        Instant listed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        fake = FakeBinance.builder()
                .symbol(FakeSymbol.trading("BTCUSDT", listed))
                .symbol(FakeSymbol.trading("ETHUSDT", listed))
                .clock(Clock.systemUTC())
                .start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    private CliRunner.Result fetch(String... args) {
        String[] base = {"fetch", "--data-root", root.toString(), "--interval", "1h", "--limit", "24"};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return cli.run(all);
    }

    @Test
    void fetchesTheWholeHistoryValidatesCleanAndLogsToTheJobsFile() throws Exception {
        CliRunner.Result r = fetch("--symbol", "BTCUSDT");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("BTCUSDT 1h klines limit=24: ").contains("0 failed", "store: ",
                "partial: still_forming");
        assertThat(r.err()).contains("BTCUSDT 1h klines limit=24: ").contains(" slices, ");   // plain progress
        Logging.stopFiles();

        CliRunner.Result v = cli.run("manifest", "validate", "--data-root", root.toString(), "--symbol", "BTCUSDT",
                "--interval", "1h", "--limit", "24", "--deep");
        assertThat(v.exitCode()).as(v.out()).isZero();
        assertThat(v.out()).startsWith("clean: ");

        Path log = root.resolve("logs").resolve("binance-klines-BTCUSDT-1h-limit24.log");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(n.get("job").asText()).isEqualTo("binance-klines-BTCUSDT-1h-limit24");
        }
    }

    @Test
    void aSecondRunAsksOnlyForWhatIsNotCompleteOnDisk() {
        assertThat(fetch("--symbol", "BTCUSDT").exitCode()).isZero();
        fake.clearRequests();
        CliRunner.Result again = fetch("--symbol", "BTCUSDT", "--order", "oldest-first");
        assertThat(again.exitCode()).as(again.err()).isZero();
        // the pre-flight probe, the fetcher's probe and the still-forming slice: never a complete one
        assertThat(fake.klineRequestCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void anUnknownSymbolIsBadInputWithLookalikesAndWritesNothing() {
        CliRunner.Result r = fetch("--symbol", "BTCUSTD");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: --symbol:", "BTCUSTD", "BTCUSDT");
        assertThat(root).doesNotExist();
    }

    @Test
    void startAfterEndIsBadInputAndAsksNothing() {
        CliRunner.Result r = fetch("--symbol", "BTCUSDT", "--start", "2024-02-01", "--end", "2024-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--start 2024-02-01T00:00:00Z is after --end 2024-01-01T00:00:00Z");
        assertThat(fake.klineRequestCount()).isZero();
        assertThat(root).doesNotExist();
    }

    @Test
    void aStartInTheFutureIsBadInputAndCreatesNothing() {
        CliRunner.Result r = fetch("--symbol", "BTCUSDT", "--start", "2999-01-01");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--start 2999-01-01T00:00:00Z is in the future");
        assertThat(fake.klineRequestCount()).isZero();
        assertThat(root).doesNotExist();
    }

    @Test
    void aServerThatAnswers404IsNamedAsReachedWithWhatItSaid() throws Exception {
        CliRunner.Result r = fetch("--symbol", "BTCUSDT", "--base-url", fake.baseUrl() + "/nothing-here",
                "--retry-max-attempts", "1");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("refused the first-candle probe", "404", "--base-url")
                .doesNotContain("cannot reach");
        assertThat(root).doesNotExist();
    }

    @Test
    void aBadIntervalIsBadInputAndAsksNothing() {
        CliRunner.Result r = cli.run("fetch", "--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval",
                "1H");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown interval '1H'; valid: 1s, 1m");
        assertThat(fake.klineRequestCount()).isZero();
        assertThat(root).doesNotExist();
    }

    @Test
    void anUnwritableDataRootIsBadInputAndAsksNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        CliRunner.Result r = cli.run("fetch", "--data-root", file.resolve("data").toString(), "--symbol", "BTCUSDT",
                "--interval", "1h");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not writable", "is a file, not a folder");
        assertThat(fake.klineRequestCount()).isZero();
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void anUnreachableBinanceIsAFailureAndWritesNothing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRunner.Result r = fetch("--symbol", "BTCUSDT", "--base-url", "http://127.0.0.1:" + closedPort,
                "--retry-max-attempts", "1", "--connect-timeout", "500ms");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("qlir: qlir fetch failed:", "cannot reach Binance at http://127.0.0.1:"
                + closedPort);
        assertThat(root).doesNotExist();
    }
}
