package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.testkit.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against a scripted local server: each answer class is handled as documented. */
class BinanceClientTest {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final String ROWS = "[[1714564800000,\"1.0\",\"2.0\",\"0.5\",\"1.5\",\"10.0\",1714564859999,\"15.0\",3,"
            + "\"5.0\",\"7.5\",\"0\"]]";

    final ManualTime time = new ManualTime(T0);
    final List<Duration> sleeps = new ArrayList<>();
    MockWebServer server;
    BinanceClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = client(RetryPolicy.builder().maxAttempts(3).build(), null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private BinanceClient client(RetryPolicy policy, WeightBudget shared) {
        BinanceClient.Builder b = BinanceClient.builder().baseUrl(server.url("/").toString())
                .readTimeout(Duration.ofMillis(500)).retryPolicy(policy).clock(time.clock())
                .sleeper(d -> {
                    sleeps.add(d);
                    time.sleep(d);
                }).random(new Random(3));
        return (shared == null ? b : b.budget(shared)).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    private BinanceResult<KlineBatch> klines() {
        return client.klines("BTCUSDT", Interval.M1, 1714564800000L, 1714564859999L, 1000);
    }

    @Test
    void sendsTheQueryAndNamesQlirInTheUserAgent() throws Exception {
        server.enqueue(json(200, ROWS));
        KlineBatch b = klines().orThrow();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/klines");
        assertThat(r.getUrl().encodedQuery())
                .isEqualTo("symbol=BTCUSDT&interval=1m&startTime=1714564800000&endTime=1714564859999&limit=1000");
        assertThat(r.getHeaders().get("User-Agent")).matches("qlir/\\d+\\.\\d+\\.\\d+.*").isEqualTo(client.userAgent());
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.receivedAt()).isEqualTo(T0);
        assertThat(b.query().endpoint()).isEqualTo(Endpoint.KLINES);

        server.enqueue(json(200, "[]"));
        client.uiKlines("ETHBTC", Interval.MO1, 0, 5, 7).orThrow();
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/api/v3/uiKlines?symbol=ETHBTC&interval=1M&startTime=0&endTime=5&limit=7");
        server.enqueue(json(200, "[]"));
        client.firstCandle(Endpoint.KLINES, "ETHBTC", Interval.D3).orThrow();
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/api/v3/klines?symbol=ETHBTC&interval=3d&startTime=0&limit=1");
    }

    @Test
    void aBinanceErrorNamesTheSymbolAndCodeAndIsNotRetried() {
        server.enqueue(json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        BinanceResult<KlineBatch> r = client.klines("BTCUSDX", Interval.M1, 0, 1, 1);
        assertThat(r).isInstanceOf(BinanceResult.BinanceError.class);
        BinanceResult.BinanceError<KlineBatch> e = (BinanceResult.BinanceError<KlineBatch>) r;
        assertThat(e.code()).isEqualTo(-1121);
        assertThat(e.message()).isEqualTo("Invalid symbol.");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.describe()).contains("BTCUSDX").contains("-1121").contains("Invalid symbol.");
        assertThat(e.call().requests()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThatThrownBy(r::orThrow).isInstanceOf(BinanceException.class).hasMessageContaining("BTCUSDX")
                .hasMessageContaining("-1121");
        assertThat(r.isOk()).isFalse();
        assertThat(r.asOptional()).isEmpty();
        assertThat(client.stats().binanceErrors()).isEqualTo(1);
    }

    @Test
    void aNonJsonRefusalKeepsTheStartOfTheBody() {
        server.enqueue(json(403, "<html>Forbidden by WAF</html>"));
        BinanceResult<KlineBatch> r = klines();
        assertThat(r).isInstanceOfSatisfying(BinanceResult.BinanceError.class, e -> {
            assertThat(e.code()).isZero();
            assertThat(e.message()).contains("Forbidden by WAF");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    enum Trouble {
        HTTP_500(FailureKind.SERVER_ERROR, () -> json(500, "")),
        HTTP_503(FailureKind.SERVER_ERROR, () -> json(503, "{\"code\":-1001,\"msg\":\"Internal error.\"}")),
        RESET(FailureKind.NETWORK, () -> new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build()),
        TRUNCATED_IN_TRANSFER(FailureKind.NETWORK, () -> new MockResponse.Builder().body(ROWS)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build()),
        TRUNCATED_BODY(FailureKind.INVALID_RESPONSE, () -> json(200, ROWS.substring(0, ROWS.length() / 2))),
        MALFORMED_JSON(FailureKind.INVALID_RESPONSE, () -> json(200, "[[1714564800000,\"1.0\",}")),
        WRONG_SHAPE(FailureKind.INVALID_RESPONSE, () -> json(200, "{\"rows\":[]}")),
        TIMEOUT(FailureKind.NETWORK, () -> new MockResponse.Builder().body(ROWS)
                .headersDelay(1500, TimeUnit.MILLISECONDS).build());

        final FailureKind kind;
        final Supplier<MockResponse> response;

        Trouble(FailureKind kind, Supplier<MockResponse> response) {
            this.kind = kind;
            this.response = response;
        }
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void troubleIsRetriedWithBackoffAndThenSucceeds(Trouble trouble) {
        server.enqueue(trouble.response.get());
        server.enqueue(json(200, ROWS));
        BinanceResult<KlineBatch> r = klines();
        assertThat(r.isOk()).as(r.describe()).isTrue();
        assertThat(r.call().requests()).isEqualTo(2);
        assertThat(r.call().retries()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        // retry 1 of the default-shaped policy: ceiling 500 ms, jitter 0.5 -> (250 ms, 500 ms]
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(client.stats().retries()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void troubleThatOutlastsTheRetriesIsATypedFailure(Trouble trouble) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(trouble.response.get());
        }
        BinanceResult<KlineBatch> r = klines();
        assertThat(r).isInstanceOfSatisfying(BinanceResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(trouble.kind);
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.call().retries()).isEqualTo(2);
            assertThat(f.describe()).contains("klines BTCUSDT 1m").contains("after 3 request(s)");
        });
        assertThat(sleeps).hasSize(2);
        // backoff grows: retry 2 has ceiling 1 s -> (500 ms, 1 s]
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(client.stats().failures()).isEqualTo(1);
        assertThat(client.stats().requests()).isEqualTo(3);
    }

    @Test
    void a429WaitsItsRetryAfterForTheWholeBudgetAndIsNotAFaultRetry() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"code\":-1003,\"msg\":\"Too many requests.\"}").build());
        server.enqueue(json(200, ROWS));
        BinanceResult<KlineBatch> r = klines();
        assertThat(r.isOk()).isTrue();
        assertThat(r.call().http429()).isEqualTo(1);
        assertThat(r.call().retries()).isZero();
        assertThat(r.call().requests()).isEqualTo(2);
        assertThat(time.now()).isEqualTo(T0.plusSeconds(7)); // the budget slept exactly the Retry-After
        assertThat(client.stats().http429()).isEqualTo(1);
    }

    @Test
    void aRetryAfterOfZeroOrInThePastStillWaitsTheFloor() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0")
                .body("{\"code\":-1003,\"msg\":\"Too many requests.\"}").build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
                .body("{\"code\":-1003,\"msg\":\"Too many requests.\"}").build());
        server.enqueue(json(200, ROWS));
        assertThat(klines().isOk()).isTrue();
        assertThat(time.now()).isEqualTo(T0.plusSeconds(6)); // twice the 3 s floor, not an instant burst
        assertThat(client.stats().http429()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheCapFailsTheCallAndEveryLaterOneClearlyInsteadOfHanging() {
        server.enqueue(new MockResponse.Builder().code(418).setHeader("Retry-After", "999999999")
                .body("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}").build());
        BinanceResult<KlineBatch> r = klines();
        assertThat(r).isInstanceOfSatisfying(BinanceResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(f.describe()).contains("longer than the 15 min").contains("2056-01-08T13:46:39Z");
        });
        assertThat(time.now()).isEqualTo(T0); // nothing waited
        BinanceResult<KlineBatch> later = klines();
        assertThat(later.isOk()).isFalse();
        assertThat(later.describe()).contains("not sending");
        assertThat(server.getRequestCount()).isEqualTo(1); // nothing more reached the banning server
    }

    @Test
    void anyExceptionWhileReadingOneResponseIsAFailedAttemptRetriedLikeAFault() {
        server.enqueue(json(200, ROWS));
        server.enqueue(json(200, ROWS));
        Caller caller = new Caller(new okhttp3.OkHttpClient(), "test", WeightBudget.builder().clock(time.clock())
                .sleeper(time::sleep).build(), RetryPolicy.builder().maxAttempts(3).build(), time::sleep,
                new Random(3), time.clock(), new Caller.RateLimitWaits(10, Duration.ofMinutes(15)),
                new AnnouncedLimits(time.clock(), time::sleep));
        int[] reads = {0};
        BinanceResult<String> r = caller.call("klines BTCUSDT 1m", server.url("/api/v3/klines"), 2, resp -> {
            if (reads[0]++ == 0) {
                throw new IllegalArgumentException("byteCount < 0: -1"); // what OkHttp threw for an overlong body
            }
            return resp.body().string();
        });
        assertThat(r.isOk()).as(r.describe()).isTrue();
        assertThat(r.call().retries()).isEqualTo(1);
        assertThat(r.call().requests()).isEqualTo(2);
    }

    @Test
    void a418PausesEveryClientSharingTheBudget() throws Exception {
        WeightBudget shared = WeightBudget.builder().clock(time.clock()).sleeper(time::sleep).build();
        List<Instant> arrivals = new ArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (arrivals) {
                    arrivals.add(time.now());
                    if (arrivals.size() == 1) {
                        return new MockResponse.Builder().code(418).setHeader("Retry-After", "120")
                                .body("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}").build();
                    }
                }
                return json(200, "{\"serverTime\":" + time.now().toEpochMilli() + "}");
            }
        });
        try (BinanceClient jobA = BinanceClient.builder().baseUrl(server.url("/").toString()).budget(shared)
                .clock(time.clock()).sleeper(time::sleep).maxRateLimitWaits(0).build();
                BinanceClient jobB = client(RetryPolicy.defaults(), shared)) {
            BinanceResult<ServerTime> a = jobA.serverTime();
            assertThat(a).isInstanceOfSatisfying(BinanceResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED));
            assertThat(a.call().http418()).isEqualTo(1);
            assertThat(shared.pausedUntil()).contains(T0.plusSeconds(120));
            // job B had nothing to do with the ban, but shares the IP: its request waits out the ban
            assertThat(jobB.serverTime().isOk()).isTrue();
            assertThat(arrivals).containsExactly(T0, T0.plusSeconds(120));
            assertThat(jobA.stats().http418()).isEqualTo(1);
        }
    }

    @Test
    void theServersWeightCountIsTakenIntoTheBudget() {
        server.enqueue(new MockResponse.Builder().setHeader("X-MBX-USED-WEIGHT-1M", "5000").body(ROWS).build());
        klines().orThrow();
        WeightBudget.Snapshot s = client.budget().snapshot();
        assertThat(s.used()).isEqualTo(5000);
        assertThat(s.external()).isEqualTo(4998); // 5000 counted by the server, 2 of them ours
        assertThat(client.stats().weight()).isEqualTo(2);
    }

    @Test
    void serverTimeMeasuresSkewAndWarnsBeyondASecond() {
        server.enqueue(json(200, "{\"serverTime\":" + T0.plusSeconds(5).toEpochMilli() + "}"));
        ServerTime t = client.serverTime().orThrow();
        // local time is taken halfway through the round trip, so the skew is 5 s plus half a (tiny) round trip
        assertThat(t.skew()).isBetween(Duration.ofMillis(5_000), Duration.ofMillis(5_100));
        assertThat(t.isSkewed()).isTrue();
        assertThat(t.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("local clock is behind Binance by"));
        assertThat(client.lastServerTime()).contains(t);

        server.enqueue(json(200, "{\"serverTime\":" + T0.minusMillis(300).toEpochMilli() + "}"));
        ServerTime ok = client.serverTime().orThrow();
        assertThat(ok.isSkewed()).isFalse();
        assertThat(ok.warning()).isEmpty();

        server.enqueue(json(200, "{\"serverTime\":" + T0.minusSeconds(3).toEpochMilli() + "}"));
        ServerTime ahead = client.serverTime().orThrow();
        assertThat(ahead.skew()).isBetween(Duration.ofMillis(-3_000), Duration.ofMillis(-2_900));
        assertThat(ahead.warning()).hasValueSatisfying(
                w -> assertThat(w).startsWith("local clock is ahead of Binance by"));
    }

    @Test
    void exchangeInfoKeepsSymbolsStatusAssetsAndLimits() {
        server.enqueue(json(200, "{\"timezone\":\"UTC\",\"serverTime\":1714564800000,\"rateLimits\":["
                + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},"
                + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}],"
                + "\"exchangeFilters\":[],\"symbols\":["
                + "{\"symbol\":\"ETHBTC\",\"status\":\"TRADING\",\"baseAsset\":\"ETH\",\"quoteAsset\":\"BTC\","
                + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.1\"}],"
                + "\"permissionSets\":[[\"SPOT\"]]},"
                + "{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\"},"
                + "{\"symbol\":\"BCCUSDT\",\"status\":\"BREAK\",\"baseAsset\":\"BCC\",\"quoteAsset\":\"USDT\"}]}"));
        ExchangeInfo info = client.exchangeInfo().orThrow();
        assertThat(info.tradingSymbols()).containsExactly("ETHBTC", "BTCUSDT");
        assertThat(info.tradingSymbols("USDT")).containsExactly("BTCUSDT");
        assertThat(info.symbol("BCCUSDT")).hasValueSatisfying(s -> assertThat(s.isTrading()).isFalse());
        assertThat(info.requestWeightLimit()).hasValueSatisfying(l -> {
            assertThat(l.limit()).isEqualTo(6000);
            assertThat(l.window()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(info.serverTime()).isEqualTo(Instant.ofEpochMilli(1714564800000L));
        assertThat(client.stats().weight()).isEqualTo(20);

        server.enqueue(json(200, "{\"symbols\":[{\"symbol\":\"X\"}]}"));
        server.enqueue(json(200, "{\"symbols\":[]}"));
        assertThat(client.tradingSymbols("USDT").orThrow()).isEmpty(); // the first body lacked a status: retried
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anInterruptedCallerStopsWithoutSending() {
        Thread.currentThread().interrupt();
        try {
            BinanceResult<KlineBatch> r = klines();
            assertThat(r).isInstanceOfSatisfying(BinanceResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> client.klines("btcusdt", Interval.M1, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'btcusdt'");
        assertThatThrownBy(() -> client.klines("BTCUSDT", Interval.M1, 10, 1, 1))
                .hasMessageContaining("is after endTime");
        assertThatThrownBy(() -> client.uiKlines("BTCUSDT", Interval.M1, 0, 1, 5000))
                .hasMessageContaining("limit 5000");
        assertThat(server.getRequestCount()).isZero();
        assertThatThrownBy(() -> BinanceClient.builder().baseUrl("api.binance.com").build())
                .hasMessageContaining("baseUrl 'api.binance.com' is not an http(s) URL");
        assertThatThrownBy(() -> BinanceClient.builder().budget(client.budget()).weightLimit(10, Duration.ofSeconds(1))
                .build()).hasMessageContaining("not both");
        assertThatThrownBy(() -> BinanceClient.builder().readTimeout(Duration.ZERO))
                .hasMessageContaining("readTimeout must be positive");
    }

    @Test
    void toBuilderKeepsTheOptionsAndSharesTheOneWeightBudget() throws Exception {
        try (BinanceClient other = client.toBuilder().readTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(other.budget()).isSameAs(client.budget());
            assertThat(other.clock()).isSameAs(client.clock());
            server.enqueue(json(200, "{\"serverTime\":1}"));
            other.serverTime().orThrow();
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/time");
        }
        assertThatThrownBy(() -> client.toBuilder().weightLimit(10, Duration.ofSeconds(1)).build())
                .hasMessageContaining("not both");
    }

    @Test
    void aBaseUrlPathPrefixIsKeptAndAClosedClientRefuses() throws Exception {
        try (BinanceClient prefixed = BinanceClient.builder().baseUrl(server.url("/binance").toString()).build()) {
            server.enqueue(json(200, "{\"serverTime\":1}"));
            prefixed.serverTime().orThrow();
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/binance/api/v3/time");
            assertThat(prefixed.toString()).contains("/binance");
        }
        client.close();
        assertThatThrownBy(this::klines).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
