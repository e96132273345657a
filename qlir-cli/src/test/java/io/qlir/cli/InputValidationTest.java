package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.logging.Logging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared input checks of the store commands, through picocli in-process: each bad input is exit 2, one clear
 * message naming the input and what is valid, and nothing written.
 */
class InputValidationTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path dataRoot;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp);
        cli.withCommand("probe", ProbeCommand.class);
        dataRoot = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    private CliRunner.Result probe(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "probe";
        all[1] = "--data-root";
        all[2] = dataRoot.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.run(all);
    }

    private void assertBadInput(CliRunner.Result r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(fragments);
        assertThat(r.err().lines().filter(l -> l.startsWith("qlir: ")).count()).as(r.err()).isEqualTo(1);
        assertThat(CliRunner.filesUnder(temp.resolve("data"))).isEmpty();
        assertThat(dataRoot).doesNotExist();
    }

    @Test
    void aGoodCommandLineRunsAndWritesItsJobLog() throws IOException {
        CliRunner.Result r = probe("--symbol", "BTCUSDT", "--interval", "1m", "--start", "2024-01-01",
                "--end", "1704153600000", "--endpoint", "uiklines");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(dataRoot.toString());
        Logging.stopFiles();
        Path log = dataRoot.resolve("logs").resolve("binance-uiklines-BTCUSDT-1m.log");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("message").asText()).isEqualTo("probing BTCUSDT M1 from 2024-01-01T00:00:00Z");
        assertThat(line.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aBadIntervalListsTheValidCodes() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "5x"),
                "--interval", "unknown interval '5x'", "valid: 1s, 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d,"
                        + " 3d, 1w, 1M");
    }

    @Test
    void intervalsAreCaseSensitive() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1H"), "unknown interval '1H'");
    }

    @Test
    void aLowerCaseSymbolSuggestsTheUpperCaseOne() {
        assertBadInput(probe("--symbol", "btcusdt", "--interval", "1m"), "--symbol", "did you mean BTCUSDT?");
    }

    @Test
    void aSymbolWithASeparatorSaysWhatASymbolIs() {
        assertBadInput(probe("--symbol", "BTC/USDT", "--interval", "1m"),
                "'BTC/USDT' is not a symbol", "upper-case letters and digits, for example BTCUSDT");
    }

    @Test
    void aMissingSymbolIsBadUsage() {
        assertBadInput(probe("--interval", "1m"), "Missing required option: '--symbol=SYMBOL'",
                "Run 'qlir probe --help'");
    }

    @Test
    void aBadTimeNamesTheFormsThatWork() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--start", "yesterday"),
                "--start", "'yesterday' is not a time", "ISO-8601 instant", "ISO date", "epoch millis");
    }

    @Test
    void aDateTimeWithoutZoneIsRejectedWithAHint() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--end", "2024-01-01T10:00"),
                "--end", "add Z for UTC");
    }

    @Test
    void startAfterEndIsBadInput() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--start", "2024-02-01", "--end",
                "2024-01-01"), "--start 2024-02-01T00:00:00Z is after --end 2024-01-01T00:00:00Z");
    }

    @Test
    void aLimitAboveBinancesMaximumIsBadInput() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--limit", "1001"),
                "--limit 1001 is out of range", "1 to 1000");
    }

    @Test
    void aBadEndpointListsTheValidOnes() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--endpoint", "uiKlines"),
                "--endpoint", "unknown endpoint 'uiKlines'; valid: klines, uiklines");
    }

    @Test
    void aBadBaseUrlNamesTheFlag() {
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m", "--base-url", "ftp://x"),
                "bad base-url from flag --base-url", "not an http(s) base URL");
    }

    @Test
    void aBadLogProfileFromTheEnvironmentNamesTheVariable() {
        cli.env("QLIR_LOG_PROFILE", "verbose");
        assertBadInput(probe("--symbol", "BTCUSDT", "--interval", "1m"),
                "bad log-profile from env QLIR_LOG_PROFILE", "unknown log profile 'verbose'; valid: prod, info, debug");
    }

    @Test
    void anUnwritableDataRootIsBadInputAndNothingIsWritten() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file, not a folder");
        Path root = blocker.resolve("data");
        CliRunner.Result r = cli.run("probe", "--data-root", root.toString(), "--symbol", "BTCUSDT",
                "--interval", "1m");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("data root " + root + " (flag --data-root) is not writable",
                blocker + " is a file, not a folder", "--data-root or QLIR_DATA_ROOT");
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a folder");
        assertThat(CliRunner.filesUnder(temp)).containsExactlyInAnyOrder("blocker", "work", "home");
        assertThat(Logging.filesStarted()).isFalse();
    }

    @Test
    void anUnwritableLogDirIsBadInputAndTheDataRootIsNotCreated() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "x");
        CliRunner.Result r = probe("--symbol", "BTCUSDT", "--interval", "1m", "--log-dir",
                blocker.resolve("logs").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("log folder", "(flag --log-dir) is not writable");
        assertThat(dataRoot).doesNotExist();
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
        CliRunner.Result r = probe("--symbol", "BTCUSDT", "--interval", "1m", "--symbl", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--symbl', 'X'", "Possible solutions: --symbol");
    }
}
