package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.ManualTime;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored rows damaged on disk (one digit changed, size and modification time kept, so nothing but the checksum
 * tells) are never served or built upon (issue 13 §4 defects 2 and 4).
 */
class StoreDamageTest {

    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final FetchJob BTC_5M = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M5).withLimit(100);

    @TempDir
    Path root;

    @Test
    void aTailFetchRefetchesTheWholeSliceWhenItsStoredRowsNoLongerMatchTheirChecksum() throws Exception {
        ManualTime time = new ManualTime(NOW);
        try (FakeBinance fake = Stores.market(time.clock()).start();
                BinanceClient client = Stores.client(fake, time.clock()).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root).build();
            fetcher.fetch(BTC_5M);
            SliceEntry last = lastEntry();
            assertThat(last.status()).isEqualTo(SliceStatus.PARTIAL);
            flipFirstPriceDigit(dir().resolve(last.relativePath()));

            time.advance(Duration.ofMinutes(22));
            fake.clearRequests();
            fetcher.fetch(BTC_5M);
            List<FakeRequest> klines = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            assertThat(klines).hasSize(1);
            assertThat(Long.parseLong(klines.get(0).param("startTime")))
                    .as("the damaged rows are not reused: the slice is fetched whole").isEqualTo(last.key().startMs());
            long first = fake.firstOpenTime("BTCUSDT", Interval.M5);
            assertThat(Stores.storedRows(dir())).isEqualTo(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M5, first,
                    fake.formingOpenTime(Interval.M5))));
            assertThat(Binance.validate(root, BTC_5M, ValidationMode.DEEP).isClean()).isTrue();
        }
    }

    @Test
    void theLoaderRefusesASliceWhoseDataDoesNotHashToItsChecksumNamingTheFile() throws Exception {
        ManualTime time = new ManualTime(NOW);
        try (FakeBinance fake = Stores.market(time.clock()).start();
                BinanceClient client = Stores.client(fake, time.clock()).build()) {
            BinanceFetcher.builder(client, root).build().fetch(BTC_5M);
        }
        assertThat(Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load().candles()
                .rowCount()).isPositive();
        SliceEntry complete = Manifest.load(root, BTC_5M.series()).manifest().entries().get(1);
        assertThat(complete.status()).isEqualTo(SliceStatus.COMPLETE);
        Path file = dir().resolve(complete.relativePath());
        flipFirstPriceDigit(file);

        assertThatThrownBy(() -> Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("qlir manifest rebuild");
    }

    private Path dir() {
        return BTC_5M.series().directory(root);
    }

    private SliceEntry lastEntry() throws Exception {
        List<SliceEntry> all = Manifest.load(root, BTC_5M.series()).manifest().entries();
        return all.get(all.size() - 1);
    }

    /** Changes the first digit of the first row's open price, keeping the file's size and modification time. */
    static void flipFirstPriceDigit(Path file) throws Exception {
        FileTime mtime = Files.getLastModifiedTime(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int data = text.indexOf("\"data\"");
        int price = text.indexOf('"', text.indexOf(',', text.indexOf('[', text.indexOf('[', data) + 1))) + 1;
        char digit = text.charAt(price);
        assertThat(digit).as("a price digit at " + price).isBetween('1', '9');
        char other = digit == '9' ? '8' : (char) (digit + 1);
        String damaged = text.substring(0, price) + other + text.substring(price + 1);
        Files.writeString(file, damaged, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, mtime);
    }
}
