package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.RetryPolicy;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's public spot REST API for market data: klines, uiKlines, exchangeInfo and the server time.
 *
 * <p><b>One per process.</b> Binance counts request weight per IP, so every job of a process must go through one
 * {@link WeightBudget}: build one client and share it between threads (it is thread-safe), or hand the same budget
 * to every client. The client paces itself by that budget and by Binance's {@code X-MBX-USED-WEIGHT-1M} header, so
 * alone on an IP it never receives a 429.
 *
 * <p><b>Results, not exceptions.</b> Every call returns a {@link BinanceResult}: the value; a
 * {@link BinanceResult.BinanceError} when Binance refuses the request (unknown symbol, bad interval; never retried);
 * or a {@link BinanceResult.Failed} when network faults, 5xx answers or malformed bodies outlast the
 * {@link RetryPolicy} (capped exponential backoff with jitter). HTTP 429 pauses every caller of the budget for the
 * server's {@code Retry-After} and then continues; HTTP 418 (the IP is banned) does the same: continuing would make
 * the ban longer. Bad arguments throw {@link IllegalArgumentException} before any request is sent.
 * <pre>{@code
 * BinanceClient client = BinanceClient.builder().build();          // https://api.binance.com, 6000 weight/min
 * KlineQuery q = KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).between(start, end);
 * KlineBatch rows = client.klines(q).orThrow();
 * List<String> usdt = client.tradingSymbols("USDT").orThrow();
 * client.serverTime();                                              // logs a warning when our clock is off by > 1 s
 * }</pre>
 *
 * <p>The HTTP stack is OkHttp with the JVM's default {@link ProxySelector}, so the standard proxy settings apply
 * ({@code -Dhttps.proxyHost=... -Dhttps.proxyPort=...}, or {@code -Djava.net.useSystemProxies=true}). Requests carry
 * the User-Agent {@code qlir/<version>}. Close the client to release its connections.
 */
public final class BinanceClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceClient.class);
    private static final AtomicInteger OWN_BUDGETS_OPEN = new AtomicInteger();

    /** The production base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.binance.com";

    private final HttpUrl baseUrl;
    private final String userAgent;
    private final Clock clock;
    private final WeightBudget budget;
    private final boolean ownBudget;
    private final Duration skewTolerance;
    private final OkHttpClient http;
    private final Caller caller;
    private final AtomicReference<ServerTime> lastServerTime = new AtomicReference<>();
    private volatile boolean closed;

    BinanceClient(BinanceClientBuilder b, HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.userAgent = "qlir/" + QlirVersion.VALUE;
        this.clock = b.clock;
        this.ownBudget = b.budget == null;
        this.budget = ownBudget ? WeightBudget.builder().capacity(b.weightCapacity).window(b.weightWindow)
                .clock(b.clock).sleeper(b.sleeper).awaitServerCount(true).build() : b.budget;
        if (ownBudget && OWN_BUDGETS_OPEN.incrementAndGet() > 1) {
            LOG.warn("{} BinanceClients with budgets of their own are open in this process; Binance counts weight "
                    + "per IP, so share one client (or one WeightBudget) between jobs", OWN_BUDGETS_OPEN.get());
        }
        this.skewTolerance = b.skewTolerance;
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .callTimeout(b.callTimeout)
                .retryOnConnectionFailure(false); // every attempt goes through our budget, retry policy and counters
        if (b.proxySelector != null) {
            hb.proxySelector(b.proxySelector);
        }
        this.http = hb.build();
        this.caller = new Caller(http, userAgent, budget, b.retryPolicy, b.sleeper, b.random, clock,
                b.maxRateLimitWaits, b.requestListener);
    }

    /**
     * A builder with every default: {@value #DEFAULT_BASE_URL}, a budget of 6000 weight per minute, connect timeout
     * 10 s, read timeout 30 s, call timeout 60 s, {@link RetryPolicy#defaults()}, the system UTC clock.
     *
     * @return a new builder
     */
    public static BinanceClientBuilder builder() {
        return new BinanceClientBuilder();
    }

    /**
     * Klines or uiKlines for a query.
     *
     * @param query the request
     * @return the rows, a Binance error (for example {@code -1121 Invalid symbol.}), or a failure after retries
     */
    public BinanceResult<KlineBatch> klines(KlineQuery query) {
        Objects.requireNonNull(query, "query");
        HttpUrl.Builder url = url(query.endpoint().path())
                .addQueryParameter("symbol", query.symbol())
                .addQueryParameter("interval", query.interval().wireCode());
        query.startTime().ifPresent(t -> url.addQueryParameter("startTime", Long.toString(t)));
        query.endTime().ifPresent(t -> url.addQueryParameter("endTime", Long.toString(t)));
        url.addQueryParameter("limit", Integer.toString(query.limit()));
        return caller.call(query.describe(), url.build(), query.weight(),
                r -> KlinesParser.parse(query, r.body().bytes(), clock.instant()));
    }

    /**
     * Klines ({@code /api/v3/klines}) with open times in {@code [startTime, endTime]}.
     *
     * @param symbol the symbol, upper case (for example {@code BTCUSDT})
     * @param interval the candle interval
     * @param startTime the earliest open time, epoch millis UTC
     * @param endTime the latest open time, epoch millis UTC
     * @param limit the most rows, 1 to 1000
     * @return the rows, a Binance error, or a failure after retries
     * @throws IllegalArgumentException for a bad symbol, negative times, a start after the end, or a bad limit
     */
    public BinanceResult<KlineBatch> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return klines(new KlineQuery(Endpoint.KLINES, symbol, interval, OptionalLong.of(startTime),
                OptionalLong.of(endTime), limit));
    }

    /**
     * UiKlines ({@code /api/v3/uiKlines}) with open times in {@code [startTime, endTime]}.
     *
     * @param symbol the symbol, upper case (for example {@code BTCUSDT})
     * @param interval the candle interval
     * @param startTime the earliest open time, epoch millis UTC
     * @param endTime the latest open time, epoch millis UTC
     * @param limit the most rows, 1 to 1000
     * @return the rows, a Binance error, or a failure after retries
     * @throws IllegalArgumentException for a bad symbol, negative times, a start after the end, or a bad limit
     */
    public BinanceResult<KlineBatch> uiKlines(String symbol, Interval interval, long startTime, long endTime,
            int limit) {
        return klines(new KlineQuery(Endpoint.UI_KLINES, symbol, interval, OptionalLong.of(startTime),
                OptionalLong.of(endTime), limit));
    }

    /**
     * The first candle Binance has for a symbol and interval ({@code startTime=0&limit=1}): its open time anchors
     * the slice grid.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @return a batch of one row (none if the symbol has no candles), a Binance error, or a failure
     * @throws IllegalArgumentException for a bad symbol
     */
    public BinanceResult<KlineBatch> firstCandle(Endpoint endpoint, String symbol, Interval interval) {
        return klines(KlineQuery.firstCandle(endpoint, symbol, interval));
    }

    /**
     * Every symbol with its status and assets, and the announced rate limits ({@code /api/v3/exchangeInfo}, weight
     * 20).
     *
     * @return the exchange info, a Binance error, or a failure
     */
    public BinanceResult<ExchangeInfo> exchangeInfo() {
        return caller.call("exchangeInfo", url("/api/v3/exchangeInfo").build(), Weights.EXCHANGE_INFO,
                r -> JsonBodies.exchangeInfo(r.body().byteStream()));
    }

    /**
     * The symbols that trade now.
     *
     * @return symbol names in Binance's order, a Binance error, or a failure
     */
    public BinanceResult<List<String>> tradingSymbols() {
        return exchangeInfo().map(ExchangeInfo::tradingSymbols);
    }

    /**
     * The symbols that trade now against one quote asset.
     *
     * @param quoteAsset for example {@code USDT}
     * @return symbol names in Binance's order, a Binance error, or a failure
     */
    public BinanceResult<List<String>> tradingSymbols(String quoteAsset) {
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        return exchangeInfo().map(i -> i.tradingSymbols(quoteAsset));
    }

    /**
     * Binance's clock ({@code /api/v3/time}, weight 1) against this client's {@link Clock}; logs a warning when they
     * differ by more than the skew tolerance (1 s by default). Call it once when a job starts.
     *
     * @return the measurement, a Binance error, or a failure
     */
    public BinanceResult<ServerTime> serverTime() {
        BinanceResult<ServerTime> r = caller.call("time", url("/api/v3/time").build(), Weights.TIME, resp -> {
            Instant server = JsonBodies.serverTime(resp.body().byteStream());
            Instant arrived = clock.instant();
            Duration roundTrip = Duration.ofMillis(Math.max(0,
                    resp.receivedResponseAtMillis() - resp.sentRequestAtMillis()));
            return new ServerTime(server, arrived.minus(roundTrip.dividedBy(2)), roundTrip, skewTolerance);
        });
        r.asOptional().ifPresent(t -> {
            lastServerTime.set(t);
            t.warning().ifPresentOrElse(w -> LOG.warn("{}", w),
                    () -> LOG.debug("clock skew against Binance: {} ms", t.skew().toMillis()));
        });
        return r;
    }

    /**
     * The last successful {@link #serverTime()} measurement.
     *
     * @return the measurement, or empty before the first
     */
    public Optional<ServerTime> lastServerTime() {
        return Optional.ofNullable(lastServerTime.get());
    }

    /**
     * Counters across every call of this client.
     *
     * @return a snapshot
     */
    public ClientStats stats() {
        return caller.counters().snapshot();
    }

    /**
     * The weight budget this client paces by.
     *
     * @return the budget
     */
    public WeightBudget budget() {
        return budget;
    }

    /**
     * The clock that says "now" for this client (arrival times of batches, skew).
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The base URL requests go to.
     *
     * @return for example {@code https://api.binance.com/}
     */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /**
     * The User-Agent header sent with every request.
     *
     * @return {@code qlir/<version>}
     */
    public String userAgent() {
        return userAgent;
    }

    /** Cuts short the HTTP exchange a thread waits on (see {@link Caller#cancel}); for the worker's stop. */
    void cancelCallOf(Thread thread) {
        caller.cancel(thread);
    }

    /** Releases the connection pool and threads; calls after closing fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownBudget) {
            OWN_BUDGETS_OPEN.decrementAndGet();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "BinanceClient{" + baseUrl + ", " + budget + "}";
    }

    private HttpUrl.Builder url(String path) {
        if (closed) {
            throw new IllegalStateException("this BinanceClient is closed");
        }
        return baseUrl.newBuilder().addPathSegments(path.substring(1));
    }
}
