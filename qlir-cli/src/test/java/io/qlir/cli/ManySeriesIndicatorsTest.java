package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir indicators --symbols/--all --out DIR}, end to end in-process, on the real 30m recording stored twice. */
class ManySeriesIndicatorsTest {

    private static final String OPS = "sma(close,14); arp(14); bollinger(close,20,2)";

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        DemoStore.write(root, "BTCUSDT");
        DemoStore.write(root, "ETHUSDT");
    }

    private CliRunner.Result indicators(String... more) {
        List<String> args = new ArrayList<>(List.of("indicators", "--data-root", root.toString(), "--ops", OPS));
        args.addAll(List.of(more));
        return cli.run(args.toArray(new String[0]));
    }

    private Path work(String name) {
        return cli.workingDir().resolve(name);
    }

    @Test
    void eachSymbolIsWrittenToItsOwnFileAsTheSingleSeriesCommandWritesIt() throws Exception {
        CliRunner.Result r = indicators("--symbols", "ETHUSDT,BTCUSDT", "--interval", "30m", "--limit", "100",
                "--out", "features", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(CliRunner.filesUnder(work("features")))
                .containsExactly("BTCUSDT-30m-limit100.csv", "ETHUSDT-30m-limit100.csv");
        assertThat(r.out()).contains("wrote 2 files to features (998 rows, new columns: close_sma_14, arp_14, "
                + "close_boll_mid_20_2, close_boll_upper_20_2, close_boll_lower_20_2)");

        CliRunner.Result single = indicators("--symbol", "BTCUSDT", "--interval", "30m", "--limit", "100", "--out",
                "single.csv");
        assertThat(single.exitCode()).as(single.err()).isZero();
        List<String> expected = Files.readAllLines(work("single.csv"));
        assertThat(Files.readAllLines(work("features/BTCUSDT-30m-limit100.csv"))).isEqualTo(expected);
        assertThat(Files.readAllLines(work("features/ETHUSDT-30m-limit100.csv"))).isEqualTo(expected);
        String[] row13 = expected.get(14).split(",", -1);
        double sma = 0;
        for (int i = 0; i <= 13; i++) {
            sma += DemoCandles.close(i);
        }
        assertThat(Double.parseDouble(row13[11])).isCloseTo(sma / 14, offset(1e-9));
    }

    @Test
    void allWritesEverySeriesOfTheStoreNarrowedByTheFiltersGiven() throws Exception {
        CliRunner.Result r = indicators("--all", "--out", "all", "--format", "json", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(CliRunner.filesUnder(work("all")))
                .containsExactly("BTCUSDT-30m-limit100.json", "ETHUSDT-30m-limit100.json");
        assertThat(r.err()).doesNotContain("series,").doesNotContain("[#");

        CliRunner.Result none = indicators("--all", "--interval", "1h", "--out", "none");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--all: no series under data root " + root + " matches --interval 1h;"
                + " series present: BTCUSDT 30m klines limit=100, ETHUSDT 30m klines limit=100");
        assertThat(work("none")).doesNotExist();
    }

    @Test
    void progressIsShownOnStderrUnlessQuiet() {
        CliRunner.Result r = indicators("--all", "--out", "p");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("indicators: 2/2 series, ").contains("done in");
    }

    @Test
    void anUnknownSymbolIsNamedWithWhatTheStoreHolds() {
        CliRunner.Result r = indicators("--symbols", "BTCUSDT,DOGEUSDT", "--interval", "30m", "--limit", "100",
                "--out", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no DOGEUSDT 30m klines limit=100 under data root")
                .contains("series present: BTCUSDT 30m klines limit=100, ETHUSDT 30m klines limit=100");
        assertThat(work("x")).doesNotExist();
    }

    @Test
    void badCombinationsAreOneLineWithExit2() {
        CliRunner.Result both = indicators("--symbols", "BTCUSDT", "--all", "--interval", "30m", "--out", "x");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip().lines()).singleElement().asString().contains(
                "--symbols and --all are mutually exclusive");

        CliRunner.Result noOut = indicators("--symbols", "BTCUSDT", "--interval", "30m");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--symbols needs --out DIR: one file per series is written into it");

        CliRunner.Result noInterval = indicators("--symbols", "BTCUSDT", "--out", "x");
        assertThat(noInterval.exitCode()).isEqualTo(2);
        assertThat(noInterval.err()).contains("--symbols needs --interval");

        CliRunner.Result threadsAlone = indicators("--symbol", "BTCUSDT", "--interval", "30m", "--threads", "2");
        assertThat(threadsAlone.exitCode()).isEqualTo(2);
        assertThat(threadsAlone.err()).contains("--threads works with --symbols or --all");

        CliRunner.Result withSymbol = indicators("--all", "--symbol", "BTCUSDT", "--out", "x");
        assertThat(withSymbol.exitCode()).isEqualTo(2);
        assertThat(withSymbol.err()).contains("--all and --symbol are mutually exclusive");
        assertThat(work("x")).doesNotExist();
    }

    @Test
    void aFailingSeriesIsNamedTheOthersAreWrittenAndTheExitCodeIs1() throws Exception {
        Path blocked = Files.createDirectories(work("out/ETHUSDT-30m-limit100.csv"));
        Files.writeString(blocked.resolve("keep.txt"), "not to be lost");

        CliRunner.Result r = indicators("--all", "--out", "out", "--quiet");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("indicators: 1 of 2 series derived; failed: ETHUSDT 30m klines limit=100: ");
        assertThat(r.out()).contains("wrote 1 files to out");
        assertThat(CliRunner.filesUnder(work("out"))).containsExactly("BTCUSDT-30m-limit100.csv",
                "ETHUSDT-30m-limit100.csv", "ETHUSDT-30m-limit100.csv/keep.txt");
        assertThat(Files.readString(blocked.resolve("keep.txt"))).isEqualTo("not to be lost");
    }
}
