package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 defect 8 through the command line: a window longer than any column is exit 2 naming the op and the
 * argument (it was exit 1 with a NegativeArraySizeException), the longest valid one is exit 0 with empty cells.
 */
class HugeWindowCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        DemoCandles.csv(cli.workingDir().resolve("btc-30m.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sma(close,%d)", "arp(%d)", "wma(close,%d)", "bollinger(close,%d,2)",
        "band_touches(close,%d,2)"})
    void aWindowLongerThanAnyColumnIsExit2NamingTheOp(String template) {
        String op = String.format(template, Integer.MAX_VALUE);
        String name = op.substring(0, op.indexOf('('));

        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops", op, "--out", "out.csv");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(name + ": ").contains("2147483647")
                .contains("to 2147483639 (the longest column a table can hold)")
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sma(close,%d)", "arp(%d)", "wma(close,%d)", "bollinger(close,%d,2)",
        "band_touches(close,%d,2)"})
    void theLongestValidWindowIsExit0(String template) {
        CliRunner.Result r = cli.run("indicators", "--input", "btc-30m.csv", "--ops",
                String.format(template, 2147483639), "--out", "out.csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
