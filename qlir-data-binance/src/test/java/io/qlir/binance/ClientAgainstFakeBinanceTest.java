package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeBinanceBuilder;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.Fault;
import io.qlir.testkit.FaultPlan;
import io.qlir.testkit.ManualTime;
import io.qlir.testkit.RateWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client against the testkit's independent model of Binance. */
class ClientAgainstFakeBinanceTest {

    static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final long M5 = 300_000L;

    private static FakeBinanceBuilder market() {
        return FakeBinance.builder().seed(11)
                .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(42_000))
                .symbol(FakeSymbol.trading("ETHBTC", LISTED).withAssets("ETH", "BTC").withBasePrice(0.05))
                .symbol(FakeSymbol.trading("OLDUSDT", LISTED).withStatus("BREAK"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Short real waits: retries in tests should not take seconds. */
    private static RetryPolicy quickRetries() {
        return RetryPolicy.builder().maxAttempts(8).initialDelay(Duration.ofMillis(2)).maxDelay(Duration.ofMillis(20))
                .build();
    }

    @Test
    void aWholeHistoryFetchedThroughTwentyPercentFaultsArrivesExactly() {
        FaultPlan faults = FaultPlan.random(0.20, 5, Fault.SERVER_ERROR, Fault.RESET, Fault.TRUNCATED_BODY,
                Fault.MALFORMED_JSON, Fault.DELAY);
        try (FakeBinance fake = market().faults(faults).faultDelay(Duration.ofMillis(400)).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).retryPolicy(quickRetries())
                        .readTimeout(Duration.ofMillis(200)).random(new Random(1)).build()) {
            long first = client.firstCandle(Endpoint.KLINES, "BTCUSDT", Interval.M5).orThrow().openTime(0);
            assertThat(first).isEqualTo(LISTED.toEpochMilli()).isEqualTo(fake.firstOpenTime("BTCUSDT", Interval.M5));
            long forming = fake.formingOpenTime(Interval.M5);
            StringBuilder all = new StringBuilder("[");
            int retries = 0;
            int pages = 0;
            for (long start = first; start <= forming; start += 1000 * M5) {
                BinanceResult<KlineBatch> r = client.klines(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M5)
                        .between(start, start + 999 * M5));
                KlineBatch b = r.orThrow();
                assertThat(b.problems()).isEmpty();
                String raw = b.rawJson();
                all.append(all.length() > 1 && raw.length() > 2 ? "," : "").append(raw, 1, raw.length() - 1);
                retries += r.call().retries();
                pages++;
            }
            String expected = fake.rowsJson("BTCUSDT", Interval.M5, first, forming);
            assertThat(all.append(']').toString()).isEqualTo(expected);
            assertThat(pages).isEqualTo(2); // 3.5 days of 5m = 1063 candles
            assertThat(retries).isPositive();
            assertThat(client.stats().retries()).isEqualTo(retries);
            assertThat(client.stats().failures()).isZero();
            assertThat(fake.requests().stream().filter(q -> q.fault().isPresent()).count()).isEqualTo(retries);
        }
    }

    @Test
    void anUnknownSymbolFailsFastNamingItself() {
        try (FakeBinance fake = market().start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).build()) {
            BinanceResult<KlineBatch> r = client.firstCandle(Endpoint.UI_KLINES, "NOPEUSDT", Interval.M1);
            assertThat(r).isInstanceOfSatisfying(BinanceResult.BinanceError.class, e -> {
                assertThat(e.code()).isEqualTo(-1121);
                assertThat(e.describe()).contains("NOPEUSDT").contains("-1121").contains("uiklines");
            });
            assertThat(fake.klineRequestCount()).isEqualTo(1);
            assertThat(fake.requests().get(0).path()).isEqualTo("/api/v3/uiKlines");
        }
    }

    @Test
    void exchangeInfoAndServerTimeFromTheFake() {
        try (FakeBinance fake = market().start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl())
                        .clock(Clock.fixed(NOW.minusSeconds(3), ZoneOffset.UTC)).build()) {
            assertThat(client.tradingSymbols().orThrow()).containsExactly("BTCUSDT", "ETHBTC");
            assertThat(client.tradingSymbols("BTC").orThrow()).containsExactly("ETHBTC");
            assertThat(client.exchangeInfo().orThrow().requestWeightLimit()).hasValueSatisfying(
                    l -> assertThat(l.limit()).isEqualTo(6000));
            ServerTime t = client.serverTime().orThrow();
            assertThat(t.isSkewed()).isTrue();
            assertThat(t.warning()).hasValueSatisfying(w -> assertThat(w).contains("behind Binance by 3"));
        }
    }

    @Test
    void aClientWithTooLargeABudgetHonours429AndIsNeverBanned() {
        // The fake allows 20 weight per 10 s; the client believes it may send 1000. Shared manual time: waits are free.
        ManualTime time = new ManualTime(Instant.parse("2024-02-01T00:00:00Z"));
        try (FakeBinance fake = market().rateLimitClock(time.clock()).weightLimit(20, Duration.ofSeconds(10))
                .toleratedViolations(0).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                        .sleeper(time::sleep).weightLimit(1000, Duration.ofSeconds(10)).build()) {
            int http429 = 0;
            for (int i = 0; i < 30; i++) {
                BinanceResult<KlineBatch> r = client.klines(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.H1)
                        .withStartTime(LISTED.toEpochMilli() + i * 3_600_000L).withLimit(1));
                assertThat(r.isOk()).as(r.describe()).isTrue();
                http429 += r.call().http429();
            }
            assertThat(http429).isPositive().isEqualTo(fake.tooManyRequestsCount());
            assertThat(fake.bannedCount()).isZero();
            assertThat(client.stats().http429()).isEqualTo(http429);
            // 30 requests of weight 2 at 20 per 10 s window: at least two windows had to pass
            assertThat(time.now()).isAfterOrEqualTo(Instant.parse("2024-02-01T00:00:20Z"));
        }
    }

    @Test
    void weightUsedBySomeoneElseOnTheIpIsReadFromTheHeaderAndLeftAlone() throws Exception {
        // Another tool on the same IP has used 40 of the fake's 60 per 10 s; our client alone would send 60.
        ManualTime time = new ManualTime(Instant.parse("2024-02-01T00:00:00Z"));
        try (FakeBinance fake = market().rateLimitClock(time.clock()).weightLimit(60, Duration.ofSeconds(10))
                .toleratedViolations(0).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(time.clock())
                        .sleeper(time::sleep).weightLimit(60, Duration.ofSeconds(10)).build();
                BinanceClient otherTool = BinanceClient.builder().baseUrl(fake.baseUrl())
                        .weightLimit(60, Duration.ofSeconds(10)).build()) {
            for (int i = 0; i < 20; i++) {
                otherTool.serverTime().orThrow(); // weight 1 each
            }
            otherTool.exchangeInfo().orThrow();   // weight 20
            assertThat(fake.usedWeight()).isEqualTo(40);
            for (int i = 0; i < 20; i++) {
                BinanceResult<KlineBatch> r = client.klines(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.H1)
                        .withStartTime(LISTED.toEpochMilli() + i * 3_600_000L).withLimit(1));
                assertThat(r.isOk()).as(r.describe()).isTrue();
            }
            assertThat(fake.tooManyRequestsCount()).isZero();
            assertThat(client.stats().http429()).isZero();
            // 10 of our requests fit beside the other tool's 40; the rest waited for the next window
            assertThat(fake.rateWindows()).extracting(RateWindow::used).startsWith(60);
            assertThat(time.now()).isAfterOrEqualTo(Instant.parse("2024-02-01T00:00:10Z"));
        }
    }

    @Test
    void a418PausesEveryJobOfTheProcessForItsRetryAfter() throws Exception {
        try (FakeBinance fake = market().scriptedRetryAfter(Duration.ofSeconds(1)).start();
                BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).build()) {
            fake.enqueueFaults(Fault.BANNED);
            ExecutorService jobs = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> jobA = jobs.submit(() -> fetchHours(client, "BTCUSDT", 5));
                // job B starts once the process knows of the ban: it must wait, not hit the banned IP
                Await.until("the client knows of the ban", () -> client.budget().pausedUntil().isPresent(),
                        Duration.ofSeconds(20));
                Future<Integer> jobB = jobs.submit(() -> fetchHours(client, "ETHBTC", 5));
                assertThat(jobA.get(20, TimeUnit.SECONDS)).isEqualTo(5);
                assertThat(jobB.get(20, TimeUnit.SECONDS)).isEqualTo(5);
            } finally {
                jobs.shutdownNow();
            }
            List<FakeRequest> log = fake.requests();
            FakeRequest ban = log.get(0);
            assertThat(ban.status()).isEqualTo(418);
            assertThat(fake.bannedCount()).isEqualTo(1);
            assertThat(log).hasSize(11);
            assertThat(log.subList(1, log.size())).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.arrivedAtMs()).isGreaterThanOrEqualTo(ban.arrivedAtMs() + 1000);
            });
            assertThat(client.stats().http418()).isEqualTo(1);
        }
    }

    private static int fetchHours(BinanceClient client, String symbol, int n) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            if (client.klines(KlineQuery.of(Endpoint.KLINES, symbol, Interval.H1)
                    .withStartTime(LISTED.toEpochMilli() + i * 3_600_000L).withLimit(1)).isOk()) {
                ok++;
            }
        }
        return ok;
    }
}
