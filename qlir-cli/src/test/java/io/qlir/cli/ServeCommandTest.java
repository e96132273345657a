package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.Fault;
import io.qlir.testkit.FaultPlan;
import java.net.InetAddress;
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

/**
 * {@code qlir serve} end to end against the fake Binance: several jobs in one process, each catching up into its
 * own slice directory and logging into its own JSON file, stopped cleanly by {@code --stop-after}; with
 * {@code --metrics-address}, a port in use is bad input before any fetch.
 */
class ServeCommandTest {

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        Instant listed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        fake = FakeBinance.builder()
                .symbol(FakeSymbol.trading("BTCUSDT", listed))
                .symbol(FakeSymbol.trading("ETHUSDT", listed))
                .symbol(FakeSymbol.trading("ETHBTC", listed))
                .symbol(FakeSymbol.trading("OLDUSDT", listed).withStatus("BREAK"))
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

    private void assertValidatesClean(String symbol, String interval, String endpoint) {
        CliRunner.Result v = cli.run("manifest", "validate", "--data-root", root.toString(), "--symbol", symbol,
                "--interval", interval, "--limit", "24", "--endpoint", endpoint);
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    }

    @Test
    void servesSeveralJobsEachIntoItsOwnDirectoryAndLogFile() throws Exception {
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h:klines,ETHUSDT:1h:uiklines", "--limit", "24",
                "--data-root", root.toString(), "--stop-after", "3s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("serving 2 jobs into " + root, "BTCUSDT 1h klines limit=24: ",
                "ETHUSDT 1h uiklines limit=24: ");
        Logging.stopFiles();
        assertValidatesClean("BTCUSDT", "1h", "klines");
        assertValidatesClean("ETHUSDT", "1h", "uiklines");

        ObjectMapper json = new ObjectMapper();
        long pid = ProcessHandle.current().pid();
        for (String job : List.of("binance-klines-BTCUSDT-1h-limit24", "binance-uiklines-ETHUSDT-1h-limit24")) {
            List<String> lines = Files.readAllLines(root.resolve("logs").resolve(job + ".log"));
            assertThat(lines).as(job).isNotEmpty();
            for (String line : lines) {
                JsonNode n = json.readTree(line);
                assertThat(n.get("job").asText()).isEqualTo(job);
                assertThat(n.get("pid").asLong()).isEqualTo(pid);
                assertThat(n.get("thread").asText()).startsWith("qlir-worker-"); // a pool runs every job
            }
        }
    }

    @Test
    void everyRequestFailingIsExit1() {
        fake.faults(FaultPlan.random(1.0, 13, Fault.SERVER_ERROR));
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h:klines,ETHUSDT:1h:klines", "--limit", "24",
                "--data-root", root.toString(), "--retry-max-attempts", "1", "--stop-after", "2s");
        assertThat(fake.klineRequestCount()).as(r.out() + r.err()).isPositive();
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("BTCUSDT 1h klines limit=24: ", "last error: ");
    }

    @Test
    void allTakesTheTradingSymbolsOfAQuoteAsset() {
        CliRunner.Result r = cli.run("serve", "--all", "--interval", "1h", "--quote", "USDT", "--limit", "24",
                "--data-root", root.toString(), "--stop-after", "2s", "--workers", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("serving 2 jobs").doesNotContain("ETHBTC").doesNotContain("OLDUSDT");
        assertThat(root.resolve("binance/klines/raw/BTCUSDT/1h/limit=24")).isDirectory();
        assertThat(root.resolve("binance/klines/raw/ETHUSDT/1h/limit=24")).isDirectory();
    }

    @Test
    void anUnknownSymbolInTheJobsIsBadInputAndWritesNothing() {
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h,NOPEUSDT:1h", "--data-root", root.toString(),
                "--stop-after", "1s");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--jobs: Binance does not know NOPEUSDT");
        assertThat(root).doesNotExist();
    }

    @Test
    void jobsOfOnlyCommasIsBadInput() {
        CliRunner.Result r = cli.run("serve", "--jobs", ",,", "--data-root", root.toString(), "--stop-after", "1s");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--jobs").doesNotContain("allTrading(");
        assertThat(root).doesNotExist();
    }

    @Test
    void badJobSpecsAndOptionsAreBadInput() {
        assertThat(cli.run("serve", "--jobs", "BTCUSDT", "--data-root", root.toString()).err())
                .contains("'BTCUSDT' is not a job; write SYMBOL:INTERVAL[:ENDPOINT]");
        assertThat(cli.run("serve", "--jobs", "BTCUSDT:1x", "--data-root", root.toString()).err())
                .contains("unknown interval '1x'");
        assertThat(cli.run("serve", "--jobs", "BTCUSDT:1h", "--cadence", "soon", "--data-root", root.toString())
                .err()).contains("--cadence: 'soon' is not a duration");
        CliRunner.Result both = cli.run("serve", "--jobs", "BTCUSDT:1h", "--all", "--interval", "1h");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(cli.run("serve", "--all", "--data-root", root.toString()).err())
                .contains("Missing required argument", "--interval");
        CliRunner.Result noWorkers = cli.run("serve", "--jobs", "BTCUSDT:1h", "--workers", "0", "--data-root",
                root.toString());
        assertThat(noWorkers.exitCode()).isEqualTo(2);
        assertThat(noWorkers.err()).contains("--workers 0 is out of range; valid: 1 to 256");
        assertThat(root).doesNotExist();
        assertThat(fake.klineRequestCount()).isZero();
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
