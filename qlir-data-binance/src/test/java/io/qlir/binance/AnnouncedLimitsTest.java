package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.FakeSymbol;
import io.qlir.testkit.Fault;
import io.qlir.testkit.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client paces by the limits {@code exchangeInfo} announces, not only by its configured 6000 per minute (issue
 * 13 §1). Client and fake share one manual time, so the waits take no real time.
 */
class AnnouncedLimitsTest {

    static final Instant LISTED = Instant.parse("2024-03-01T00:00:00Z");
    static final Instant NOW = LISTED.plus(Duration.ofDays(12)).plusSeconds(90);

    @TempDir
    Path root;

    @Test
    void aTwelveDay1mFetchUnderAnAnnounced30Per5sGetsNo429() throws Exception {
        ManualTime time = new ManualTime(NOW);
        try (FakeBinance fake = FakeBinance.builder().seed(7).symbol(FakeSymbol.trading("BTCUSDT", LISTED))
                .clock(time.clock()).rateLimitClock(time.clock()).weightLimit(30, Duration.ofSeconds(5))
                .toleratedViolations(0).start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(time::sleep).build()) {
            FetchSummary s = BinanceFetcher.builder(client, root).concurrency(4).build()
                    .fetch(FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1));
            assertThat(s.failed()).isZero();
            assertThat(s.attempted()).isGreaterThanOrEqualTo(18);
            assertThat(fake.tooManyRequestsCount()).as("429s").isZero();
            assertThat(fake.bannedCount()).as("418s").isZero();
            assertThat(client.stats().http429()).isZero();
            assertThat(client.announcedLimits()).contains("REQUEST_WEIGHT 30 per 5 SECOND");
            // more than 36 weight of klines at 30 per 5 s: the fetch had to spread over several windows
            assertThat(Duration.between(NOW, time.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void afterA429NothingLeavesUntilRetryAfterAndTheLimitsAreReadAgain() throws Exception {
        ManualTime time = new ManualTime(NOW);
        try (FakeBinance fake = FakeBinance.builder().seed(7).symbol(FakeSymbol.trading("BTCUSDT", LISTED))
                .clock(time.clock()).rateLimitClock(time.clock()).scriptedRetryAfter(Duration.ofSeconds(7)).start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(time::sleep).build()) {
            assertThat(client.adoptAnnouncedLimits().isOk()).isTrue();
            fake.clearRequests();
            fake.enqueueFaults(Fault.TOO_MANY_REQUESTS);
            BinanceResult<KlineBatch> r = client.klines(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.H1)
                    .withStartTime(LISTED.toEpochMilli()).withLimit(1));
            assertThat(r.isOk()).as(r.describe()).isTrue();
            List<FakeRequest> log = fake.requests();
            assertThat(log).extracting(FakeRequest::path)
                    .containsExactly("/api/v3/klines", "/api/v3/exchangeInfo", "/api/v3/klines");
            assertThat(log.get(0).status()).isEqualTo(429);
            assertThat(log.get(1).arrivedAtMs()).isGreaterThanOrEqualTo(log.get(0).arrivedAtMs() + 7_000);
        }
    }
}
