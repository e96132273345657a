package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.retry.Sleeper;
import io.qlir.data.validate.ValidationMode;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Follow mode: the tail, the closes, sleeping, many jobs, shutdown. */
class DataServerTest {

    static final long MINUTE = 60_000L;

    @TempDir
    Path root;

    @Test
    void followFetchesTheFormingTailAtTheCadenceAndEveryCloseAndSleepsInBetween() throws Exception {
        Instant start = Instant.parse("2024-01-03T10:00:30Z");
        Instant end = start.plus(Duration.ofMinutes(12));
        ManualTime time = new ManualTime(start);
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5); // 5-minute slices
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        Sleeper sleeper = d -> {
            sleeps.add(d);
            time.sleep(d);
            if (!time.now().isBefore(end)) {
                server.get().stop();
            }
        };
        try (FakeBinance fake = Stores.market(time.clock()).rateLimitClock(time.clock()).start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(time::sleep).build()) {
            server.set(BinanceDataServer.builder(client, root).job(job).since(start.minus(Duration.ofMinutes(20)))
                    .cadence(Duration.ofSeconds(20)).closeDelay(Duration.ofSeconds(1)).sleeper(sleeper).start());
            assertThat(server.get().awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(server.get().state(job).phase()).isEqualTo(JobPhase.STOPPED);

            // No busy loop: every sleep is real, and there are about as many as there were reasons to wake.
            assertThat(sleeps).allSatisfy(d -> assertThat(d).isPositive());
            assertThat(sleeps.size()).isBetween(12, 12 * 4 + 5);
            List<FakeRequest> klines = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            assertThat(klines.size()).isBetween(12 + 4, 12 * 4 + 8);

            // Every close was fetched from the candle that closed, within the close delay and a little more.
            long firstClose = Interval.M1.floor(start.toEpochMilli()) + MINUTE;
            for (long close = firstClose; close <= end.toEpochMilli(); close += MINUTE) {
                long closed = close - MINUTE;
                long at = close;
                assertThat(klines).as("the close at " + Instant.ofEpochMilli(close)).anySatisfy(r -> {
                    assertThat(Long.parseLong(r.param("startTime"))).isEqualTo(closed);
                    assertThat(r.arrivedAtMs()).isBetween(at, at + 5_000);
                });
            }
            // While a candle forms, its tail is fetched again at the cadence.
            long forming = Interval.M1.floor(start.toEpochMilli()) + 3 * MINUTE;
            assertThat(klines.stream().filter(r -> Long.parseLong(r.param("startTime")) == forming
                    && r.arrivedAtMs() < forming + MINUTE).count()).isGreaterThanOrEqualTo(2);

            ArrayNode stored = Stores.storedRows(job.series().directory(root));
            long sinceSlice = job.series().grid(fake.firstOpenTime("BTCUSDT", Interval.M1))
                    .containing(start.minus(Duration.ofMinutes(20)).toEpochMilli()).startMs();
            long lastStored = stored.get(stored.size() - 1).get(0).asLong();
            assertThat(lastStored).isEqualTo(Interval.M1.floor(end.toEpochMilli()));
            ArrayNode closedOnly = stored.deepCopy();
            closedOnly.remove(closedOnly.size() - 1);
            assertThat(closedOnly).isEqualTo(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M1, sinceSlice,
                    lastStored - MINUTE)));
            assertThat(Binance.validate(root, job, ValidationMode.DEEP).isClean()).isTrue();
        }
    }

    @Test
    void manyJobsShareOneClientAndOneFailingJobNeverStopsTheOthers() throws Exception {
        Instant now = Instant.parse("2024-01-04T12:34:56Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        FetchJob btc = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1);
        FetchJob eth = FetchJob.of(Endpoint.UI_KLINES, "ETHUSDT", Interval.H1);
        FetchJob nope = FetchJob.of(Endpoint.KLINES, "NOPEUSDT", Interval.H1);
        FetchJob locked = FetchJob.of(Endpoint.KLINES, "ETHUSDT", Interval.H4).withLimit(10);
        Map<String, String> mdcSeen = new ConcurrentHashMap<>();
        FetchListener listener = new FetchListener() {
            @Override
            public void sliceDone(FetchProgress p) {
                mdcSeen.put(p.job().name(), String.valueOf(MDC.get(BinanceDataServer.MDC_JOB)));
            }
        };
        Sleeper shortNaps = d -> Thread.sleep(Math.min(d.toMillis(), 20));
        try (FakeBinance fake = Stores.market(clock).start(); BinanceClient client = Stores.client(fake, clock).build()) {
            SliceDirectory held = SliceDirectory.open(root, locked.series());
            BinanceDataServer server = BinanceDataServer.builder(client, root).jobs(List.of(btc, eth, nope, locked))
                    .job(btc).retryBackoff(Duration.ofMillis(30), Duration.ofMillis(100)).listener(listener)
                    .sleeper(shortNaps).start();
            try {
                assertThat(server.jobs()).containsExactly(btc, eth, nope, locked);
                Await.until("nope failed, locked backs off, btc and eth sleep", () -> server.state(nope).phase()
                        == JobPhase.FAILED
                        && server.state(locked).phase() == JobPhase.BACKING_OFF
                        && server.state(btc).phase() == JobPhase.SLEEPING
                        && server.state(eth).phase() == JobPhase.SLEEPING, Duration.ofSeconds(30));
                assertThat(server.state(nope).error()).hasValueSatisfying(m -> assertThat(m).contains("NOPEUSDT"));
                assertThat(server.state(locked).error()).hasValueSatisfying(m -> assertThat(m).contains("locked"));
                held.close();
                Await.until("the unlocked job sleeps", () -> server.state(locked).phase() == JobPhase.SLEEPING,
                        Duration.ofSeconds(30));
                assertThat(server.state(btc).slicesAttempted()).isEqualTo(1);
                assertThat(server.state(locked).slicesAttempted()).isEqualTo(3); // 21 candles of 4h in slices of 10
            } finally {
                server.close();
            }
            assertThat(server.states()).extracting(JobState::phase)
                    .containsExactly(JobPhase.STOPPED, JobPhase.STOPPED, JobPhase.FAILED, JobPhase.STOPPED);
            assertThat(nope.series().directory(root)).doesNotExist();
            for (FetchJob j : List.of(btc, eth, locked)) {
                assertThat(mdcSeen).containsEntry(j.name(), j.name());
                assertThat(Binance.validate(root, j, ValidationMode.DEEP).isClean()).isTrue();
                long first = fake.firstOpenTime(j.symbol(), j.interval());
                assertThat(Stores.storedRows(j.series().directory(root))).isEqualTo(Stores.tree(fake.rowsJson(
                        j.symbol(), j.interval(), first, fake.formingOpenTime(j.interval()))));
            }
        }
    }

    @Test
    void closeWakesSleepingJobsAndLeavesTheirDirectoriesConsistent() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-01-04T12:34:56Z"), ZoneOffset.UTC);
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1);
        try (FakeBinance fake = Stores.market(clock).start(); BinanceClient client = Stores.client(fake, clock).build()) {
            BinanceDataServer server = BinanceDataServer.builder(client, root).job(job).cadence(Duration.ofMinutes(10))
                    .start(); // the real sleeper
            Await.until("the job sleeps", () -> server.state(job).phase() == JobPhase.SLEEPING,
                    Duration.ofSeconds(30));
            // asleep for minutes on the real sleeper: a close that did not wake it would outlast the wait below
            assertThat(server.state(job).nextWake()).isAfter(clock.instant().plus(Duration.ofMinutes(2)));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Await.until("close has woken the sleeping job and returned", closing::isDone, Duration.ofSeconds(60));
            closing.join();
            assertThat(server.state(job).phase()).isEqualTo(JobPhase.STOPPED);
            try (SliceDirectory dir = SliceDirectory.open(root, job.series())) {
                assertThat(dir.lastReconcile().changedNothing()).isTrue();
            }
        }
    }

    @Test
    void aCadenceTooFastForTheSharedBudgetIsStretched() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-01-04T12:34:56Z"), ZoneOffset.UTC);
        try (FakeBinance fake = Stores.market(clock).start();
                BinanceClient client = Stores.client(fake, clock).weightLimit(600, Duration.ofMinutes(1)).build()) {
            // By hand: 10 jobs x weight 2 every 1 s need 1,200 per minute; the close fetches take 10 x 2 per
            // minute and one request (2) is left over, so refreshes get 600 - 20 - 2 = 578 per minute:
            // every 1 s x 1,200 / 578 = 2,076.1 ms, rounded up to 2,077 ms.
            assertThat(cadenceOfTenJobsAtOneSecond(client)).hasValue(Duration.ofMillis(2_077));
        }
    }

    @Test
    void anAnnouncedLimitStricterThanTheConfiguredBudgetIsTheOneTheRefreshesArePlannedIn() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-01-04T12:34:56Z"), ZoneOffset.UTC);
        // configured: the client's default 6,000 per minute; announced by the fake: 600 per minute
        try (FakeBinance fake = Stores.market(clock).weightLimit(600, Duration.ofMinutes(1)).start();
                BinanceClient client = Stores.client(fake, clock).build()) {
            // By hand, as in the test above but with 600 per minute announced rather than configured: 2,077 ms.
            // (Planned in the configured 6,000 it would have stayed 1 s, and the announced limit would have
            // made every gap wait.)
            Optional<Duration> cadence = cadenceOfTenJobsAtOneSecond(client);
            assertThat(client.announcedLimits()).contains("REQUEST_WEIGHT 600 per 1 MINUTE");
            assertThat(cadence).hasValue(Duration.ofMillis(2_077));
        }
    }

    /**
     * The cadence a server of ten jobs asked to refresh every second runs at; the jobs' symbols are not listed, so
     * each fails and the server is closed once all have.
     */
    private Optional<Duration> cadenceOfTenJobsAtOneSecond(BinanceClient client) throws Exception {
        List<FetchJob> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(FetchJob.of(Endpoint.KLINES, "GONE" + i + "USDT", Interval.M1));
        }
        try (BinanceDataServer server = BinanceDataServer.builder(client, root).jobs(jobs)
                .cadence(Duration.ofSeconds(1)).start()) {
            Optional<Duration> cadence = server.cadence();
            Await.until("every job has failed", () -> server.states().stream()
                    .allMatch(s -> s.phase() == JobPhase.FAILED), Duration.ofSeconds(30));
            return cadence;
        }
    }
}
