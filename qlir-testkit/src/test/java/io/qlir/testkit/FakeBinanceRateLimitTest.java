package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fake enforces a weight limit per fixed window: 429 with Retry-After, then 418 for a client that keeps going. */
class FakeBinanceRateLimitTest {

    // 10 weight per 2 s window; the manual clock starts 0.5 s into a window
    final ManualTime time = new ManualTime(Instant.parse("2024-01-01T00:00:00.500Z"));

    @AutoClose
    final FakeBinance fake = FakeBinance.builder().rateLimitClock(time.clock()).weightLimit(10, Duration.ofSeconds(2))
            .banDuration(Duration.ofSeconds(30)).toleratedViolations(2).start();

    private static final String KLINES = "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1";

    @Test
    void countsWeightAndSaysTooManyWithTheSecondsToTheWindowEnd() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Http.Reply r = Http.get(fake, KLINES);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.usedWeight()).isEqualTo(String.valueOf(2 * i));
        }
        time.advance(Duration.ofMillis(700)); // 1.2 s into the window: 0.8 s left
        Http.Reply r = Http.get(fake, KLINES);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.retryAfter()).isEqualTo("1");
        assertThat(r.json().get("code").asInt()).isEqualTo(-1003);
        assertThat(fake.usedWeight()).isEqualTo(10);
        // a client that waits the Retry-After is fine
        time.advance(Duration.ofSeconds(1));
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(200);
        assertThat(fake.tooManyRequestsCount()).isEqualTo(1);
        assertThat(fake.bannedCount()).isZero();
        assertThat(fake.rateWindows()).extracting(RateWindow::used).containsExactly(10, 2);
        assertThat(fake.rateWindows()).extracting(RateWindow::rejected).containsExactly(1, 0);
    }

    @Test
    void aClientThatKeepsGoingAfter429IsBanned() throws Exception {
        for (int i = 0; i < 5; i++) {
            Http.get(fake, KLINES);
        }
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(429);
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(429); // violation 1
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(429); // violation 2 (tolerated)
        Http.Reply ban = Http.get(fake, KLINES);                     // violation 3: banned for 30 s
        assertThat(ban.status()).isEqualTo(418);
        assertThat(ban.retryAfter()).isEqualTo("30");
        assertThat(ban.json().get("msg").asText()).contains("banned until");
        time.advance(Duration.ofSeconds(10)); // a new window, but still banned
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(418);
        assertThat(Http.get(fake, KLINES).retryAfter()).isEqualTo("20");
        time.advance(Duration.ofSeconds(20));
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(200);
        assertThat(fake.bannedCount()).isEqualTo(3);
    }

    @Test
    void scriptedRateLimitsHoldTheFakeToTheirRetryAfter() throws Exception {
        fake.enqueueFaults(Fault.BANNED);
        Http.Reply r = Http.get(fake, "/api/v3/time");
        assertThat(r.status()).isEqualTo(418);
        assertThat(r.retryAfter()).isEqualTo("1");
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(418); // still banned
        time.advance(Duration.ofSeconds(1));
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(200);
        fake.enqueueFaults(Fault.TOO_MANY_REQUESTS);
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(429);
        time.advance(Duration.ofSeconds(1));
        assertThat(Http.get(fake, KLINES).status()).isEqualTo(200);
    }
}
