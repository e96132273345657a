package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Each injected fault looks, from a plain HTTP client, like what it claims to be. */
class FakeBinanceFaultsTest {

    @AutoClose
    final FakeBinance fake = FakeBinance.builder().faultDelay(Duration.ofMillis(600)).start();

    private static final String KLINES = "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=0&limit=20";

    @Test
    void serverErrorIsA5xxWithBinancesInternalErrorBody() throws Exception {
        fake.enqueueFaults(Fault.SERVER_ERROR);
        Http.Reply r = Http.get(fake, KLINES);
        assertThat(r.status()).isIn(500, 503);
        assertThat(r.json().get("code").asInt()).isEqualTo(-1001);
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(200); // one-shot
    }

    @Test
    void resetDropsTheConnectionWithoutAResponse() {
        fake.enqueueFaults(Fault.RESET);
        assertThatThrownBy(() -> Http.get(fake, KLINES)).isInstanceOf(IOException.class);
        assertThat(fake.requests().get(0).fault()).contains(Fault.RESET);
        assertThat(fake.requests().get(0).status()).isZero();
    }

    @Test
    void truncatedBodyEndsTheStreamEarly() {
        fake.enqueueFaults(Fault.TRUNCATED_BODY);
        assertThatThrownBy(() -> Http.get(fake, KLINES)).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected end of stream");
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() throws Exception {
        fake.enqueueFaults(Fault.MALFORMED_JSON);
        Http.Reply r = Http.get(fake, KLINES);
        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(() -> Http.JSON.readTree(r.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void delayHoldsTheAnswerPastAShortReadTimeout() throws Exception {
        // the delay is 600 ms: a client that waits 500 ms for the headers gives up (no clock read by the test)
        fake.enqueueFaults(Fault.DELAY);
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(500, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false).build();
        Request req = new Request.Builder().url(fake.baseUrl() + KLINES).build();
        assertThatThrownBy(() -> impatient.newCall(req).execute().close())
                .isInstanceOf(java.net.SocketTimeoutException.class);
        // and a patient one gets the answer, late but whole
        fake.enqueueFaults(Fault.DELAY);
        try (Response r = new OkHttpClient().newCall(req).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).startsWith("[[");
        }
        assertThat(fake.requests()).extracting(FakeRequest::fault).containsOnly(Optional.of(Fault.DELAY));
    }

    @Test
    void aRandomPlanIsSeededPerRequestAndHitsAboutItsProbability() throws Exception {
        FaultPlan plan = FaultPlan.random(0.25, 42, Fault.SERVER_ERROR, Fault.MALFORMED_JSON);
        fake.faults(plan);
        for (int i = 0; i < 200; i++) {
            Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1&startTime=" + i * 60_000L);
        }
        List<Optional<Fault>> first = fake.requests().stream().map(FakeRequest::fault).toList();
        long faulty = first.stream().filter(Optional::isPresent).count();
        assertThat(faulty).isBetween(30L, 70L); // 50 expected; binomial sd ~6
        assertThat(first.stream().flatMap(Optional::stream).distinct()).containsExactlyInAnyOrder(
                Fault.SERVER_ERROR, Fault.MALFORMED_JSON);
        // the same requests again in another fake with the same plan: the same verdicts
        try (FakeBinance twin = FakeBinance.builder().faults(plan).start()) {
            for (int i = 0; i < 200; i++) {
                Http.get(twin, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1&startTime=" + i * 60_000L);
            }
            assertThat(twin.requests().stream().map(FakeRequest::fault).toList()).isEqualTo(first);
        }
        // a repeated request is a new draw: asked often enough, it gets through
        fake.clearRequests();
        for (int i = 0; i < 20; i++) {
            Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1&startTime=0");
        }
        assertThat(fake.requests()).anyMatch(r -> r.fault().isEmpty());
        // other endpoints are never hit by the random plan
        for (int i = 0; i < 20; i++) {
            assertThat(Http.get(fake, "/api/v3/time").status()).isEqualTo(200);
        }
        assertThat(fake.klineRequestCount()).isEqualTo(20);
    }

    @Test
    void planArgumentsAreChecked() {
        assertThatThrownBy(() -> FaultPlan.random(1.5, 1, Fault.RESET)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> FaultPlan.random(0.1, 1)).hasMessageContaining("at least one fault kind");
        assertThatThrownBy(() -> FaultPlan.random(0.1, 1, Fault.BANNED)).hasMessageContaining("429 and 418");
        assertThat(FaultPlan.random(0.1, 1, Fault.RESET)).isEqualTo(FaultPlan.random(0.1, 1, Fault.RESET));
        assertThat(FaultPlan.none().probability()).isZero();
    }
}
