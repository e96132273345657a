package io.qlir.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.core.Candles;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The real 30m recording the demo bundles (the testkit's {@link BinanceRecordings#SPOT_30M}, byte for byte), as raw
 * rows and as a candle CSV for tests.
 */
final class DemoCandles {

    static final String HEADER = String.join(",", Candles.COLUMNS);

    private DemoCandles() {
    }

    static JsonNode rows() {
        return BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
    }

    static double close(int row) {
        return Double.parseDouble(rows().get(row).get(4).asText());
    }

    /** The recording as a candle CSV (the strings exactly as Binance sent them). */
    static Path csv(Path file) throws IOException {
        return BinanceRecordings.csv(BinanceRecordings.SPOT_30M, file);
    }
}
