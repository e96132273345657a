package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.Logging;
import io.qlir.parquet.MonthFile;
import io.qlir.parquet.ParquetDataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir agg} on a store written from the real 30m recording. */
class AggCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        root = temp.resolve("data");
        DemoStore.write(root);
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    private CliRunner.Result agg(String... extra) {
        String[] base = {"agg", "--data-root", root.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli.run(all);
    }

    @Test
    void aggWritesTheMonthsOnceAndThenSaysNothingNew() throws Exception {
        CliRunner.Result first = agg("--symbol", "BTCUSDT", "--interval", "30m", "--limit", "100");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("BTCUSDT 30m limit=100: wrote ");
        List<MonthFile> months = ParquetDataset.months(root, DemoStore.series());
        assertThat(months).isNotEmpty();
        // the recording's 500 candles less the one still forming at the store's clock
        assertThat(months.stream().mapToLong(MonthFile::rows).sum()).isEqualTo(499);

        CliRunner.Result again = agg("--all");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing new");
    }

    @Test
    void aggWithoutASeriesIsOneClearError() {
        CliRunner.Result r = agg();
        assertThat(r.exitCode()).isEqualTo(Exit.BAD_INPUT);
        assertThat(r.err()).contains("--symbol and --interval, or --all");
    }
}
