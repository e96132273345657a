package io.qlir.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.SliceFile;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeBinanceBuilder;
import io.qlir.testkit.FakeSymbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Test helpers: a fake market, a quick client, and the rows a slice directory holds. */
final class Stores {

    static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private Stores() {
    }

    /** BTCUSDT and ETHUSDT listed at {@link #LISTED}, candles by the given clock. */
    static FakeBinanceBuilder market(Clock clock) {
        return FakeBinance.builder().seed(7)
                .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(42_000))
                .symbol(FakeSymbol.trading("ETHUSDT", LISTED).withBasePrice(2_300))
                .clock(clock);
    }

    /** Retries that take milliseconds, not seconds. */
    static RetryPolicy quickRetries() {
        return RetryPolicy.builder().maxAttempts(10).initialDelay(Duration.ofMillis(2)).maxDelay(Duration.ofMillis(20))
                .build();
    }

    static BinanceClient.Builder client(FakeBinance fake, Clock clock) {
        return BinanceClient.builder().baseUrl(fake.baseUrl()).clock(clock).retryPolicy(quickRetries())
                .random(new Random(3));
    }

    /** Every row of every slice file in the directory, in slice order (the manifest's order). */
    static ArrayNode storedRows(Path dir) {
        try {
            ArrayNode all = JSON.createArrayNode();
            Manifest m = Layout.readManifest(dir).manifest();
            for (SliceEntry e : m.fileBacked()) {
                all.addAll(SliceFile.read(Layout.sliceFile(dir, e.key())).rows());
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
