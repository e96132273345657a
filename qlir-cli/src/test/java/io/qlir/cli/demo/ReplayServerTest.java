package io.qlir.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.emulator.RecordedKlines;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long HALF_HOUR = 1_800_000L;
    private static JsonNode recorded;

    private ReplayServer server;

    @BeforeAll
    static void readTheRecordingDirectly() throws Exception {
        try (InputStream in = ReplayServer.class.getResourceAsStream("BTCUSDT-30m-2019-04-11.json")) {
            recorded = JSON.readTree(in);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long open(int row) {
        return recorded.get(row).get(0).asLong();
    }

    private ReplayServer start(long nowMs) throws Exception {
        server = ReplayServer.start(List.of(ReplayServer.demoRecording()), Clock.fixed(Instant.ofEpochMilli(nowMs),
                ZoneOffset.UTC));
        return server;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoRecordingIsTheRealThirtyMinuteSeries() {
        RecordedKlines r = ReplayServer.demoRecording();
        assertThat(r.size()).isEqualTo(500).isEqualTo(recorded.size());
        assertThat(r.openTime(0)).isEqualTo(Instant.parse("2019-04-11T14:00:00Z").toEpochMilli());
        assertThat(r.openTime(499)).isEqualTo(Instant.parse("2019-04-21T23:30:00Z").toEpochMilli());
    }

    @Test
    void servesRecordedRowsByteForByteWithBinanceParameters() throws Exception {
        start(open(499) + 10 * 60_000L);
        HttpResponse<String> first = get("/api/v3/klines?symbol=BTCUSDT&interval=30m&startTime=0&limit=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("[" + recorded.get(0).toString() + "]");
        assertThat(first.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();

        JsonNode range = JSON.readTree(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&startTime=" + open(10)
                + "&endTime=" + open(14)).body());
        assertThat(range).containsExactly(recorded.get(10), recorded.get(11), recorded.get(12), recorded.get(13),
                recorded.get(14));

        JsonNode limited = JSON.readTree(get("/api/v3/uiKlines?symbol=BTCUSDT&interval=30m&startTime="
                + (open(10) - 1) + "&limit=3").body());
        assertThat(limited).containsExactly(recorded.get(10), recorded.get(11), recorded.get(12));

        JsonNode newest = JSON.readTree(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&limit=2").body());
        assertThat(newest).containsExactly(recorded.get(498), recorded.get(499));
        assertThat(server.klineRequests()).isEqualTo(4);
    }

    @Test
    void nothingOpeningAfterNowIsServedSoTheLastCandleIsStillForming() throws Exception {
        start(open(499) - 1);
        JsonNode newest = JSON.readTree(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&limit=1").body());
        assertThat(newest).containsExactly(recorded.get(498));
        server.close();
        start(open(499) + HALF_HOUR / 3);
        JsonNode tail = JSON.readTree(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&startTime=" + open(495)).body());
        assertThat(tail).hasSize(5);
        assertThat(tail.get(4).get(6).asLong()).isGreaterThan(open(499) + HALF_HOUR / 3);   // close time after now
    }

    @Test
    void badRequestsGetBinanceErrors() throws Exception {
        start(open(499));
        HttpResponse<String> symbol = get("/api/v3/klines?symbol=NOPEUSDT&interval=30m");
        assertThat(symbol.statusCode()).isEqualTo(400);
        assertThat(symbol.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        // the rules themselves (order, codes, words) are qlir-emulator's BinanceRulesTest; here: they are served
        assertThat(get("/api/v3/klines?symbol=BTCUSDT&interval=1h").body()).isEqualTo("[]");
        assertThat(get("/api/v3/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void timeAndExchangeInfoUseTheReplayClock() throws Exception {
        start(open(499));
        assertThat(JSON.readTree(get("/api/v3/time").body()).get("serverTime").asLong()).isEqualTo(open(499));
        JsonNode info = JSON.readTree(get("/api/v3/exchangeInfo").body());
        assertThat(info.get("symbols").get(0).get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(info.get("symbols").get(0).get("status").asText()).isEqualTo("TRADING");
    }

    @Test
    void weightIsCountedPerRequest() throws Exception {
        start(open(499));
        int a = Integer.parseInt(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&limit=1")
                .headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        int b = Integer.parseInt(get("/api/v3/klines?symbol=BTCUSDT&interval=30m&limit=1")
                .headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        assertThat(b - a).isIn(2, 2 - a);    // +2, unless the wall-clock minute turned between the two
    }
}
