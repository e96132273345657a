package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.QlirBuildVersion;
import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
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
import java.util.random.RandomGenerator;
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
    private final AnnouncedLimits limits;
    private final AtomicReference<ServerTime> lastServerTime = new AtomicReference<>();
    private volatile boolean closed;

    private final Builder spec;

    private BinanceClient(Builder b, HttpUrl baseUrl) {
        this.spec = b;
        this.baseUrl = baseUrl;
        this.userAgent = "qlir/" + QlirBuildVersion.get();
        this.clock = b.clock;
        this.ownBudget = b.budget == null;
        this.budget = ownBudget ? WeightBudget.builder().capacity(b.weightCapacity).window(b.weightWindow)
                .clock(b.clock).sleeper(b.sleeper).awaitServerCount(true).build() : b.budget;
        if (ownBudget && OWN_BUDGETS_OPEN.incrementAndGet() > 1) {
            LOG.warn("{} BinanceClients with budgets of their own are open in this process; Binance counts weight "
                    + "per IP, so share one client (or one WeightBudget) between jobs", OWN_BUDGETS_OPEN.get());
        }
        this.skewTolerance = b.skewTolerance;
        this.limits = new AnnouncedLimits(b.clock, b.sleeper);
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
                new Caller.RateLimitWaits(b.maxRateLimitWaits, b.maxRetryAfter), limits, b.requestListener);
        caller.onLimitsStale(this::adoptAnnouncedLimits);
    }

    /**
     * A builder with every default: {@value #DEFAULT_BASE_URL}, a budget of 6000 weight per minute, connect timeout
     * 10 s, read timeout 30 s, call timeout 60 s, {@link RetryPolicy#defaults()}, the system UTC clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this client's options and its weight budget, to make a client that differs in an option
     * (a shorter timeout, another clock) yet shares the one budget, as Binance counts weight per IP.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(spec, budget);
    }

    /**
     * Klines or uiKlines for a query.
     *
     * @param query the request
     * @return the rows, a Binance error (for example {@code -1121 Invalid symbol.}), or a failure after retries
     */
    public BinanceResult<KlineBatch> klines(KlineQuery query) {
        Objects.requireNonNull(query, "query");
        return caller.call(query.describe(), klinesUrl(query), query.weight(),
                r -> KlinesParser.parse(query, r.body().bytes(), clock.instant()));
    }

    /**
     * Reads {@code exchangeInfo}'s {@code rateLimits} (one attempt) and paces every later request under each
     * announced {@code REQUEST_WEIGHT} and {@code RAW_REQUESTS} limit as well as under the configured budget (see
     * {@link AnnouncedLimits}); fetch and serve runs call it at their start, and the client again after any 429.
     * When the limits cannot be read, the configured budget alone paces (logged).
     */
    BinanceResult<ExchangeInfo> adoptAnnouncedLimits() {
        BinanceResult<ExchangeInfo> r = caller.call("exchangeInfo (rate limits)", url("/api/v3/exchangeInfo").build(),
                Weights.EXCHANGE_INFO, resp -> JsonBodies.exchangeInfo(resp.body().byteStream()),
                RetryPolicy.noRetries());
        if (r instanceof BinanceResult.Ok<ExchangeInfo> ok) {
            limits.install(ok.value().rateLimits());
        } else {
            LOG.warn("could not read the limits Binance announces ({}); pacing by the configured budget {} alone",
                    r.describe(), budget);
        }
        return r;
    }

    /**
     * The budget the data server plans its refreshes in: the configured one, or an announced {@code REQUEST_WEIGHT}
     * limit that lets less weight through per unit of time (read by {@link #adoptAnnouncedLimits}).
     */
    WeightBudget planningBudget() {
        return limits.slowest(budget);
    }

    /** Whether announced limits were read (for tests and the summary). */
    String announcedLimits() {
        return limits.describe();
    }

    /**
     * Like {@link #klines(KlineQuery)} for a range that must hold candles (it lies inside the series' listed
     * history): an empty answer is a faulty one, retried like a malformed body, and in the end a
     * {@link FailureKind#INVALID_RESPONSE} failure. Binance answers {@code 200 []} during incidents.
     */
    BinanceResult<KlineBatch> klinesExpectingRows(KlineQuery query, String why) {
        Objects.requireNonNull(query, "query");
        return caller.call(query.describe(), klinesUrl(query), query.weight(), r -> {
            KlineBatch b = KlinesParser.parse(query, r.body().bytes(), clock.instant());
            if (b.isEmpty()) {
                throw new MalformedResponseException("no rows for " + query.describe() + ", although " + why);
            }
            return b;
        });
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

    private HttpUrl klinesUrl(KlineQuery query) {
        HttpUrl.Builder url = url(query.endpoint().path())
                .addQueryParameter("symbol", query.symbol())
                .addQueryParameter("interval", query.interval().wireCode());
        query.startTime().ifPresent(t -> url.addQueryParameter("startTime", Long.toString(t)));
        query.endTime().ifPresent(t -> url.addQueryParameter("endTime", Long.toString(t)));
        url.addQueryParameter("limit", Integer.toString(query.limit()));
        return url.build();
    }

    private HttpUrl.Builder url(String path) {
        if (closed) {
            throw new IllegalStateException("this BinanceClient is closed");
        }
        return baseUrl.newBuilder().addPathSegments(path.substring(1));
    }

    /**
     * Collects the options of a {@link BinanceClient} ({@link BinanceClient#builder()}, {@link
     * BinanceClient#toBuilder()}); every option has a default.
     * <pre>{@code
     * BinanceClient client = BinanceClient.builder()
     *         .baseUrl("https://api.binance.com")
     *         .readTimeout(Duration.ofSeconds(20))
     *         .weightLimit(5000, Duration.ofMinutes(1))     // leave room for other tools on the same IP
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String baseUrl = BinanceClient.DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private WeightBudget budget;
        private int weightCapacity = 6000;
        private Duration weightWindow = Duration.ofMinutes(1);
        private boolean weightLimitSet;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random = BuilderChecks.threadLocalRandom();
        private int maxRateLimitWaits = 10;
        private Duration maxRetryAfter = RetryAfter.DEFAULT_CAP;
        private Duration skewTolerance = Duration.ofSeconds(1);
        private ProxySelector proxySelector;
        private RequestListener requestListener = RequestListener.NONE;

        private Builder() {
        }

        /** A copy of another builder; with {@code shared}, that budget instead of a weight limit. */
        private Builder(Builder b, WeightBudget shared) {
            baseUrl = b.baseUrl;
            connectTimeout = b.connectTimeout;
            readTimeout = b.readTimeout;
            callTimeout = b.callTimeout;
            budget = shared != null ? shared : b.budget;
            weightCapacity = b.weightCapacity;
            weightWindow = b.weightWindow;
            weightLimitSet = shared == null && b.weightLimitSet;
            retryPolicy = b.retryPolicy;
            clock = b.clock;
            sleeper = b.sleeper;
            random = b.random;
            maxRateLimitWaits = b.maxRateLimitWaits;
            maxRetryAfter = b.maxRetryAfter;
            skewTolerance = b.skewTolerance;
            proxySelector = b.proxySelector;
            requestListener = b.requestListener;
        }

        /**
         * Where requests go (default {@value BinanceClient#DEFAULT_BASE_URL}); a local fake in tests.
         *
         * @param url an http or https URL; a path prefix is kept
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /**
         * The connect timeout (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = BuilderChecks.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The read timeout: the longest silence while waiting for bytes (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = BuilderChecks.positive(timeout, "readTimeout");
            return this;
        }

        /**
         * The longest one HTTP attempt may take, body included (default 60 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = BuilderChecks.positive(timeout, "callTimeout");
            return this;
        }

        /**
         * The weight budget to pace by, shared with other clients of the process (default: a budget of its own, see
         * {@link #weightLimit(int, Duration)}).
         *
         * @param shared the budget
         * @return this builder
         */
        public Builder budget(WeightBudget shared) {
            this.budget = Objects.requireNonNull(shared, "budget");
            return this;
        }

        /**
         * The limit of the client's own budget (default 6000 per minute, Binance spot's limit per IP); the budget
         * uses this builder's clock and sleeper and waits for the server's count before sending in parallel.
         *
         * @param capacity the most weight per window
         * @param window the window length
         * @return this builder
         */
        public Builder weightLimit(int capacity, Duration window) {
            if (capacity < 1) {
                throw new IllegalArgumentException("weight capacity must be >= 1, got " + capacity);
            }
            this.weightCapacity = capacity;
            this.weightWindow = BuilderChecks.positive(window, "weight window");
            this.weightLimitSet = true;
            return this;
        }

        /**
         * How failed attempts are retried (default {@link RetryPolicy#defaults()}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * The clock that says "now" (default the system UTC clock).
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Who hears every request the client sends (default {@link RequestListener#NONE}): a metrics binder, a test.
         *
         * @param l the listener; thread-safe and quick
         * @return this builder
         */
        public Builder requestListener(RequestListener l) {
            this.requestListener = Objects.requireNonNull(l, "requestListener");
            return this;
        }

        /**
         * How the client waits between retries, and how its own budget waits (default {@link Sleeper#system()}).
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /**
         * The source of backoff jitter (default a thread-local generator; seed one in tests). Draws are synchronized
         * on it, so any generator will do.
         *
         * @param r the generator
         * @return this builder
         */
        public Builder random(RandomGenerator r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /**
         * How many 429/418 answers one call waits out before it fails with {@link FailureKind#RATE_LIMITED}
         * (default 10).
         *
         * @param waits zero or more
         * @return this builder
         */
        public Builder maxRateLimitWaits(int waits) {
            if (waits < 0) {
                throw new IllegalArgumentException("maxRateLimitWaits must be >= 0, got " + waits);
            }
            this.maxRateLimitWaits = waits;
            return this;
        }

        /**
         * The longest {@code Retry-After} (of a 429, or of a 418 ban) the client waits out (default 15 minutes).
         * Binance documents bans from two minutes to three days; a longer wait than this fails the call, and every
         * later call of the process until the wait is over, with {@link FailureKind#RATE_LIMITED} naming the end of
         * the ban, instead of hanging. Shorter waits than a few seconds are lengthened to a few seconds ({@code
         * Retry-After: 0} or a past date would otherwise let the next request go at once).
         *
         * @param cap a positive duration
         * @return this builder
         */
        public Builder maxRetryAfter(Duration cap) {
            this.maxRetryAfter = BuilderChecks.positive(cap, "maxRetryAfter");
            return this;
        }

        /**
         * The clock skew against Binance above which {@link BinanceClient#serverTime()} warns (default 1 s).
         *
         * @param tolerance a positive duration
         * @return this builder
         */
        public Builder skewTolerance(Duration tolerance) {
            this.skewTolerance = BuilderChecks.positive(tolerance, "skewTolerance");
            return this;
        }

        /**
         * A proxy selector instead of the JVM's default one (which honours {@code https.proxyHost} and friends).
         *
         * @param selector the selector
         * @return this builder
         */
        public Builder proxySelector(ProxySelector selector) {
            this.proxySelector = Objects.requireNonNull(selector, "proxySelector");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException when the base URL is not an http(s) URL
         * @throws IllegalStateException when both a shared budget and a weight limit were given
         */
        public BinanceClient build() {
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not an http(s) URL; for example "
                        + BinanceClient.DEFAULT_BASE_URL);
            }
            if (budget != null && weightLimitSet) {
                throw new IllegalStateException("give either budget(shared) or weightLimit(capacity, window), not both:"
                        + " a shared budget has its own limit (" + budget + ")");
            }
            return new BinanceClient(new Builder(this, null), url);
        }
    }
}
