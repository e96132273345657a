package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Bad requests get Binance's error codes and words; exchangeInfo and time look like Binance's. */
class FakeBinanceErrorsTest {

    static final Instant NOW = Instant.parse("2024-03-01T10:30:00Z");

    @AutoClose
    final FakeBinance fake = FakeBinance.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();

    private void assertError(String query, int code, String msg) throws Exception {
        Http.Reply r = Http.get(fake, "/api/v3/klines?" + query);
        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.json().get("code").asInt()).as(query).isEqualTo(code);
        assertThat(r.json().get("msg").asText()).as(query).isEqualTo(msg);
    }

    @Test
    void badRequestsGetBinancesErrorAsA400() throws Exception {
        // the rules themselves (order, codes, words) are qlir-emulator's BinanceRulesTest; here: they are served
        assertError("symbol=NOPEUSDT&interval=1m", -1121, "Invalid symbol.");
        assertError("symbol=BTCUSDT&interval=1m&startTime=abc", -1100,
                "Illegal characters found in parameter 'startTime'; legal range is '^[0-9]{1,20}$'.");
        assertThat(fake.requests()).extracting(FakeRequest::status).containsExactly(400, 400);
    }

    @Test
    void exchangeInfoListsTheSymbolsSomeNotTrading() throws Exception {
        Http.Reply r = Http.get(fake, "/api/v3/exchangeInfo");
        assertThat(r.status()).isEqualTo(200);
        JsonNode info = r.json();
        assertThat(info.get("serverTime").asLong()).isEqualTo(NOW.toEpochMilli());
        List<String> trading = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (JsonNode s : info.get("symbols")) {
            (s.get("status").asText().equals("TRADING") ? trading : other).add(s.get("symbol").asText());
            assertThat(s.get("filters").isArray()).isTrue();
        }
        assertThat(trading).containsExactly("BTCUSDT", "ETHUSDT", "ETHBTC", "BNBUSDT");
        assertThat(other).containsExactly("BCCUSDT");
        JsonNode ethbtc = info.get("symbols").get(2);
        assertThat(ethbtc.get("baseAsset").asText()).isEqualTo("ETH");
        assertThat(ethbtc.get("quoteAsset").asText()).isEqualTo("BTC");
        // the announced tick is the one the candles are quoted on: BTCUSDT at 30,000 ticks in cents (as Binance's),
        // ETHBTC at 0.05 in 1e-8 (a millionth of its price level, rounded down to a power of ten)
        assertThat(info.get("symbols").get(0).get("filters").get(0).get("tickSize").asText()).isEqualTo("0.01000000");
        assertThat(ethbtc.get("filters").get(0).get("tickSize").asText()).isEqualTo("0.00000001");
        JsonNode weight = info.get("rateLimits").get(0);
        assertThat(weight.get("rateLimitType").asText()).isEqualTo("REQUEST_WEIGHT");
        assertThat(weight.get("interval").asText()).isEqualTo("MINUTE");
        assertThat(weight.get("limit").asInt()).isEqualTo(6000);
        assertThat(r.usedWeight()).isEqualTo("20");
    }

    @Test
    void timeIsTheFakesClockAndUnknownPathsAre404() throws Exception {
        assertThat(Http.get(fake, "/api/v3/time").json().get("serverTime").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(Http.get(fake, "/api/v3/ping").body()).isEqualTo("{}");
        assertThat(Http.get(fake, "/api/v3/nothing").status()).isEqualTo(404);
        assertThat(fake.requestCount("/api/v3/time")).isEqualTo(1);
        assertThat(fake.requests()).extracting(FakeRequest::path)
                .containsExactly("/api/v3/time", "/api/v3/ping", "/api/v3/nothing");
    }

    @Test
    void withoutTheRequestLogTheCountsRemain() throws Exception {
        try (FakeBinance quiet = FakeBinance.builder().logRequests(false).start()) {
            Http.get(quiet, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1");
            Http.get(quiet, "/api/v3/uiKlines?symbol=BTCUSDT&interval=1m&limit=1");
            Http.get(quiet, "/api/v3/time");
            assertThat(quiet.requests()).isEmpty();
            assertThat(quiet.klineRequestCount()).isEqualTo(2);
            assertThat(quiet.requestCount("/api/v3/time")).isEqualTo(1);
            quiet.clearRequests();
            assertThat(quiet.klineRequestCount()).isZero();
        }
    }
}
