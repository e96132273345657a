package io.qlir.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.RecordedRows;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the real 30m recording into a store the way a fetch does (SliceDirectory: anchor, plan, write), with a
 * clock inside the last candle: 5 slices of 100 candles, the last one partial / still_forming.
 */
final class DemoStore {

    static final int LIMIT = 100;

    private DemoStore() {
    }

    static SliceSeries series() {
        return series("BTCUSDT");
    }

    /** The recording stored under another symbol's name, for commands over several series. */
    static SliceSeries series(String symbol) {
        return new SliceSeries("binance", "klines", symbol, Interval.M30, LIMIT);
    }

    static Clock clock() {
        long lastOpen = DemoCandles.rows().get(499).get(0).asLong();
        return Clock.fixed(Instant.ofEpochMilli(lastOpen + 10 * 60_000L), ZoneOffset.UTC);
    }

    static Path write(Path dataRoot) throws IOException {
        return write(dataRoot, "BTCUSDT");
    }

    /** Writes the recording as the series {@link #series(String)} of {@code symbol}. */
    static Path write(Path dataRoot, String symbol) throws IOException {
        JsonNode rows = DemoCandles.rows();
        Clock clock = clock();
        try (SliceDirectory dir = SliceDirectory.open(dataRoot, series(symbol),
                StoreOptions.builder().clock(clock).build())) {
            RecordedRows.write(dir, rows, new FetchInfo("http://replay/api/v3/klines", Map.of("symbol", symbol), 200,
                    clock.instant()));
            return dir.path();
        }
    }
}
