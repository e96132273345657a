package io.qlir.ops.indicators;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.core.Candles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tech.tablesaw.api.Table;

/** The real Binance recordings in {@code src/test/resources/fixtures}, as candle tables. */
public final class Fixtures {

    /** Every recording: three overlapping 15m recordings and one 30m page. */
    public static final List<String> NAMES = List.of("spot-15m-recording-a", "spot-15m-recording-b",
            "spot-15m-recording-c", "spot-30m-2019-04-11");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The recording as a candle table. */
    public static Table load(String name) {
        String path = "/fixtures/" + name + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            List<List<Object>> rows = JSON.readValue(in, new TypeReference<List<List<Object>>>() { });
            return Candles.fromRawRows(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
