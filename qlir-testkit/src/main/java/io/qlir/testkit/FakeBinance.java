package io.qlir.testkit;

import io.qlir.core.Interval;
import io.qlir.emulator.BinanceRules;
import io.qlir.emulator.KlineSelection;
import io.qlir.emulator.RecordedKlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.MockWebServer;

/**
 * A local Binance for tests and benchmarks: a {@code mockwebserver3} server whose dispatcher answers
 * {@code /api/v3/klines}, {@code /api/v3/uiKlines}, {@code /api/v3/exchangeInfo}, {@code /api/v3/time} and
 * {@code /api/v3/ping} the way Binance does, and misbehaves on demand.
 *
 * <p><b>Candles.</b> Every known symbol has deterministic synthetic candles for every interval, from its listing
 * (its first candle is the one containing the listing instant) to "now" by the fake's
 * {@link FakeBinanceBuilder#clock(Clock) clock}; the newest candle is still forming (its close time is after now,
 * its close and volume are the values at now). {@code startTime}, {@code endTime} and {@code limit} (default 500,
 * 1 to 1000) select rows as Binance does; the probe {@code startTime=0&limit=1} returns the first candle. Both kline
 * endpoints serve the same rows. Instead of synthetic candles, a symbol and interval can
 * {@link FakeBinanceBuilder#replay(String, Interval, String...) replay} recorded raw rows verbatim.
 *
 * <p><b>Errors as Binance words them.</b> Unknown symbol: HTTP 400 {@code {"code":-1121,"msg":"Invalid symbol."}};
 * bad interval: {@code -1120 "Invalid interval."}; missing parameter {@code -1102}; illegal characters
 * {@code -1100}; limit outside 1..1000 {@code -1130}; start after end {@code -1023}.
 *
 * <p><b>Weight limit.</b> Weight (klines 2, exchangeInfo 20, others 1) is counted per fixed window of the
 * rate-limit clock ({@link FakeBinanceBuilder#weightLimit(int, Duration)}, scaled down in tests); every response
 * carries {@code X-MBX-USED-WEIGHT-1M}. A request that does not fit gets 429 with {@code Retry-After} (seconds to
 * the window end); a client that keeps sending before that gets 429 again and, past
 * {@link FakeBinanceBuilder#toleratedViolations(int)}, 418 with a ban.
 *
 * <p><b>Faults.</b> A seeded {@link FaultPlan} for kline requests, or scripted faults for the next requests
 * ({@link #enqueueFaults(Fault...)}). Every request is logged ({@link #requests()}).
 * <pre>{@code
 * try (FakeBinance fake = FakeBinance.builder()
 *         .symbol(FakeSymbol.trading("BTCUSDT", Instant.parse("2024-01-01T00:00:00Z")))
 *         .clock(Clock.fixed(Instant.parse("2024-01-03T12:00:30Z"), ZoneOffset.UTC))
 *         .faults(FaultPlan.random(0.1, 42, Fault.SERVER_ERROR, Fault.RESET))
 *         .start()) {
 *     BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).build();
 *     ...
 *     assertThat(fake.klineRequestCount()).isEqualTo(4);
 * }
 * }</pre>
 * In JUnit 5, hold it in a field annotated {@code @AutoClose}, or use try-with-resources. Thread-safe.
 */
public final class FakeBinance implements AutoCloseable {

    private final MockWebServer server;
    private final FakeDispatcher dispatcher;
    private final FakeBinanceBuilder config;
    private final Map<String, FakeSymbol> symbols;

    FakeBinance(FakeBinanceBuilder config, Map<String, FakeSymbol> symbols, Map<String, RecordedKlines> replays) {
        this.config = config;
        this.symbols = symbols;
        this.dispatcher = new FakeDispatcher(config, symbols, replays);
        this.server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the fake Binance could not start a local server", e);
        }
    }

    /**
     * A builder; with no symbol added, the fake knows BTCUSDT, ETHUSDT, ETHBTC, BNBUSDT (trading) and BCCUSDT
     * (status {@code BREAK}), listed when Binance listed them.
     *
     * @return a new builder
     */
    public static FakeBinanceBuilder builder() {
        return new FakeBinanceBuilder();
    }

    /**
     * The base URL to give a client, for example {@code http://127.0.0.1:41234}.
     *
     * @return the base URL, without a trailing slash
     */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /**
     * Every request received so far, in arrival order (empty when the builder switched the log off).
     *
     * @return a snapshot of the log
     */
    public List<FakeRequest> requests() {
        return dispatcher.log().snapshot();
    }

    /**
     * How many klines and uiKlines requests arrived (faulty and rate-limited ones included).
     *
     * @return the count
     */
    public long klineRequestCount() {
        return dispatcher.log().count(p -> p.equals(BinanceRules.KLINES) || p.equals(BinanceRules.UI_KLINES));
    }

    /**
     * How many requests arrived for a path.
     *
     * @param path for example {@code /api/v3/exchangeInfo}
     * @return the count
     */
    public long requestCount(String path) {
        return dispatcher.log().count(path);
    }

    /** Forgets the requests logged and counted so far. */
    public void clearRequests() {
        dispatcher.log().clear();
    }

    /**
     * Scripts faults for the next requests, any path, one fault per request in arrival order.
     * {@link Fault#TOO_MANY_REQUESTS} and {@link Fault#BANNED} answer 429 / 418 with a {@code Retry-After} of
     * {@link FakeBinanceBuilder#scriptedRetryAfter(Duration)} and hold the fake to it (a client that ignores it is
     * banned).
     *
     * @param faults the faults, in order
     */
    public void enqueueFaults(Fault... faults) {
        dispatcher.enqueue(faults);
    }

    /**
     * Replaces the random fault plan from now on.
     *
     * @param plan the new plan ({@link FaultPlan#none()} to stop faults)
     */
    public void faults(FaultPlan plan) {
        dispatcher.plan(Objects.requireNonNull(plan, "plan"));
    }

    /**
     * The weight counted in the current window of the rate-limit clock.
     *
     * @return the used weight
     */
    public int usedWeight() {
        return dispatcher.rate().usedNow(config.rateLimitClock.millis());
    }

    /**
     * The weight counted in every window since the first request, the current one last.
     *
     * @return one entry per window that saw requests (and the current one)
     */
    public List<RateWindow> rateWindows() {
        return dispatcher.rate().windows(config.rateLimitClock.millis());
    }

    /**
     * How many 429 responses were sent.
     *
     * @return the count
     */
    public int tooManyRequestsCount() {
        return dispatcher.rate().total429();
    }

    /**
     * How many 418 responses were sent.
     *
     * @return the count
     */
    public int bannedCount() {
        return dispatcher.rate().total418();
    }

    /**
     * The synthetic symbols (not the replayed ones).
     *
     * @return the symbols, in exchangeInfo order
     */
    public List<FakeSymbol> symbols() {
        return List.copyOf(symbols.values());
    }

    /**
     * The raw rows the fake serves for a symbol with open times in {@code [fromOpenTime, toOpenTime]}, however many,
     * as the JSON array Binance would send, computed without a request: the expected data for assertions.
     * Synthetic symbols only; the forming candle is as of the fake's clock now.
     *
     * @param symbol a synthetic symbol
     * @param interval the interval
     * @param fromOpenTime the first open time, epoch millis
     * @param toOpenTime the last open time, epoch millis (inclusive)
     * @return the JSON array of rows
     * @throws IllegalArgumentException for an unknown symbol
     */
    public String rowsJson(String symbol, Interval interval, long fromOpenTime, long toOpenTime) {
        FakeSymbol s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("unknown synthetic symbol '" + symbol + "'; known: " + symbols.keySet());
        }
        long now = config.clock.millis();
        KlineSelection.OpenTimes grid = FakeDispatcher.grid(s, interval, now);
        long to = grid.countAtOrBefore(toOpenTime);
        StringBuilder sb = new StringBuilder().append('[');
        dispatcher.appendSynthetic(sb, s, interval, new KlineSelection(Math.min(to, grid.countBefore(fromOpenTime)),
                to), now);
        return sb.append(']').toString();
    }

    /**
     * The open time of a synthetic symbol's first candle for an interval (what {@code startTime=0&limit=1}
     * returns).
     *
     * @param symbol a synthetic symbol
     * @param interval the interval
     * @return epoch millis
     * @throws IllegalArgumentException for an unknown symbol
     */
    public long firstOpenTime(String symbol, Interval interval) {
        FakeSymbol s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("unknown synthetic symbol '" + symbol + "'; known: " + symbols.keySet());
        }
        return interval.floor(s.listedAt().toEpochMilli());
    }

    /**
     * The open time of the newest candle (the one still forming) by the fake's clock now.
     *
     * @param interval the interval
     * @return epoch millis
     */
    public long formingOpenTime(Interval interval) {
        return interval.floor(config.clock.millis());
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeBinance{" + baseUrl() + ", symbols " + symbols.keySet() + "}";
    }

    static String replayKey(String symbol, Interval interval) {
        return symbol + "|" + interval.wireCode();
    }

    static boolean isReplaySymbol(Map<String, RecordedKlines> replays, String symbol) {
        return replays.keySet().stream().anyMatch(k -> k.startsWith(symbol + "|"));
    }

    /** Synthetic symbols, then replay-only symbols (as trading). */
    static List<FakeSymbol> allSymbols(Map<String, FakeSymbol> symbols, Map<String, RecordedKlines> replays) {
        List<FakeSymbol> all = new ArrayList<>(symbols.values());
        replays.forEach((key, rows) -> {
            String symbol = key.substring(0, key.indexOf('|'));
            if (all.stream().noneMatch(s -> s.symbol().equals(symbol))) {
                all.add(FakeSymbol.trading(symbol, Instant.ofEpochMilli(rows.size() > 0 ? rows.openTime(0) : 0)));
            }
        });
        return all;
    }
}
