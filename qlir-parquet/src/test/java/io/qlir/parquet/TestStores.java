package io.qlir.parquet;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceFetcher;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Test stores: the synthetic fake market, fetched into a data root at a given moment. */
final class TestStores {

    static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    /** BTCUSDT 1h in slices of 200 candles (8⅓ days): January and February sealed, March current at NOW. */
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1).withLimit(200);
    static final SliceSeries SERIES = JOB.series();
    static final Instant NOW = Instant.parse("2024-03-15T10:20:00Z");

    private TestStores() {
    }

    static FakeBinance market(Clock clock) {
        return FakeBinance.builder().seed(7)
                .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(42_000))
                .clock(clock).start();
    }

    /** Fetches (or catches up) the job's whole history into a root from a fresh fake market, as of the clock. */
    static void fetch(Clock clock, Path root) throws Exception {
        try (FakeBinance fake = market(clock)) {
            fetch(fake, clock, root);
        }
    }

    /** Fetches (or catches up) the job's whole history into a root as of the fake's clock. */
    static void fetch(FakeBinance fake, Clock clock, Path root) throws Exception {
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(10).initialDelay(Duration.ofMillis(2))
                .maxDelay(Duration.ofMillis(20)).build();
        try (BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl()).clock(clock).retryPolicy(quick)
                .random(new Random(3)).build()) {
            BinanceFetcher.builder(client, root).build().fetch(JOB);
        }
    }
}
