package io.qlir.s3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.RecordedRows;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The real 30m recording (500 candles) written into a store the way a fetch does: slices of 100, with a clock
 * inside the last candle, so the last slice is partial / still_forming and its last candle is left out of a load.
 */
final class RecordedStore {

    static final SliceSeries SERIES = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M30, 100);
    static final ArrayNode ROWS = BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(ROWS.get(499).get(0).asLong() + 10 * 60_000L),
            ZoneOffset.UTC);

    private RecordedStore() {
    }

    static Path write(Path dataRoot) throws IOException {
        try (SliceDirectory dir = SliceDirectory.open(dataRoot, SERIES, StoreOptions.builder().clock(CLOCK).build())) {
            RecordedRows.write(dir, ROWS, new FetchInfo("http://replay/api/v3/klines", Map.of("symbol", "BTCUSDT"), 200,
                    CLOCK.instant()));
        }
        return dataRoot;
    }
}
