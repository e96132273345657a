package io.qlir.testkit;

import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.emulator.BinanceError;
import io.qlir.emulator.BinanceRules;
import io.qlir.emulator.KlineSelection;
import io.qlir.emulator.KlinesCheck;
import io.qlir.emulator.KlinesRequest;
import io.qlir.emulator.RecordedKlines;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/** Routes each request like Binance would, after the rate limit and the fault plan have had their say. */
final class FakeDispatcher extends Dispatcher {

    private final FakeBinanceBuilder config;
    private final Map<String, FakeSymbol> symbols;
    private final Map<String, RecordedKlines> replays;
    private final FakeRateLimit rate;
    private final ConcurrentLinkedQueue<Fault> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final RequestLog log;
    private volatile FaultPlan plan;

    /** An answer before faults: status and body. */
    private record Answer(int status, String body) {
    }

    FakeDispatcher(FakeBinanceBuilder config, Map<String, FakeSymbol> symbols, Map<String, RecordedKlines> replays) {
        this.config = config;
        this.symbols = symbols;
        this.replays = replays;
        this.rate = new FakeRateLimit(config.weightCapacity, config.weightWindow.toMillis(),
                config.banDuration.toMillis(), config.toleratedViolations);
        this.plan = config.faultPlan;
        this.log = new RequestLog(config.logRequests);
    }

    FakeRateLimit rate() {
        return rate;
    }

    RequestLog log() {
        return log;
    }

    void plan(FaultPlan p) {
        this.plan = p;
    }

    void enqueue(Fault... faults) {
        Collections.addAll(scripted, faults);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        long now = config.rateLimitClock.millis();
        int weight = BinanceRules.weight(path);
        Fault fault = scripted.poll();
        FakeRateLimit.Verdict v;
        if (fault == Fault.TOO_MANY_REQUESTS) {
            v = rate.force429(now, config.scriptedRetryAfter.toMillis());
        } else if (fault == Fault.BANNED) {
            v = rate.force418(now, config.scriptedRetryAfter.toMillis());
        } else {
            v = rate.admit(weight, now);
        }
        if (!v.admitted()) {
            log.add(new FakeRequest(path, Collections.unmodifiableMap(params), now, v.status(),
                    Optional.ofNullable(fault), 0));
            return rateLimited(v, now);
        }
        if (fault == null && BinanceRules.isKlines(path)) {
            String key = url.encodedPath() + "?" + url.encodedQuery();
            int n = occurrences.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
            fault = plan.decide(key, n).orElse(null);
        }
        Answer answer = route(path, params);
        MockResponse response = respond(answer, v.usedWeight(), fault);
        int status = fault == Fault.RESET || fault == Fault.TRUNCATED_BODY ? 0
                : fault == Fault.SERVER_ERROR ? response.getCode() : answer.status();
        log.add(new FakeRequest(path, Collections.unmodifiableMap(params), now, status, Optional.ofNullable(fault),
                weight));
        return response;
    }

    private MockResponse rateLimited(FakeRateLimit.Verdict v, long now) {
        String body = v.status() == 418
                ? new BinanceError(418, -1003, "Way too many requests; IP(127.0.0.1) banned until "
                        + (now + v.retryAfterSeconds() * 1000) + ". Please use the websocket for live updates to "
                        + "avoid bans.").json()
                : new BinanceError(429, -1003, "Too many requests; current limit of IP(127.0.0.1) is "
                        + rate.capacity() + " requests per " + rate.windowMs() + " ms. Please use the websocket for "
                        + "live updates to avoid polling the API.").json();
        return json(v.status(), body, v.usedWeight()).setHeader("Retry-After", v.retryAfterSeconds()).build();
    }

    private MockResponse respond(Answer answer, int usedWeight, Fault fault) {
        if (fault == null) {
            return json(answer.status(), answer.body(), usedWeight).build();
        }
        switch (fault) {
            case SERVER_ERROR:
                int status = (answer.body().length() & 1) == 0 ? 500 : 503;
                return json(status, new BinanceError(status, -1001,
                        "Internal error; unable to process your request. Please try again.").json(), usedWeight)
                        .build();
            case RESET:
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build();
            case TRUNCATED_BODY:
                return json(answer.status(), answer.body(), usedWeight)
                        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build();
            case MALFORMED_JSON:
                String b = answer.body();
                return json(answer.status(), b.substring(0, b.length() / 2) + ",}", usedWeight).build();
            case DELAY:
                return json(answer.status(), answer.body(), usedWeight)
                        .headersDelay(config.faultDelay.toMillis(), TimeUnit.MILLISECONDS).build();
            default:
                throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    private MockResponse.Builder json(int status, String body, int usedWeight) {
        MockResponse.Builder b = new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader("X-MBX-USED-WEIGHT", usedWeight)
                .setHeader("X-MBX-USED-WEIGHT-1M", usedWeight);
        String own = windowHeader();
        if (!own.equals("X-MBX-USED-WEIGHT-1M")) {
            b.setHeader(own, usedWeight); // Binance names the header after the window it counts
        }
        return b.body(body);
    }

    /** The used-weight header of the fake's window, as exchangeInfo announces it: -<n>M or -<n>S. */
    private String windowHeader() {
        long windowMs = rate.windowMs();
        return "X-MBX-USED-WEIGHT-" + (windowMs % 60_000 == 0 ? windowMs / 60_000 + "M"
                : Math.max(1, (windowMs + 999) / 1000) + "S");
    }

    private Answer route(String path, Map<String, String> params) {
        switch (path) {
            case BinanceRules.KLINES:
            case BinanceRules.UI_KLINES:
                return klines(params);
            case BinanceRules.EXCHANGE_INFO:
                return new Answer(200, exchangeInfo());
            case BinanceRules.TIME:
                return new Answer(200, "{\"serverTime\":" + config.clock.millis() + "}");
            case BinanceRules.PING:
                return new Answer(200, "{}");
            default:
                BinanceError e = BinanceError.notFound(path);
                return new Answer(e.httpStatus(), e.json());
        }
    }

    private Answer klines(Map<String, String> params) {
        KlinesCheck check = BinanceRules.checkKlines(params, symbol -> symbols.containsKey(symbol)
                || FakeBinance.isReplaySymbol(replays, symbol));
        if (check instanceof KlinesCheck.Rejected r) {
            return new Answer(r.error().httpStatus(), r.error().json());
        }
        KlinesRequest request = ((KlinesCheck.Accepted) check).request();
        RecordedKlines replay = replays.get(FakeBinance.replayKey(request.symbol(), request.interval()));
        if (replay != null) {
            // replays ignore the clock: every recorded row exists, as when it was recorded
            return new Answer(200, replay.rows(request, Long.MAX_VALUE));
        }
        FakeSymbol s = symbols.get(request.symbol());
        StringBuilder sb = new StringBuilder(request.limit() * 160 + 2).append('[');
        if (s != null) {
            long now = config.clock.millis();
            appendSynthetic(sb, s, request.interval(), KlineSelection.select(grid(s, request.interval(), now),
                    request, now), now);
        }
        return new Answer(200, sb.append(']').toString());
    }

    /** Every candle of a synthetic symbol, from the one containing its listing to the one forming at now. */
    static KlineSelection.OpenTimes grid(FakeSymbol s, Interval interval, long now) {
        return KlineSelection.OpenTimes.grid(interval, interval.floor(s.listedAt().toEpochMilli()),
                interval.floor(now));
    }

    /** Appends the synthetic candles of a window of the symbol's {@link #grid}, as seen at {@code now}. */
    void appendSynthetic(StringBuilder sb, FakeSymbol s, Interval interval, KlineSelection sel, long now) {
        SyntheticMarket market = SyntheticMarket.of(config.seed, s.symbol(), s.basePrice());
        long t = interval.plus(interval.floor(s.listedAt().toEpochMilli()), sel.from());
        for (long i = sel.from(); i < sel.to(); i++, t = interval.plus(t, 1)) {
            if (i > sel.from()) {
                sb.append(',');
            }
            JsonText.row(sb, market.candle(interval, t, now));
        }
    }

    private String exchangeInfo() {
        long windowMs = rate.windowMs();
        boolean minutes = windowMs % 60_000 == 0;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"timezone\":\"UTC\",\"serverTime\":").append(config.clock.millis())
                .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"")
                .append(minutes ? "MINUTE" : "SECOND").append("\",\"intervalNum\":")
                .append(minutes ? windowMs / 60_000 : Math.max(1, (windowMs + 999) / 1000))
                .append(",\"limit\":").append(rate.capacity()).append("},")
                .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},")
                .append("{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,")
                .append("\"limit\":61000}],\"exchangeFilters\":[],\"symbols\":[");
        boolean comma = false;
        for (FakeSymbol s : FakeBinance.allSymbols(symbols, replays)) {
            if (comma) {
                sb.append(',');
            }
            comma = true;
            String tick = tick(s);
            sb.append("{\"symbol\":\"").append(s.symbol()).append("\",\"status\":\"").append(s.status())
                    .append("\",\"baseAsset\":\"").append(s.baseAsset()).append("\",\"baseAssetPrecision\":8,")
                    .append("\"quoteAsset\":\"").append(s.quoteAsset()).append("\",\"quotePrecision\":8,")
                    .append("\"quoteAssetPrecision\":8,\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],")
                    .append("\"icebergAllowed\":true,\"isSpotTradingAllowed\":true,\"filters\":[")
                    .append("{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"").append(tick)
                    .append("\",\"maxPrice\":\"1000000000.00000000\",\"tickSize\":\"").append(tick).append("\"},")
                    .append("{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00000100\",\"maxQty\":\"9000.00000000\",")
                    .append("\"stepSize\":\"0.00000100\"}],\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],")
                    .append("\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\"}");
        }
        return sb.append("]}").toString();
    }

    /** The symbol's tick as Binance writes it (eight decimals): the one its candles are quoted on. */
    private static String tick(FakeSymbol s) {
        return SyntheticMarket.tickSize(s.basePrice()).setScale(8, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
