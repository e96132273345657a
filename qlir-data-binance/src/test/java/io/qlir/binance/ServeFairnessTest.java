package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.retry.Sleeper;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler shares the budget fairly: under a budget that cannot refresh every job at the asked cadence, every
 * forming candle is still refreshed at the stretched period, and one deep backfill does not hold the others back.
 */
class ServeFairnessTest {

    @TempDir
    Path root;

    /**
     * 300 jobs at weight 2 every 10 s need 600 weight per 10 s; the budget is 600 per 10 s, of which half is kept
     * for refreshes, so the period stretches to 10 s × 600 / 300 = 20 s. On manual time, once every job has made
     * its first fetch, 95 % of all refresh gaps must be within 20 s plus one budget window (10 s), and none may
     * exceed 90 s: the budget holds each request's weight until a window after its response, and on manual time the
     * requests served at one instant all come due again at one instant, so a refresh may find that window's weight
     * taken and wait for the next, and (the eight workers being real threads racing to those instants) now and then
     * the one after. Measured over 27 runs (8,034 job runs recorded), the largest gap per job: 20 s for 80 %, 30 s
     * for 20 %, 40 s for 19 jobs, 50 s for one. A starved job (one job or a backfill holding the workers) would
     * wait the whole two minutes, far past 90 s.
     */
    @Test
    void everyFormingCandleIsRefreshedWithinTheStretchedPeriod() throws Exception {
        int jobs = 300;
        Instant start = Instant.parse("2024-01-04T12:00:30Z");
        Instant end = start.plus(Duration.ofMinutes(3));
        ManualTime time = new ManualTime(start);
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        Sleeper sleeper = advanceTo(time, end, server);
        try (FakeBinance fake = FakeBinance.builder().seed(5).generatedSymbols(jobs, start.minus(Duration.ofHours(2)))
                .clock(time.clock()).rateLimitClock(time.clock()).weightLimit(600, Duration.ofSeconds(10)).start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(sleeper)
                        .weightLimit(600, Duration.ofSeconds(10)).build()) {
            server.set(BinanceDataServer.builder(client, root).allTrading(Endpoint.KLINES, Interval.H1, "USDT")
                    .cadence(Duration.ofSeconds(10)).workers(8).sleeper(sleeper).start());
            assertThat(server.get().cadence()).hasValue(Duration.ofSeconds(20));
            assertThat(server.get().awaitTermination(Duration.ofSeconds(120)))
                    .as("the server stops once manual time reaches the end").isTrue();

            assertThat(fake.tooManyRequestsCount()).isZero();
            Map<String, List<Long>> tails = fake.requests().stream().filter(FakeRequest::isKlines)
                    .filter(r -> !"0".equals(r.param("startTime")))
                    .collect(Collectors.groupingBy(r -> r.param("symbol"),
                            Collectors.mapping(FakeRequest::arrivedAtMs, Collectors.toList())));
            assertThat(tails).hasSize(jobs);
            // start-up (one probe and one first fetch per job) takes the whole budget for a while; from the moment
            // every job has its first fetch, each is refreshed within the bound, to the end
            long allOpen = tails.values().stream().mapToLong(l -> l.stream().mapToLong(Long::longValue).min()
                    .orElseThrow()).max().orElseThrow();
            assertThat(allOpen).as("start-up ends well before the end").isLessThan(start.plusSeconds(60)
                    .toEpochMilli());
            List<Long> allGaps = new ArrayList<>();
            for (Map.Entry<String, List<Long>> e : tails.entrySet()) {
                List<Long> at = e.getValue().stream().sorted().toList();
                List<Long> gaps = new ArrayList<>();
                long previous = allOpen;
                for (long t : at) {
                    if (t > allOpen) {
                        gaps.add(t - previous);
                        previous = t;
                    }
                }
                gaps.add(end.toEpochMilli() - previous); // not starved at the end either
                assertThat(gaps).as(e.getKey() + " refreshed at " + at + ", every job open at " + allOpen)
                        .allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(Duration.ofSeconds(90).toMillis()));
                allGaps.addAll(gaps);
                // the first fetch, then refreshes through the two minutes or more after start-up
                assertThat(at.size()).as(e.getKey()).isGreaterThanOrEqualTo(5);
            }
            List<Long> sorted = allGaps.stream().sorted().toList();
            assertThat(sorted.get((int) (0.95 * (sorted.size() - 1))))
                    .as("95th percentile of %d refresh gaps", sorted.size())
                    .isLessThanOrEqualTo(Duration.ofSeconds(20 + 10).toMillis());
        }
    }

    /**
     * One job with 2 days of 1m history in slices of 10 (about 288 slices) and 20 jobs with half an hour (3 slices each),
     * on 2 workers: the 20 are current after a few turns of the deep one, not after its whole backfill.
     */
    @Test
    void oneDeepBackfillDoesNotHoldTheOthersBack() throws Exception {
        Instant now = Instant.parse("2024-01-04T12:34:56Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var builder = FakeBinance.builder().seed(3).clock(clock)
                .symbol(FakeSymbol.trading("DEEPUSDT", now.minus(Duration.ofDays(2))))
                .generatedSymbols(20, now.minus(Duration.ofMinutes(25)));
        FetchJob deep = FetchJob.of(Endpoint.KLINES, "DEEPUSDT", Interval.M1).withLimit(10);
        List<FetchJob> shallow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shallow.add(FetchJob.of(Endpoint.KLINES, String.format("G%04dUSDT", i), Interval.M1).withLimit(10));
        }
        AtomicInteger deepDone = new AtomicInteger();
        Set<FetchJob> current = ConcurrentHashMap.newKeySet();
        AtomicInteger deepWhenAllCurrent = new AtomicInteger(-1);
        FetchListener listener = new FetchListener() {
            @Override
            public void sliceDone(FetchProgress p) {
                if (p.job().equals(deep)) {
                    deepDone.incrementAndGet();
                } else if (p.slicesDone() >= p.slicesTotal() && current.add(p.job())
                        && current.size() == shallow.size()) {
                    deepWhenAllCurrent.set(deepDone.get());
                }
            }
        };
        try (FakeBinance fake = builder.start(); BinanceClient client = Stores.client(fake, clock).build();
                BinanceDataServer server = BinanceDataServer.builder(client, root).job(deep).jobs(shallow)
                        .cadence(null).workers(2).listener(listener).start()) {
            Await.until("the deep job has caught up", () -> server.state(deep).phase()
                    == JobPhase.SLEEPING, Duration.ofSeconds(120));
            long deepSlices = server.state(deep).slicesAttempted();
            assertThat(deepSlices).isGreaterThanOrEqualTo(288);
            assertThat(deepWhenAllCurrent.get()).as("deep slices done when the 20 others were current, of "
                    + deepSlices).isBetween(0, (int) deepSlices / 10);
            for (FetchJob j : shallow) {
                assertThat(server.state(j).slicesAttempted()).isEqualTo(3);
            }
        }
    }

    /**
     * A sleeper on manual time with the semantics of real sleeping when several threads sleep at once: each wakes
     * at its own target, so concurrent sleeps do not add up. Stops the server once time reaches the end.
     */
    private static Sleeper advanceTo(ManualTime time, Instant end, AtomicReference<BinanceDataServer> server) {
        Object lock = new Object();
        return d -> {
            long target = time.now().toEpochMilli() + d.toMillis();
            synchronized (lock) {
                long now = time.now().toEpochMilli();
                if (target > now) {
                    time.advance(Duration.ofMillis(target - now));
                }
            }
            if (!time.now().isBefore(end) && server.get() != null) {
                server.get().stop();
            }
        };
    }
}
