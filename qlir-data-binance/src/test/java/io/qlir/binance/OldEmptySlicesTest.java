package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store an older qlir wrote recorded {@code empty} for slices inside the listed history (a {@code 200 []} during
 * an incident), which were then never due again (issue 13 §4.1). The next fetch heals it: those slices, and only
 * those, are asked for again; an empty slice after the newest candle is left alone.
 */
class OldEmptySlicesTest {

    static final Clock CLOCK = Clock.fixed(Stores.LISTED.plus(Duration.ofMinutes(65)).plusSeconds(30),
            ZoneOffset.UTC);
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(10);

    @TempDir
    Path root;

    @Test
    void emptySlicesInsideTheHistoryAreFetchedAgainAndCompleteOnesAreNot() throws Exception {
        try (FakeBinance fake = Stores.market(CLOCK).start();
                BinanceClient client = Stores.client(fake, CLOCK).build()) {
            // what an older qlir left after two incidents: 66 candles in slices of 10, the second and the fourth
            // slice recorded empty (for good: written long after they ended), the forming seventh not fetched yet
            long anchor = fake.firstOpenTime("BTCUSDT", Interval.M1);
            List<SliceKey> keys = new ArrayList<>();
            try (SliceDirectory dir = SliceDirectory.open(root, JOB.series(),
                    StoreOptions.builder().clock(CLOCK).build())) {
                dir.setGridAnchor(anchor);
                for (int k = 0; k < 6; k++) {
                    SliceKey key = JOB.series().key(anchor + k * 10 * 60_000L);
                    keys.add(key);
                    dir.write(key, k == 1 || k == 3 ? Stores.JSON.createArrayNode() : (ArrayNode) Stores.tree(
                            fake.rowsJson("BTCUSDT", Interval.M1, key.startMs(), key.lastOpenMs())), FetchInfo.UNKNOWN);
                }
            }
            assertThat(entries()).extracting(SliceEntry::status).containsExactly(SliceStatus.COMPLETE,
                    SliceStatus.EMPTY, SliceStatus.COMPLETE, SliceStatus.EMPTY, SliceStatus.COMPLETE,
                    SliceStatus.COMPLETE);

            FetchSummary again = BinanceFetcher.builder(client, root).build().fetch(JOB);

            List<FakeRequest> sent = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            SliceKey forming = JOB.series().key(anchor + 60 * 60_000L);
            assertThat(sent).extracting(r -> Long.parseLong(r.param("startTime")))
                    .containsExactlyInAnyOrder(keys.get(1).startMs(), keys.get(3).startMs(), forming.startMs());
            assertThat(again.failed()).isZero();
            assertThat(entries()).extracting(SliceEntry::status).containsExactly(SliceStatus.COMPLETE,
                    SliceStatus.COMPLETE, SliceStatus.COMPLETE, SliceStatus.COMPLETE, SliceStatus.COMPLETE,
                    SliceStatus.COMPLETE, SliceStatus.PARTIAL);
            assertThat(Binance.validate(root, JOB, ValidationMode.DEEP).isClean()).isTrue();
            assertThat(BinanceFetcher.builder(client, root).build().fetch(JOB).attempted()).as("healed for good")
                    .isZero();
        }
    }

    @Test
    void anEmptySliceAfterTheNewestCandleStaysEmpty() throws Exception {
        try (FakeBinance fake = Stores.market(CLOCK).start();
                BinanceClient client = Stores.client(fake, CLOCK).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).build();
            fetcher.fetch(JOB);
            SliceKey after = JOB.series().key(entries().get(6).key().startMs() + 10 * 60_000L);
            try (SliceDirectory dir = SliceDirectory.open(root, JOB.series(),
                    StoreOptions.builder().clock(CLOCK).build())) {
                dir.write(after, Stores.JSON.createArrayNode(), FetchInfo.UNKNOWN);
            }
            try (SliceDirectory dir = SliceDirectory.open(root, JOB.series(),
                    StoreOptions.builder().clock(CLOCK).build())) {
                assertThat(OldEmptySlices.markDue(dir, JOB).entry(after).orElseThrow().status())
                        .isEqualTo(SliceStatus.EMPTY);
            }
        }
    }

    private List<SliceEntry> entries() throws Exception {
        return Manifest.load(root, JOB.series()).manifest().entries();
    }
}
