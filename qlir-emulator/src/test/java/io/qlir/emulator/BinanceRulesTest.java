package io.qlir.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binance's kline parameter checks: codes and words as Binance sends them, in Binance's order. */
class BinanceRulesTest {

    private static Map<String, String> query(String q) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    private static KlinesCheck check(String q) {
        return BinanceRules.checkKlines(query(q), "BTCUSDT"::equals);
    }

    private static void assertError(String q, int code, String msg) {
        assertThat(check(q)).as(q).isEqualTo(new KlinesCheck.Rejected(new BinanceError(400, code, msg)));
    }

    @Test
    void badRequestsAreAnsweredLikeBinance() {
        assertError("symbol=NOPEUSDT&interval=1m", -1121, "Invalid symbol.");
        assertError("symbol=BTCUSDT&interval=1x", -1120, "Invalid interval.");
        assertError("symbol=BTCUSDT&interval=1m&limit=1001", -1130, "Data sent for parameter 'limit' is not valid.");
        assertError("symbol=BTCUSDT&interval=1m&limit=0", -1130, "Data sent for parameter 'limit' is not valid.");
        assertError("symbol=BTCUSDT&interval=1m&limit=99999999999", -1130,
                "Data sent for parameter 'limit' is not valid.");
        assertError("symbol=BTCUSDT&interval=1m&startTime=10&endTime=5", -1023, "Start time is greater than end time.");
        assertError("interval=1m", -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        assertError("symbol=&interval=1m", -1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        assertError("symbol=BTCUSDT", -1102,
                "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        assertError("symbol=btcusdt&interval=1m", -1100,
                "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
        assertError("symbol=BTCUSDT&interval=1m&startTime=abc", -1100,
                "Illegal characters found in parameter 'startTime'; legal range is '^[0-9]{1,20}$'.");
        assertError("symbol=BTCUSDT&interval=1m&endTime=-5", -1100,
                "Illegal characters found in parameter 'endTime'; legal range is '^[0-9]{1,20}$'.");
        assertError("symbol=BTCUSDT&interval=1m&limit=-5", -1100,
                "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        // the interval codes are case-sensitive: 1M is a month, 1H is nothing
        assertError("symbol=BTCUSDT&interval=1H", -1120, "Invalid interval.");
    }

    @Test
    void theFirstFailingCheckWins() {
        // both symbol and interval missing: the symbol is named
        assertError("limit=5", -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        // an unknown symbol with a bad interval: the interval is checked first
        assertError("symbol=NOPEUSDT&interval=7x", -1120, "Invalid interval.");
        // illegal characters in the symbol come before a bad interval
        assertThat(((KlinesCheck.Rejected) check("symbol=btc&interval=7x")).error().code()).isEqualTo(-1100);
        // an unknown symbol comes before bad numbers; bad numbers before a bad limit; a bad limit before start > end
        assertError("symbol=NOPEUSDT&interval=1m&limit=x", -1121, "Invalid symbol.");
        assertThat(((KlinesCheck.Rejected) check("symbol=BTCUSDT&interval=1m&limit=2000&startTime=x")).error().code())
                .isEqualTo(-1100);
        assertThat(((KlinesCheck.Rejected) check("symbol=BTCUSDT&interval=1m&limit=2000&startTime=9&endTime=1"))
                .error().code()).isEqualTo(-1130);
    }

    @Test
    void aGoodRequestCarriesItsParametersAndTheDefaultLimit() {
        assertThat(check("symbol=BTCUSDT&interval=30m")).isEqualTo(new KlinesCheck.Accepted(
                new KlinesRequest("BTCUSDT", Interval.M30, null, null, 500)));
        assertThat(check("symbol=BTCUSDT&interval=1M&startTime=5&endTime=5&limit=1000")).isEqualTo(
                new KlinesCheck.Accepted(new KlinesRequest("BTCUSDT", Interval.MO1, 5L, 5L, 1000)));
    }

    @Test
    void errorsAreBinanceJsonWithTheMessageEscaped() {
        assertThat(new BinanceError(400, -1121, "Invalid symbol.").json())
                .isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        assertThat(new BinanceError(400, -1, "a \"b\" \\c").json())
                .isEqualTo("{\"code\":-1,\"msg\":\"a \\\"b\\\" \\\\c\"}");
        assertThat(BinanceError.notFound("/api/v3/nope")).isEqualTo(new BinanceError(404, -1,
                "Unknown path /api/v3/nope."));
    }

    @Test
    void weightsAreBinances() {
        assertThat(BinanceRules.weight("/api/v3/klines")).isEqualTo(2);
        assertThat(BinanceRules.weight("/api/v3/uiKlines")).isEqualTo(2);
        assertThat(BinanceRules.weight("/api/v3/exchangeInfo")).isEqualTo(20);
        assertThat(BinanceRules.weight("/api/v3/time")).isEqualTo(1);
        assertThat(BinanceRules.weight("/api/v3/ping")).isEqualTo(1);
    }
}
