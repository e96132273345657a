package io.qlir.charts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.core.Candles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tech.tablesaw.api.Table;

/** The real 30m BTCUSDT recording (500 bars from 2019-04-11 14:00 UTC) in the test resources. */
final class Recording {

    private Recording() {
    }

    static Table candles() {
        try (InputStream in = Recording.class.getResourceAsStream("/fixtures/spot-30m-2019-04-11.json")) {
            List<List<Object>> rows = new ObjectMapper().readValue(in, new TypeReference<List<List<Object>>>() { });
            return Candles.fromRawRows(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
