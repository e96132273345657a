package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.manifest.DirectoryLockedException;
import io.qlir.data.manifest.NoSuchSeriesException;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.Fault;
import io.qlir.testkit.FaultPlan;
import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch mode against the fake Binance. */
class FetchTest {

    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    static final FetchJob BTC_5M = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M5).withLimit(100);

    @TempDir
    Path root;

    @Test
    void aFetchThroughTenPercentFaultsStoresExactlyTheCandlesAndASecondRunSendsNothing() throws Exception {
        FaultPlan faults = FaultPlan.random(0.10, 42, Fault.SERVER_ERROR, Fault.RESET, Fault.TRUNCATED_BODY,
                Fault.MALFORMED_JSON, Fault.DELAY);
        try (FakeBinance fake = Stores.market(FIXED).faults(faults).faultDelay(Duration.ofMillis(300)).start();
                BinanceClient client = Stores.client(fake, FIXED).readTimeout(Duration.ofMillis(150)).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).build();
            FetchSummary s = fetcher.fetch(BTC_5M);

            long first = fake.firstOpenTime("BTCUSDT", Interval.M5);
            long forming = fake.formingOpenTime(Interval.M5);
            assertThat(Stores.storedRows(dir(BTC_5M)))
                    .isEqualTo(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M5, first, forming)));
            long candles = Interval.M5.between(first, forming) + 1;
            assertThat(s.rows()).isEqualTo(candles);
            assertThat(s.attempted()).isEqualTo(s.slicesInRange()).isEqualTo((int) ((candles + 99) / 100));
            assertThat(s.complete()).isEqualTo(s.attempted() - 1);
            assertThat(s.partial()).isEqualTo(1);
            assertThat(s.failed()).isZero();
            assertThat(s.retries()).isPositive();
            assertThat(s.requests()).isEqualTo(fake.klineRequestCount());
            assertThat(s.isClean()).isTrue();
            ValidationReport v = Binance.validate(root, BTC_5M, ValidationMode.DEEP);
            assertThat(v.errors()).isEmpty();
            assertThat(v.isClean()).isTrue();

            fake.clearRequests();
            FetchSummary again = fetcher.fetch(BTC_5M);
            assertThat(fake.klineRequestCount()).isZero();
            assertThat(again.attempted()).isZero();
            assertThat(again.requests()).isZero();
        }
    }

    @Test
    void laterRunsFetchOnlyTheTailOfTheFormingSlice() throws Exception {
        ManualTime time = new ManualTime(NOW);
        try (FakeBinance fake = Stores.market(time.clock()).start();
                BinanceClient client = Stores.client(fake, time.clock()).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).build();
            fetcher.fetch(BTC_5M);
            List<SliceEntry> before = entries(BTC_5M);
            SliceEntry last = before.get(before.size() - 1);
            assertThat(last.status()).isEqualTo(SliceStatus.PARTIAL);
            long storedLast = last.rows().lastOpenMs();

            time.advance(Duration.ofMinutes(22));
            fake.clearRequests();
            FetchSummary s = fetcher.fetch(BTC_5M);
            List<FakeRequest> klines = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            assertThat(klines).hasSize(1);
            assertThat(Long.parseLong(klines.get(0).param("startTime"))).isEqualTo(storedLast);
            assertThat(Long.parseLong(klines.get(0).param("endTime"))).isEqualTo(last.key().lastOpenMs());
            assertThat(s.attempted()).isEqualTo(1);
            long first = fake.firstOpenTime("BTCUSDT", Interval.M5);
            assertThat(Stores.storedRows(dir(BTC_5M))).isEqualTo(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M5,
                    first, fake.formingOpenTime(Interval.M5))));
            // the file records the request actually sent, and the validator accepts it as a tail
            SliceMeta meta = SliceFile.readMeta(dir(BTC_5M).resolve(last.relativePath()));
            assertThat(meta.fetch().params()).containsEntry("startTime", Long.toString(storedLast));
            assertThat(meta.fetch().url()).contains("startTime=" + storedLast);
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).isClean()).isTrue();
        }
    }

    @Test
    void aRangeFetchesOnlyItsSlicesInTheChosenOrder() throws Exception {
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            List<Long> newest = new CopyOnWriteArrayList<>();
            List<Long> oldest = new CopyOnWriteArrayList<>();
            Instant from = Instant.parse("2024-01-02T00:00:00Z");
            Instant to = Instant.parse("2024-01-03T00:00:00Z");
            FetchSummary s = BinanceFetcher.builder(client, root).concurrency(1).listener(recorder(newest)).build()
                    .fetch(BTC_5M, from, to);
            assertThat(newest).hasSize(s.attempted()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            for (long start : newest) {
                assertThat(start + 100 * 300_000L - 1).isGreaterThanOrEqualTo(from.toEpochMilli());
                assertThat(start).isLessThanOrEqualTo(to.toEpochMilli());
            }
            FetchJob eth = FetchJob.of(Endpoint.KLINES, "ETHUSDT", Interval.M5).withLimit(100);
            BinanceFetcher.builder(client, root).concurrency(1).order(FetchOrder.OLDEST_FIRST)
                    .listener(recorder(oldest)).build().fetch(eth, from, to);
            assertThat(oldest).hasSize(s.attempted()).isSorted();
            assertThat(entries(eth)).allSatisfy(e -> assertThat(e.status()).isEqualTo(SliceStatus.COMPLETE));
        }
    }

    private static FetchListener recorder(List<Long> starts) {
        return new FetchListener() {
            @Override
            public void sliceDone(FetchProgress p) {
                starts.add(p.lastSlice().startMs());
            }
        };
    }

    @Test
    void anUnknownSymbolFailsFastNamingItselfAndWritesNothing() throws Exception {
        Path fresh = root.resolve("fresh");
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, fresh).build();
            assertThatThrownBy(() -> fetcher.fetch(FetchJob.of(Endpoint.KLINES, "BTCUSTD", Interval.M1)))
                    .isInstanceOf(UnknownSymbolException.class)
                    .hasMessageContaining("'BTCUSTD'").hasMessageContaining("-1121")
                    .hasMessageContaining("nothing was written").hasMessageContaining("did you mean BTCUSDT");
            assertThatThrownBy(() -> fetcher.fetch(FetchJob.of(Endpoint.UI_KLINES, "NOPE", Interval.H1)))
                    .isInstanceOf(UnknownSymbolException.class).hasMessageContaining("'NOPE'")
                    .satisfies(e -> assertThat(((UnknownSymbolException) e).symbol()).isEqualTo("NOPE"));
            assertThat(fresh).doesNotExist();
            assertThat(fake.klineRequestCount()).isEqualTo(2); // one probe each, nothing more
            FetchJob typo = FetchJob.of(Endpoint.KLINES, "BTCUSTD", Interval.M1);
            assertThatThrownBy(() -> Binance.fetch(client, fresh, Endpoint.KLINES, "BTCUSTD", Interval.M1, null, null))
                    .isInstanceOf(NoSuchSeriesException.class) // what loading a series that is not there throws too
                    .satisfies(e -> assertThat(((NoSuchSeriesException) e).series()).isEqualTo(typo.series()));
            assertThat(fresh).doesNotExist();
        }
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build();
                SliceDirectory held = SliceDirectory.open(root, BTC_5M.series())) {
            assertThat(held.path()).exists();
            assertThatThrownBy(() -> BinanceFetcher.builder(client, root).build().fetch(BTC_5M))
                    .isInstanceOf(DirectoryLockedException.class)
                    .hasMessageContaining("is locked by").hasMessageContaining("only one writer");
            assertThat(fake.klineRequestCount()).isZero();
        }
    }

    @Test
    void stopFinishesTheSliceInFlightAndLeavesAConsistentStore() throws Exception {
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher[] self = new BinanceFetcher[1];
            self[0] = BinanceFetcher.builder(client, root).concurrency(1).listener(new FetchListener() {
                @Override
                public void sliceDone(FetchProgress p) {
                    if (p.slicesDone() == 3) {
                        self[0].stop();
                    }
                }
            }).build();
            FetchSummary s = self[0].fetch(BTC_5M);
            assertThat(s.attempted()).isEqualTo(3);
            assertThat(s.stopReason()).hasValue("stop requested");
            assertThat(s.isClean()).isFalse();
            try (SliceDirectory dir = SliceDirectory.open(root, BTC_5M.series())) {
                assertThat(dir.lastReconcile().changedNothing()).isTrue();
                assertThat(dir.summary().count(SliceStatus.COMPLETE) + dir.summary().count(SliceStatus.PARTIAL))
                        .isEqualTo(3);
            }
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).isClean()).isTrue();
            assertThat(self[0].fetch(BTC_5M).attempted()).isZero(); // a stopped fetcher stays stopped
        }
    }

    @Test
    void stopCutsARequestThatWaitsOnTheNetworkShort() throws Exception {
        // the delayed answer and the read timeout are both far beyond the bounded wait below: only a stop that cuts
        // the waiting request short lets the fetch end within it
        try (FakeBinance fake = Stores.market(FIXED).faultDelay(Duration.ofMinutes(10)).start();
                BinanceClient client = Stores.client(fake, FIXED).readTimeout(Duration.ofMinutes(20)).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).concurrency(1).build();
            fetcher.fetch(BTC_5M, NOW.minus(Duration.ofHours(1)), NOW); // anchor and one slice
            fake.enqueueFaults(Fault.DELAY);
            CompletableFuture<FetchSummary> fetch = CompletableFuture.supplyAsync(() -> {
                try {
                    return fetcher.fetch(BTC_5M, Instant.parse("2024-01-02T00:00:00Z"), NOW);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            Await.until("the delayed request reached the fake", () -> fake.requests().stream()
                    .anyMatch(r -> r.fault().equals(Optional.of(Fault.DELAY))), Duration.ofSeconds(60));
            fetcher.stop();
            Await.until("stop has cut the waiting request short", fetch::isDone, Duration.ofSeconds(60));
            FetchSummary s = fetch.join();
            assertThat(s.stopReason()).isPresent();
            assertThat(s.attempted()).isZero();
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).isClean()).isTrue();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> FetchJob.of(Endpoint.KLINES, "btcusdt", Interval.M1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'btcusdt'");
        assertThatThrownBy(() -> FetchJob.parse("BTCUSDT")).hasMessageContaining("[endpoint:]SYMBOL:interval[:limit]");
        assertThatThrownBy(() -> FetchJob.parse("BTCUSDT:2m")).hasMessageContaining("2m");
        assertThat(FetchJob.parse("uiklines:ETHUSDT:15m:500"))
                .isEqualTo(new FetchJob(Endpoint.UI_KLINES, "ETHUSDT", Interval.M15, 500));
        assertThat(FetchJob.parse(BTC_5M.spec())).isEqualTo(BTC_5M);
        assertThat(FetchJob.parse("BTCUSDT:1M").interval()).isEqualTo(Interval.MO1);
        assertThat(BTC_5M.name()).isEqualTo("binance-klines-BTCUSDT-5m-limit100");
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).build();
            assertThatThrownBy(() -> fetcher.fetch(BTC_5M, NOW, NOW.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after its end");
            assertThat(fake.klineRequestCount()).isZero();
        }
    }

    private List<SliceEntry> entries(FetchJob job) throws Exception {
        return io.qlir.data.manifest.Manifest.load(root, job.series()).manifest().entries();
    }

    private Path dir(FetchJob job) {
        return job.series().directory(root);
    }

    static Set<Long> starts(List<SliceKey> keys) {
        return keys.stream().map(SliceKey::startMs).collect(Collectors.toSet());
    }

    static <T> List<T> list(Iterable<T> it) {
        List<T> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
