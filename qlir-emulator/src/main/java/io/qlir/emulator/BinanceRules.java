package io.qlir.emulator;

import io.qlir.core.Interval;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Binance's rules for its public market-data endpoints: the paths, what each request costs in weight, and how the
 * kline endpoints ({@code /api/v3/klines} and {@code /api/v3/uiKlines}) check their parameters, in Binance's order,
 * with Binance's error codes and words.
 *
 * <p>The checks, first failure wins: {@code symbol} sent (-1102), {@code interval} sent (-1102), {@code symbol}
 * legal characters (-1100), {@code interval} a Binance code (-1120), symbol known (-1121), {@code startTime},
 * {@code endTime} and {@code limit} digits only (-1100), limit 1 to 1000 (-1130), start not after end (-1023).
 * <pre>{@code
 * KlinesCheck c = BinanceRules.checkKlines(Map.of("symbol", "BTCUSDT", "interval", "30m"), "BTCUSDT"::equals);
 * }</pre>
 */
public final class BinanceRules {

    /** The kline endpoint. */
    public static final String KLINES = "/api/v3/klines";
    /** The kline endpoint for charts: same parameters and rows. */
    public static final String UI_KLINES = "/api/v3/uiKlines";
    /** The symbol list and rate limits. */
    public static final String EXCHANGE_INFO = "/api/v3/exchangeInfo";
    /** The server's clock. */
    public static final String TIME = "/api/v3/time";
    /** Connectivity check. */
    public static final String PING = "/api/v3/ping";
    /** Rows returned when no {@code limit} is sent. */
    public static final int DEFAULT_LIMIT = 500;
    /** The largest {@code limit} Binance accepts. */
    public static final int MAX_LIMIT = 1000;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9\\-_.]{1,20}");

    private BinanceRules() {
    }

    /**
     * Whether a path is one of the two kline endpoints.
     *
     * @param path the request path
     * @return true for {@link #KLINES} and {@link #UI_KLINES}
     */
    public static boolean isKlines(String path) {
        return KLINES.equals(path) || UI_KLINES.equals(path);
    }

    /**
     * The request weight Binance charges for a path (errors cost the same as answers).
     *
     * @param path the request path
     * @return 2 for klines, 20 for exchangeInfo, 1 otherwise
     */
    public static int weight(String path) {
        if (isKlines(path)) {
            return 2;
        }
        return EXCHANGE_INFO.equals(path) ? 20 : 1;
    }

    /**
     * Checks a kline request's query parameters as Binance does.
     *
     * @param params the decoded query parameters by name
     * @param knownSymbol whether the exchange lists a symbol (any interval)
     * @return the request, or the error Binance answers
     */
    public static KlinesCheck checkKlines(Map<String, String> params, Predicate<String> knownSymbol) {
        String symbol = params.get("symbol");
        String intervalCode = params.get("interval");
        if (symbol == null || symbol.isEmpty()) {
            return reject(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (intervalCode == null || intervalCode.isEmpty()) {
            return reject(-1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            return reject(-1100, "Illegal characters found in parameter 'symbol'; legal range is "
                    + "'^[A-Z0-9-_.]{1,20}$'.");
        }
        Interval interval;
        try {
            interval = Interval.parse(intervalCode);
        } catch (IllegalArgumentException e) {
            return reject(-1120, "Invalid interval.");
        }
        if (!knownSymbol.test(symbol)) {
            return reject(-1121, "Invalid symbol.");
        }
        return checkRange(params, symbol, interval);
    }

    /** The numeric checks, once symbol and interval are good: digits only, the limit's range, start before end. */
    private static KlinesCheck checkRange(Map<String, String> params, String symbol, Interval interval) {
        Long start;
        Long end;
        int limit;
        try {
            start = digits(params, "startTime");
            end = digits(params, "endTime");
            Long l = digits(params, "limit");
            limit = l == null ? DEFAULT_LIMIT : (int) Math.min(Integer.MAX_VALUE, l);
        } catch (NumberFormatException e) {
            return reject(-1100, "Illegal characters found in parameter '" + e.getMessage()
                    + "'; legal range is '^[0-9]{1,20}$'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return reject(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        if (start != null && end != null && start > end) {
            return reject(-1023, "Start time is greater than end time.");
        }
        return new KlinesCheck.Accepted(new KlinesRequest(symbol, interval, start, end, limit));
    }

    /** A parameter of up to 20 digits, or null when not sent; a NumberFormatException naming it otherwise. */
    private static Long digits(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v.isEmpty() || v.length() > 20 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(name);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(name);
        }
    }

    private static KlinesCheck reject(int code, String msg) {
        return new KlinesCheck.Rejected(new BinanceError(400, code, msg));
    }
}
