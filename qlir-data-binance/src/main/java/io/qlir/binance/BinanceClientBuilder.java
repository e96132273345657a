package io.qlir.binance;

import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;

/**
 * Collects the options of a {@link BinanceClient} ({@link BinanceClient#builder()}); every option has a default.
 * <pre>{@code
 * BinanceClient client = BinanceClient.builder()
 *         .baseUrl("https://api.binance.com")
 *         .readTimeout(Duration.ofSeconds(20))
 *         .weightLimit(5000, Duration.ofMinutes(1))     // leave room for other tools on the same IP
 *         .build();
 * }</pre>
 */
public final class BinanceClientBuilder {
    String baseUrl = BinanceClient.DEFAULT_BASE_URL;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(30);
    Duration callTimeout = Duration.ofSeconds(60);
    WeightBudget budget;
    int weightCapacity = 6000;
    Duration weightWindow = Duration.ofMinutes(1);
    boolean weightLimitSet;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.system();
    RandomGenerator random = new ThreadLocalRandomGenerator();
    int maxRateLimitWaits = 10;
    RequestListener requestListener = RequestListener.NONE;
    Duration skewTolerance = Duration.ofSeconds(1);
    ProxySelector proxySelector;

    BinanceClientBuilder() {
    }

    /**
     * Where requests go (default {@value BinanceClient#DEFAULT_BASE_URL}); a local fake in tests.
     *
     * @param url an http or https URL; a path prefix is kept
     * @return this builder
     */
    public BinanceClientBuilder baseUrl(String url) {
        this.baseUrl = Objects.requireNonNull(url, "baseUrl");
        return this;
    }

    /**
     * The connect timeout (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public BinanceClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * The read timeout: the longest silence while waiting for bytes (default 30 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public BinanceClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * The longest one HTTP attempt may take, body included (default 60 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public BinanceClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * The weight budget to pace by, shared with other clients of the process (default: a budget of its own, see
     * {@link #weightLimit(int, Duration)}).
     *
     * @param shared the budget
     * @return this builder
     */
    public BinanceClientBuilder budget(WeightBudget shared) {
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
    public BinanceClientBuilder weightLimit(int capacity, Duration window) {
        if (capacity < 1) {
            throw new IllegalArgumentException("weight capacity must be >= 1, got " + capacity);
        }
        this.weightCapacity = capacity;
        this.weightWindow = positive(window, "weight window");
        this.weightLimitSet = true;
        return this;
    }

    /**
     * How failed attempts are retried (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public BinanceClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /**
     * The clock that says "now" (default the system UTC clock).
     *
     * @param c the clock
     * @return this builder
     */
    public BinanceClientBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * Who hears every request the client sends (default {@link RequestListener#NONE}): a metrics binder, a test.
     *
     * @param l the listener; thread-safe and quick
     * @return this builder
     */
    public BinanceClientBuilder requestListener(RequestListener l) {
        this.requestListener = Objects.requireNonNull(l, "requestListener");
        return this;
    }

    /**
     * How the client waits between retries, and how its own budget waits (default {@link Sleeper#system()}).
     *
     * @param s the sleeper
     * @return this builder
     */
    public BinanceClientBuilder sleeper(Sleeper s) {
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
    public BinanceClientBuilder random(RandomGenerator r) {
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
    public BinanceClientBuilder maxRateLimitWaits(int waits) {
        if (waits < 0) {
            throw new IllegalArgumentException("maxRateLimitWaits must be >= 0, got " + waits);
        }
        this.maxRateLimitWaits = waits;
        return this;
    }

    /**
     * The clock skew against Binance above which {@link BinanceClient#serverTime()} warns (default 1 s).
     *
     * @param tolerance a positive duration
     * @return this builder
     */
    public BinanceClientBuilder skewTolerance(Duration tolerance) {
        this.skewTolerance = positive(tolerance, "skewTolerance");
        return this;
    }

    /**
     * A proxy selector instead of the JVM's default one (which honours {@code https.proxyHost} and friends).
     *
     * @param selector the selector
     * @return this builder
     */
    public BinanceClientBuilder proxySelector(ProxySelector selector) {
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
        return new BinanceClient(this, url);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** A generator that draws from the calling thread's {@link ThreadLocalRandom}. */
    private static final class ThreadLocalRandomGenerator implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
