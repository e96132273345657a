package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.Logging;
import io.qlir.core.Interval;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qlir candles export} and {@code qlir indicators --symbol} answer the same before and after {@code qlir agg},
 * and after it they really read the sealed months from Parquet (a slice file inside a sealed month made unreadable
 * changes nothing).
 */
class DatasetFastPathCliTest {

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;
    private final SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.H6, 100);

    @BeforeEach
    void setUp() {
        fake = FakeBinance.builder().seed(11)
                .symbol(FakeSymbol.trading("BTCUSDT", Instant.parse("2024-01-01T00:00:00Z")))
                .clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    private String ok(String... args) {
        String[] base = {"--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval", "6h", "--limit", "100"};
        String[] all = new String[args.length + base.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(base, 0, all, args.length, base.length);
        CliRunner.Result r = cli.run(all);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.out() + r.err()).isZero();
        return r.out();
    }

    @Test
    void exportAndIndicatorsAreTheSameWithTheDatasetAndReallyUseIt() throws Exception {
        ok("fetch", "--start", "2024-01-01T00:00:00Z", "--end", "2024-06-30T18:00:00Z");
        String[] export = {"candles", "export", "--start", "2024-01-01T00:00:00Z", "--end", "2024-06-30T18:00:00Z"};
        String[] indicators = {"indicators", "--ops", "sma(close,20); rsi(close,14)", "--start",
            "2024-01-01T00:00:00Z", "--end", "2024-06-30T18:00:00Z"};
        String exportBefore = ok(export);
        String indicatorsBefore = ok(indicators);
        assertThat(exportBefore.lines().count()).isEqualTo(1 + 182 * 4);

        assertThat(ok("agg")).contains("wrote 7 months (2024-01 .. 2024-07), 800 candles");
        assertThat(ok(export)).isEqualTo(exportBefore);
        assertThat(ok(indicators)).isEqualTo(indicatorsBefore);

        long inJanuary = Instant.parse("2024-01-10T00:00:00Z").toEpochMilli();
        SliceEntry e = SliceReader.open(root, series).entries(inJanuary, inJanuary).get(0);
        Path file = Layout.sliceFile(series.directory(root), e.key());
        assertThat(e.key().endMs()).isLessThan(Instant.parse("2024-02-01T00:00:00Z").toEpochMilli()); // inside January
        Files.write(file, new byte[(int) Files.size(file)]);
        assertThat(ok(export)).isEqualTo(exportBefore);
    }
}
