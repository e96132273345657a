package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.testkit.FakeBinance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher's builder: store options reach the store, and toBuilder() makes a fetcher like the first. */
class FetcherBuilderTest {

    static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-04T12:34:56Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void theFetcherWritesWithItsStoreOptionsClockAndToBuilderKeepsEveryOption() throws Exception {
        Clock store = Clock.offset(FIXED, Duration.ofMinutes(-30)); // not the client's: only the store options say it
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.H1);
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher first = BinanceFetcher.builder(client, root).concurrency(1)
                    .storeOptions(StoreOptions.builder().clock(store).build()).build();
            BinanceFetcher copy = first.toBuilder().build();
            assertThat(copy).isNotSameAs(first);
            assertThat(copy.dataRoot()).isEqualTo(root);
            assertThat(copy.client()).isSameAs(client);
            FetchSummary s = copy.fetch(job);
            assertThat(s.attempted()).isPositive();
        }
        SliceReader reader = SliceReader.open(root, job.series());
        List<SliceEntry> entries = reader.entries(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(entries).isNotEmpty();
        for (SliceEntry e : entries) {
            assertThat(reader.read(e).meta().completedAt()).isEqualTo(store.instant());
        }
    }
}
