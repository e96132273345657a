package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.file.WriteFaults;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch on a disk that fills up part way (issue 13 §3): the job fails with one line naming the file and the error,
 * the store stays consistent, and the next run (space back) fetches only what is not complete on disk.
 */
class FetchDiskFullTest {

    static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-04T12:34:56Z"), ZoneOffset.UTC);
    static final FetchJob BTC_5M = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M5).withLimit(100);

    @TempDir
    Path root;

    @Test
    void aDiskThatFillsUpFailsTheJobClearlyAndTheNextRunContinuesWithoutRefetchingCompleteSlices() throws Exception {
        try (FakeBinance fake = Stores.market(FIXED).start();
                BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).concurrency(1).build();
            AtomicInteger sliceWrites = new AtomicInteger();
            try (WriteFaults.Installed f = WriteFaults.inject(file -> file.startsWith(root)
                    && file.getParent().getFileName().toString().equals("responses")
                    && sliceWrites.incrementAndGet() > 3 ? new IOException("No space left on device") : null)) {
                assertThatThrownBy(() -> fetcher.fetch(BTC_5M)).isInstanceOf(IOException.class)
                        .hasMessageContaining("cannot write " + BTC_5M.series().directory(root).resolve("responses"))
                        .hasMessageContaining("No space left on device")
                        .hasMessageNotContaining("\n");
            }
            List<SliceEntry> after = Manifest.load(root, BTC_5M.series()).manifest().entries();
            // newest first: the forming slice (partial, not due again yet) and two complete ones made it to disk
            assertThat(after.stream().filter(SliceEntry::hasFile).map(SliceEntry::status))
                    .containsExactlyInAnyOrder(SliceStatus.COMPLETE, SliceStatus.COMPLETE, SliceStatus.PARTIAL);
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).errors()).isEmpty();

            fake.clearRequests();
            FetchSummary s = fetcher.fetch(BTC_5M);
            assertThat(s.isClean()).isTrue();
            List<FakeRequest> klines = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            assertThat(klines).hasSize(s.slicesInRange() - 3); // the slices on disk are not asked again
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).isClean()).isTrue();
        }
    }
}
