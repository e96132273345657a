package io.qlir.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled real 30m recording, read straight from its JSON, as raw rows and as a candle CSV for tests. */
final class DemoCandles {

    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,trades,"
            + "taker_buy_base_volume,taker_buy_quote_volume";

    private DemoCandles() {
    }

    static JsonNode rows() {
        try (InputStream in = DemoCandles.class.getResourceAsStream("demo/BTCUSDT-30m-2019-04-11.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double close(int row) {
        return Double.parseDouble(rows().get(row).get(4).asText());
    }

    /** The recording as a candle CSV (the strings exactly as Binance sent them). */
    static Path csv(Path file) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (JsonNode r : rows()) {
            for (int i = 0; i < 11; i++) {
                b.append(i == 0 ? "" : ",").append(r.get(i).asText());
            }
            b.append('\n');
        }
        return Files.writeString(file, b.toString());
    }
}
