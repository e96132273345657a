package io.qlir.data.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.slice.SliceStatus;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real recording (500 contiguous 30m BTCUSDT candles) stored as slices of 100 a moment after its last candle
 * closed: five complete slices, each holding the recording's rows of its range, every candle once, and the slice
 * that has just opened, empty and not complete; then bad input named.
 */
class RecordedRowsTest {

    private static final ArrayNode ROWS = BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
    private static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M30, 100);

    @TempDir
    Path root;

    @Test
    void aRecordingBecomesTheSlicesItFallsInEveryCandleOnce() throws IOException {
        long firstOpen = ROWS.get(0).get(0).asLong();
        long lastClose = ROWS.get(ROWS.size() - 1).get(6).asLong();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(lastClose + 1), ZoneOffset.UTC);
        FetchInfo fetch = new FetchInfo("http://replay/api/v3/klines", Map.of("symbol", "BTCUSDT"), 200,
                clock.instant());
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES, StoreOptions.builder().clock(clock).build())) {
            List<SliceEntry> written = RecordedRows.write(dir, ROWS, fetch);

            assertThat(dir.gridAnchor()).hasValue(firstOpen);
            assertThat(written).hasSize(6);
            assertThat(written.subList(0, 5)).allMatch(e -> e.status() == SliceStatus.COMPLETE, "complete slices")
                    .extracting(e -> e.rows().count()).containsOnly(100);
            assertThat(written.get(5).rows().count()).as("the slice opened at 'now'").isZero();
            assertThat(written.get(5).status()).isNotEqualTo(SliceStatus.COMPLETE);
            for (int s = 0; s < 5; s++) {
                assertThat(written.get(s).rows().firstOpenMs()).as("slice %s starts at its first row", s)
                        .isEqualTo(ROWS.get(s * 100).get(0).asLong());
            }
            assertThat(dir.summary().total()).isEqualTo(6);
        }
    }

    @Test
    void rowsThatAreNotARecordingAreNamed() throws IOException {
        try (SliceDirectory dir = SliceDirectory.open(root, SERIES)) {
            FetchInfo fetch = new FetchInfo("http://replay/api/v3/klines", Map.of(), 200, Instant.EPOCH);
            assertThatThrownBy(() -> RecordedRows.write(dir, JsonNodeFactory.instance.arrayNode(), fetch))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty JSON array of kline rows")
                    .hasMessageContaining("ARRAY of 0");
            assertThatThrownBy(() -> RecordedRows.write(dir, JsonNodeFactory.instance.objectNode(), fetch))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(dir.path().toString());
        }
    }
}
