package io.qlir.testkit;

import io.qlir.core.Interval;
import io.qlir.emulator.RecordedKlines;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Collects the options of a {@link FakeBinance} ({@link FakeBinance#builder()}); every option has a default.
 * <pre>{@code
 * FakeBinance fake = FakeBinance.builder()
 *         .seed(42)
 *         .symbol("BTCUSDT", Instant.parse("2024-01-01T00:00:00Z"))
 *         .weightLimit(100, Duration.ofSeconds(2))
 *         .start();
 * }</pre>
 */
public final class FakeBinanceBuilder {
    long seed = 1;
    final Map<String, FakeSymbol> symbols = new LinkedHashMap<>();
    final Map<String, RecordedKlines> replays = new LinkedHashMap<>();
    Clock clock = Clock.systemUTC();
    Clock rateLimitClock = Clock.systemUTC();
    int weightCapacity = 6000;
    Duration weightWindow = Duration.ofMinutes(1);
    Duration banDuration = Duration.ofMinutes(2);
    int toleratedViolations = 2;
    FaultPlan faultPlan = FaultPlan.none();
    Duration faultDelay = Duration.ofSeconds(2);
    Duration scriptedRetryAfter = Duration.ofSeconds(1);
    boolean logRequests = true;

    FakeBinanceBuilder() {
    }

    /**
     * The seed of every symbol's random walk (default 1).
     *
     * @param s the seed
     * @return this builder
     */
    public FakeBinanceBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Adds a symbol (the first one replaces the default symbols).
     *
     * @param s the symbol
     * @return this builder
     */
    public FakeBinanceBuilder symbol(FakeSymbol s) {
        symbols.put(s.symbol(), s);
        return this;
    }

    /**
     * Adds a trading symbol listed at an instant.
     *
     * @param symbol for example {@code BTCUSDT}
     * @param listedAt the listing instant (the first candle contains it)
     * @return this builder
     */
    public FakeBinanceBuilder symbol(String symbol, Instant listedAt) {
        return symbol(FakeSymbol.trading(symbol, listedAt));
    }

    /**
     * Adds {@code count} generated trading symbols, as a stand-in for Binance's whole symbol list (about 2,000 spot
     * symbols trade): {@code G0000USDT}, {@code G0001USDT}, ... all listed at {@code listedAt}, each with a price
     * level drawn from the {@link #seed(long) seed} (between 0.01 and 10,000) and candles from the same generator as
     * every synthetic symbol, so they are deterministic from the seed. Set the seed first.
     * <pre>{@code
     * FakeBinance fake = FakeBinance.builder().seed(7).generatedSymbols(2000, Instant.parse("2024-01-01T00:00:00Z"))
     *         .start();
     * }</pre>
     *
     * @param count how many, 1 to 10,000
     * @param listedAt when they were listed (their first candle contains it)
     * @return this builder
     * @throws IllegalArgumentException when {@code count} is outside 1 to 10,000
     */
    public FakeBinanceBuilder generatedSymbols(int count, Instant listedAt) {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("generatedSymbols: count must be 1 to 10000, got " + count);
        }
        Objects.requireNonNull(listedAt, "listedAt");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            double price = Math.pow(10, random.nextDouble(-2, 4));
            symbol(FakeSymbol.trading(String.format(Locale.ROOT, "G%04dUSDT", i), listedAt)
                    .withBasePrice(price));
        }
        return this;
    }

    /**
     * Serves recorded raw rows for a symbol and interval instead of synthetic ones (both kline endpoints; rows
     * verbatim; where recordings overlap, the later one wins). A symbol known only from recordings is listed in
     * exchangeInfo as trading and has no candles for other intervals.
     *
     * @param symbol the symbol
     * @param interval the interval
     * @param recordings JSON arrays of raw Binance kline rows
     * @return this builder
     * @throws IllegalArgumentException when a recording is not an array of kline rows
     */
    public FakeBinanceBuilder replay(String symbol, Interval interval, String... recordings) {
        replays.put(FakeBinance.replayKey(symbol, interval),
                RecordedKlines.parse(symbol, interval, Arrays.stream(recordings)
                        .map(r -> r.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new)));
        return this;
    }

    /**
     * The clock that says "now" for candles and server time (default the system UTC clock); use a fixed clock
     * for reproducible forming candles.
     *
     * @param c the clock
     * @return this builder
     */
    public FakeBinanceBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * The clock that times weight windows, 429 waits and bans (default the system UTC clock); share a
     * {@link ManualTime} with the client to test waits without waiting.
     *
     * @param c the clock
     * @return this builder
     */
    public FakeBinanceBuilder rateLimitClock(Clock c) {
        this.rateLimitClock = Objects.requireNonNull(c, "rateLimitClock");
        return this;
    }

    /**
     * The weight limit per fixed window (default 6000 per minute, Binance's).
     *
     * @param capacity the weight per window, at least 1
     * @param window the window, at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException for a capacity below 1 or a window under 1 ms
     */
    public FakeBinanceBuilder weightLimit(int capacity, Duration window) {
        if (capacity < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("weight limit must be >= 1 per window of >= 1 ms, got " + capacity
                    + " per " + window);
        }
        this.weightCapacity = capacity;
        this.weightWindow = window;
        return this;
    }

    /**
     * How long a 418 ban lasts (default 2 minutes, Binance's shortest).
     *
     * @param d the ban length
     * @return this builder
     */
    public FakeBinanceBuilder banDuration(Duration d) {
        this.banDuration = Objects.requireNonNull(d, "banDuration");
        return this;
    }

    /**
     * How many requests a client may send during a 429's {@code Retry-After} (each answered 429) before it is
     * banned (default 2).
     *
     * @param n zero or more
     * @return this builder
     */
    public FakeBinanceBuilder toleratedViolations(int n) {
        this.toleratedViolations = n;
        return this;
    }

    /**
     * Random faults on kline requests (default none).
     *
     * @param plan the plan
     * @return this builder
     */
    public FakeBinanceBuilder faults(FaultPlan plan) {
        this.faultPlan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    /**
     * How long a {@link Fault#DELAY} holds the response (default 2 s).
     *
     * @param d the delay
     * @return this builder
     */
    public FakeBinanceBuilder faultDelay(Duration d) {
        this.faultDelay = Objects.requireNonNull(d, "faultDelay");
        return this;
    }

    /**
     * The {@code Retry-After} of scripted 429 and 418 responses (default 1 s).
     *
     * @param d the wait, whole seconds are sent (at least 1)
     * @return this builder
     */
    public FakeBinanceBuilder scriptedRetryAfter(Duration d) {
        this.scriptedRetryAfter = Objects.requireNonNull(d, "scriptedRetryAfter");
        return this;
    }

    /**
     * Whether to keep every request for {@link FakeBinance#requests()} (default true); switch it off for long
     * benchmark runs. Request counts are kept either way.
     *
     * @param keep whether to keep the requests
     * @return this builder
     */
    public FakeBinanceBuilder logRequests(boolean keep) {
        this.logRequests = keep;
        return this;
    }

    /**
     * Starts the fake on a free local port.
     *
     * @return the running fake
     * @throws UncheckedIOException when no local server can be started
     */
    public FakeBinance start() {
        Map<String, FakeSymbol> s = new LinkedHashMap<>(symbols);
        if (s.isEmpty() && replays.isEmpty()) {
            for (FakeSymbol d : defaults()) {
                s.put(d.symbol(), d);
            }
        }
        return new FakeBinance(this, Collections.unmodifiableMap(s), Map.copyOf(replays));
    }

    private static List<FakeSymbol> defaults() {
        return List.of(
                FakeSymbol.trading("BTCUSDT", Instant.parse("2017-08-17T04:00:00Z")).withBasePrice(30_000),
                FakeSymbol.trading("ETHUSDT", Instant.parse("2017-08-17T04:00:00Z")).withBasePrice(2_000),
                FakeSymbol.trading("ETHBTC", Instant.parse("2017-07-14T04:00:00Z")).withBasePrice(0.05),
                FakeSymbol.trading("BNBUSDT", Instant.parse("2017-11-06T03:30:00Z")).withBasePrice(300),
                FakeSymbol.trading("BCCUSDT", Instant.parse("2017-11-13T04:00:00Z")).withBasePrice(500)
                        .withStatus("BREAK"));
    }
}
