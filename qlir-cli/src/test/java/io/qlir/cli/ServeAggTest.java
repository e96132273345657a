package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchProgress;
import io.qlir.cli.logging.Logging;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.parquet.MonthFile;
import io.qlir.parquet.ParquetDataset;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.core.Interval;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset kept current while the data server writes, on the fake Binance: {@code serve --agg} inside the
 * server, and {@code agg --follow} as a process of its own next to {@code serve}. Either way, once both stopped,
 * the dataset holds every closed candle the slices hold (a fresh {@code agg} finds nothing new) and validates clean.
 */
class ServeAggTest {

    @TempDir
    Path temp;

    private FakeBinance fake;
    private CliRunner cli;
    private Path root;
    private final SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.H1, 24);

    @BeforeEach
    void setUp() {
        Instant listed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        fake = FakeBinance.builder().symbol(FakeSymbol.trading("BTCUSDT", listed)).clock(Clock.systemUTC()).start();
        cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", fake.baseUrl());
        root = temp.resolve("data");
    }

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
        fake.close();
    }

    private void assertDatasetCurrent() throws Exception {
        CliRunner.Result again = cli.run("agg", "--data-root", root.toString(), "--symbol", "BTCUSDT", "--interval",
                "1h", "--limit", "24");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing new");
        long closed = 3 * 24; // listed three whole hours-aligned days ago: 72 closed candles, the forming one left out
        assertThat(ParquetDataset.months(root, series).stream().mapToLong(MonthFile::rows).sum())
                .isBetween(closed, closed + 1); // + 1 when an hour turned while the test ran
        CliRunner.Result v = cli.run("manifest", "validate", "--data-root", root.toString(), "--symbol", "BTCUSDT",
                "--interval", "1h", "--limit", "24", "--deep");
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).doesNotContain("derived_dataset");
    }

    @Test
    void serveWithAggKeepsTheDatasetCurrent() throws Exception {
        CliRunner.Result r = cli.run("serve", "--jobs", "BTCUSDT:1h", "--limit", "24", "--agg",
                "--data-root", root.toString(), "--stop-after", "3s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        Logging.stopFiles();
        assertDatasetCurrent();
    }

    @Test
    void aggFollowKeepsUpWithServe() throws Exception {
        // serve's first write creates the series before agg --follow lists it
        CliRunner.Result seed = cli.run("fetch", "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24",
                "--data-root", root.toString(), "--start", Instant.now().minus(Duration.ofDays(1)).toString());
        assertThat(seed.exitCode()).as(seed.out() + seed.err()).isZero();
        CompletableFuture<CliRunner.Result> serve = CompletableFuture.supplyAsync(() -> cli.run("serve", "--jobs",
                "BTCUSDT:1h", "--limit", "24", "--data-root", root.toString(), "--stop-after", "3s"));
        CliRunner.Result follow = cli.run("agg", "--follow", "--every", "1s", "--stop-after", "8s", "--data-root",
                root.toString(), "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24");
        CliRunner.Result served = serve.get(60, TimeUnit.SECONDS);
        assertThat(served.exitCode()).as(served.out() + served.err()).isZero();
        assertThat(follow.exitCode()).as(follow.out() + follow.err()).isZero();
        assertThat(follow.out()).contains("agg: following 1 series every 1s for 8s", "BTCUSDT 1h limit=24: wrote ");
        Logging.stopFiles();
        assertDatasetCurrent();
    }

    @Test
    void everyMonthTheServersAggregationWritesIsCountedForItsJob() throws Exception {
        CliRunner.Result seed = cli.run("fetch", "--symbol", "BTCUSDT", "--interval", "1h", "--limit", "24",
                "--data-root", root.toString(), "--start", Instant.now().minus(Duration.ofDays(2)).toString());
        assertThat(seed.exitCode()).as(seed.out() + seed.err()).isZero();
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1).withLimit(24);
        AtomicInteger counted = new AtomicInteger();
        try (AfterSeriesWrites agg = new AfterSeriesWrites("agg", new AggAfterWrites(DatasetAggregator.of(root), j -> {
            assertThat(j).isEqualTo(job);
            counted.incrementAndGet();
        }))) {
            agg.sliceDone(new FetchProgress(job, 1, 1, 0, 24, Duration.ZERO, null, null));
        }
        int months = ParquetDataset.months(root, series).size();
        assertThat(months).isPositive();
        assertThat(counted.get()).isEqualTo(months); // first aggregation: every month file is new
    }
}
