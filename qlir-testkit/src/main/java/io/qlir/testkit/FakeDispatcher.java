package io.qlir.testkit;

import io.qlir.core.Interval;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/** Routes each request like Binance would, after the rate limit and the fault plan have had their say. */
final class FakeDispatcher extends Dispatcher {

    static final String KLINES = "/api/v3/klines";
    static final String UI_KLINES = "/api/v3/uiKlines";
    static final String EXCHANGE_INFO = "/api/v3/exchangeInfo";
    static final String TIME = "/api/v3/time";
    static final String PING = "/api/v3/ping";

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9\\-_.]{1,20}");
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;

    private final FakeBinanceBuilder config;
    private final Map<String, FakeSymbol> symbols;
    private final Map<String, ReplayRows> replays;
    private final FakeRateLimit rate;
    private final ConcurrentLinkedQueue<Fault> scripted = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final RequestLog log;
    private volatile FaultPlan plan;

    /** An answer before faults: status and body. */
    private record Answer(int status, String body) {
    }

    FakeDispatcher(FakeBinanceBuilder config, Map<String, FakeSymbol> symbols, Map<String, ReplayRows> replays) {
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
        int weight = weight(path);
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
        if (fault == null && (KLINES.equals(path) || UI_KLINES.equals(path))) {
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

    private static int weight(String path) {
        switch (path) {
            case KLINES:
            case UI_KLINES:
                return 2;
            case EXCHANGE_INFO:
                return 20;
            default:
                return 1;
        }
    }

    private MockResponse rateLimited(FakeRateLimit.Verdict v, long now) {
        String body = v.status() == 418
                ? JsonText.error(-1003, "Way too many requests; IP(127.0.0.1) banned until "
                        + (now + v.retryAfterSeconds() * 1000) + ". Please use the websocket for live updates to "
                        + "avoid bans.")
                : JsonText.error(-1003, "Too many requests; current limit of IP(127.0.0.1) is " + rate.capacity()
                        + " requests per " + rate.windowMs() + " ms. Please use the websocket for live updates to "
                        + "avoid polling the API.");
        return json(v.status(), body, v.usedWeight()).setHeader("Retry-After", v.retryAfterSeconds()).build();
    }

    private MockResponse respond(Answer answer, int usedWeight, Fault fault) {
        if (fault == null) {
            return json(answer.status(), answer.body(), usedWeight).build();
        }
        switch (fault) {
            case SERVER_ERROR:
                int status = (answer.body().length() & 1) == 0 ? 500 : 503;
                return json(status, JsonText.error(-1001,
                        "Internal error; unable to process your request. Please try again."), usedWeight).build();
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
            case KLINES:
            case UI_KLINES:
                return klines(params);
            case EXCHANGE_INFO:
                return new Answer(200, exchangeInfo());
            case TIME:
                return new Answer(200, "{\"serverTime\":" + config.clock.millis() + "}");
            case PING:
                return new Answer(200, "{}");
            default:
                return new Answer(404, JsonText.error(-1, "Unknown path " + path + "."));
        }
    }

    private Answer klines(Map<String, String> params) {
        String symbol = params.get("symbol");
        String intervalCode = params.get("interval");
        if (symbol == null || symbol.isEmpty()) {
            return bad(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (intervalCode == null || intervalCode.isEmpty()) {
            return bad(-1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            return bad(-1100, "Illegal characters found in parameter 'symbol'; legal range is "
                    + "'^[A-Z0-9-_.]{1,20}$'.");
        }
        Interval interval;
        try {
            interval = Interval.parse(intervalCode);
        } catch (IllegalArgumentException e) {
            return bad(-1120, "Invalid interval.");
        }
        ReplayRows replay = replays.get(FakeBinance.replayKey(symbol, interval));
        FakeSymbol s = symbols.get(symbol);
        if (s == null && replay == null && !FakeBinance.isReplaySymbol(replays, symbol)) {
            return bad(-1121, "Invalid symbol.");
        }
        Long start;
        Long end;
        int limit;
        try {
            start = longParam(params, "startTime");
            end = longParam(params, "endTime");
            Long l = longParam(params, "limit");
            limit = l == null ? DEFAULT_LIMIT : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
        } catch (NumberFormatException e) {
            return bad(-1100, "Illegal characters found in parameter '" + e.getMessage()
                    + "'; legal range is '^[0-9]{1,20}$'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return bad(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        if (start != null && end != null && start > end) {
            return bad(-1023, "Start time is greater than end time.");
        }
        StringBuilder sb = new StringBuilder(Math.min(limit, 1000) * 160 + 2).append('[');
        if (replay != null) {
            replay.append(sb, start, end, limit);
        } else if (s != null) {
            appendSynthetic(sb, s, interval, start, end, limit);
        }
        return new Answer(200, sb.append(']').toString());
    }

    void appendSynthetic(StringBuilder sb, FakeSymbol s, Interval interval, Long start, Long end, int limit) {
        long now = config.clock.millis();
        long first = interval.floor(s.listedAt().toEpochMilli());
        long last = interval.floor(now);
        KlineSelection sel = KlineSelection.select(interval, first, last, start, end, limit);
        long seed = SyntheticMarket.symbolSeed(config.seed, s.symbol());
        boolean comma = false;
        for (long t = sel.from(); !sel.isEmpty() && t <= sel.to(); t = interval.plus(t, 1)) {
            if (comma) {
                sb.append(',');
            }
            JsonText.row(sb, SyntheticMarket.candle(seed, s.basePrice(), interval, t, now));
            comma = true;
        }
    }

    private static Long longParam(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v.isEmpty() || v.length() > 20 || !v.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(name);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(name);
        }
    }

    private static Answer bad(int code, String msg) {
        return new Answer(400, JsonText.error(code, msg));
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
            sb.append("{\"symbol\":\"").append(s.symbol()).append("\",\"status\":\"").append(s.status())
                    .append("\",\"baseAsset\":\"").append(s.baseAsset()).append("\",\"baseAssetPrecision\":8,")
                    .append("\"quoteAsset\":\"").append(s.quoteAsset()).append("\",\"quotePrecision\":8,")
                    .append("\"quoteAssetPrecision\":8,\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],")
                    .append("\"icebergAllowed\":true,\"isSpotTradingAllowed\":true,\"filters\":[")
                    .append("{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",")
                    .append("\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},")
                    .append("{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",")
                    .append("\"stepSize\":\"0.00001000\"}],\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],")
                    .append("\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\"}");
        }
        return sb.append("]}").toString();
    }
}
