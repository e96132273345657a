package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that takes a series, given bad input: a bad interval, a bad symbol, a start after its end, an
 * unusable data root. Each is exit 2 with one {@code qlir:} line naming the input, and nothing is written: no data
 * root, no log, no output file. No network is needed: all of it is refused before any request.
 */
class BadInputMatrixTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", "http://127.0.0.1:9");
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    /** Each command with {@code %S} for the symbol and {@code %I} for the interval, and whether it takes a range. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("fetch --symbol %S --interval %I", true),
                Arguments.of("serve --jobs %S:%I:klines --stop-after 1s", false),
                Arguments.of("manifest validate --symbol %S --interval %I", false),
                Arguments.of("manifest rebuild --symbol %S --interval %I", false),
                Arguments.of("manifest summary --symbol %S --interval %I", false),
                Arguments.of("candles export --symbol %S --interval %I --out c.csv", true),
                Arguments.of("indicators --symbol %S --interval %I --ops sma(close,3) --out i.csv", true),
                Arguments.of("chart --symbol %S --interval %I --ops sma(close,3) --out c.png", true),
                Arguments.of("study sma --symbol %S --interval %I", false));
    }

    private CliRunner.Result run(String template, String symbol, String interval, String... more) {
        List<String> args = new ArrayList<>();
        for (String a : template.split(" ")) {
            args.add(a.replace("%S", symbol).replace("%I", interval));
        }
        args.add("--data-root");
        args.add(root.toString());
        args.addAll(List.of(more));
        return cli.run(args.toArray(new String[0]));
    }

    private void assertRefused(CliRunner.Result r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments);
        assertThat(r.err().lines().filter(l -> l.startsWith("qlir: ")).count()).as(r.err()).isEqualTo(1);
        assertThat(root).doesNotExist();
        assertThat(CliRunner.filesUnder(cli.workingDir())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aBadIntervalIsRefused(String command, boolean takesRange) {
        assertRefused(run(command, "BTCUSDT", "1H"), "unknown interval '1H'", "valid: 1s, 1m, 3m");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aBadSymbolIsRefused(String command, boolean takesRange) {
        assertRefused(run(command, "btcusdt", "1h"), "'btcusdt' is not a symbol", "did you mean BTCUSDT?");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aStartAfterItsEndIsRefused(String command, boolean takesRange) {
        if (takesRange) {
            assertRefused(run(command, "BTCUSDT", "1h", "--start", "2024-02-01", "--end", "2024-01-01"),
                    "--start 2024-02-01T00:00:00Z is after --end 2024-01-01T00:00:00Z");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anUnusableDataRootIsRefused(String command, boolean takesRange) throws Exception {
        Path blocker = Files.writeString(temp.resolve("blocker"), "x");
        root = blocker.resolve("data");
        CliRunner.Result r = run(command, "BTCUSDT", "1h");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("data root " + root);
        assertThat(Files.readString(blocker)).isEqualTo("x");
        assertThat(CliRunner.filesUnder(cli.workingDir())).isEmpty();
    }
}
