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
import org.slf4j.LoggerFactory;

/**
 * The scheduler shares the budget fairly: under a budget that cannot refresh every job at the asked cadence, every
 * forming candle is still refreshed at the stretched period, and one deep backfill does not hold the others back.
 */
class ServeFairnessTest {

    @TempDir
    Path root;

    /**
     * 300 jobs of 1h candles (weight 2 a request) at a cadence of 5 s under a budget of 600 per 10 s. By hand: a
     * refresh of every job costs R = 600, so the cadence needs 600 × 10 s / 5 s = 1,200 per window; the close fetches
     * take 300 × 2 × 10 s / 1 h = 1⅔ per window and one request (2) is always left over, so the refresh budget is
     * 600 − 1⅔ − 2 = 596⅓ and the period 5 s × 1,200 / 596⅓ = 10,061.5 ms, rounded up: 10,062 ms. On manual time
     * (a request takes no time), once every job has had its first fetch every gap between two fetches of a job, and
     * from the last one to the end, is at most that: no percentile, every gap of every job.
     */
    @Test
    void everyFormingCandleIsRefreshedWithinTheStretchedPeriod() throws Exception {
        int jobs = 300;
        long period = (long) Math.ceil(5_000.0 * (600 * 10.0 / 5) / (600 - 300 * 2 * 10.0 / 3600 - 2));
        assertThat(period).isEqualTo(10_062);
        Instant start = Instant.parse("2024-01-04T12:00:30Z");
        Instant end = start.plus(Duration.ofMinutes(3));
        Map<String, List<Long>> tails = serve(jobs, start, end, Duration.ofSeconds(5), period, null);
        long allOpen = tails.values().stream().mapToLong(l -> l.get(0)).max().orElseThrow();
        assertThat(allOpen).as("start-up ends well before the end").isLessThan(start.plusSeconds(60).toEpochMilli());
        long largest = 0;
        Map<Long, Long> between = new java.util.TreeMap<>(); // fetch-to-fetch gaps, by length
        for (Map.Entry<String, List<Long>> e : tails.entrySet()) {
            List<Long> gaps = gapsAfter(e.getValue(), allOpen, end.toEpochMilli());
            assertThat(gaps).as(e.getKey() + " fetched at " + e.getValue() + ", every job open at " + allOpen)
                    .allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(period));
            largest = Math.max(largest, gaps.stream().mapToLong(Long::longValue).max().orElseThrow());
            gaps.subList(1, gaps.size() - 1).forEach(g -> between.merge(g, 1L, Long::sum));
            assertThat(e.getValue().size()).as(e.getKey()).isGreaterThanOrEqualTo(10);
        }
        LoggerFactory.getLogger(ServeFairnessTest.class).info("largest refresh gap {} ms (bound {} ms); gaps "
                + "between two fetches after start-up, ms=count: {}", largest, period, between);
    }

    /**
     * A job still catching up (36 slices of 10 candles behind) gets its forming refresh at every slot: 20 jobs of 1m
     * candles at a cadence of 10 s under a budget of 60 per 10 s. By hand: R = 40 needs 40 per window; the close
     * fetches take 20 × 2 × 10 s / 60 s = 6⅔ and one request 2, leaving 51⅓ ≥ 40: no stretch, the period is the
     * cadence, 10 s. The deep job's catch-up goes in what the refreshes leave over, and it still finishes.
     */
    @Test
    void aJobStillCatchingUpIsRefreshedWithinThePeriod() throws Exception {
        Instant start = Instant.parse("2024-01-04T12:00:30Z");
        Instant end = start.plus(Duration.ofMinutes(4));
        Map<String, List<Long>> formingFetches = new ConcurrentHashMap<>();
        Map<String, List<Long>> tails = serve(20, start, end, Duration.ofSeconds(10), 10_000, formingFetches);
        long allOpen = tails.values().stream().mapToLong(l -> l.get(0)).max().orElseThrow();
        List<Long> deep = formingFetches.get("G0000USDT");
        assertThat(deep).isNotNull();
        List<Long> gaps = gapsAfter(deep, allOpen, end.toEpochMilli());
        assertThat(gaps).as("the deep job's forming refreshes at " + deep).allSatisfy(g ->
                assertThat(g).isLessThanOrEqualTo(10_000));
        List<Long> catchUp = formingFetches.get("catch-up G0000USDT");
        assertThat(catchUp).as("36 slices of catch-up").hasSizeGreaterThanOrEqualTo(35);
        assertThat(deep.stream().filter(t -> t < catchUp.get(catchUp.size() - 1)).count())
                .as("forming refreshes while it was still catching up").isGreaterThanOrEqualTo(3);
    }

    private Map<String, List<Long>> serve(int jobs, Instant start, Instant end, Duration cadence, long period,
                                          Map<String, List<Long>> formingOut) throws Exception {
        ManualTime time = new ManualTime(start);
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        Sleeper sleeper = advanceTo(time, end, server);
        boolean deep = formingOut != null;
        int capacity = deep ? 60 : 600;
        var builder = FakeBinance.builder().seed(5).clock(time.clock()).rateLimitClock(time.clock())
                .weightLimit(capacity, Duration.ofSeconds(10));
        builder = builder.generatedSymbols(jobs, start.minus(Duration.ofHours(deep ? 6 : 2)));
        List<FetchJob> list = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String symbol = String.format("G%04dUSDT", i);
            list.add(deep ? FetchJob.of(Endpoint.KLINES, symbol, Interval.M1).withLimit(10)
                    : FetchJob.of(Endpoint.KLINES, symbol, Interval.H1));
        }
        try (FakeBinance fake = builder.start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(sleeper)
                        .weightLimit(capacity, Duration.ofSeconds(10)).build()) {
            var b = BinanceDataServer.builder(client, root).jobs(deep ? list.subList(0, 1) : list).cadence(cadence)
                    .workers(8).sleeper(sleeper);
            if (deep) { // the others have only their newest slice to fetch
                b.jobs(list.subList(1, jobs).stream().map(j -> j.withLimit(1000)).toList());
            }
            server.set(b.start());
            assertThat(server.get().cadence()).hasValue(Duration.ofMillis(period));
            assertThat(server.get().awaitTermination(Duration.ofSeconds(120)))
                    .as("the server stops once manual time reaches the end").isTrue();
            assertThat(fake.tooManyRequestsCount()).isZero();
            Map<String, List<Long>> tails = fake.requests().stream().filter(FakeRequest::isKlines)
                    .filter(r -> !"0".equals(r.param("startTime")))
                    .collect(Collectors.groupingBy(r -> r.param("symbol"), Collectors.mapping(FakeRequest::arrivedAtMs,
                            Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList()))));
            assertThat(tails).hasSize(jobs);
            if (deep) { // a fetch of the slice holding the candle forming when it arrived, or catch-up
                fake.requests().stream().filter(FakeRequest::isKlines).filter(r -> !"0".equals(r.param("startTime")))
                        .forEach(r -> formingOut.computeIfAbsent((Long.parseLong(r.param("endTime"))
                                >= Interval.M1.floor(r.arrivedAtMs()) ? "" : "catch-up ") + r.param("symbol"),
                                k -> new ArrayList<>()).add(r.arrivedAtMs()));
                formingOut.replaceAll((k, v) -> v.stream().sorted().toList());
            }
            return tails;
        }
    }

    /** The gaps from {@code from} to each fetch after it, fetch to fetch, and from the last one to {@code end}. */
    private static List<Long> gapsAfter(List<Long> at, long from, long end) {
        List<Long> gaps = new ArrayList<>();
        long previous = from;
        for (long t : at) {
            if (t > from) {
                gaps.add(t - previous);
                previous = t;
            }
        }
        gaps.add(end - previous);
        return gaps;
    }

    /**
     * One job with 2 days of 1m history in slices of 10 (about 288 slices) and 20 jobs with half an hour (3 slices
     * each), on 2 workers: the 20 are current after a few turns of the deep one, not after its whole backfill.
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
