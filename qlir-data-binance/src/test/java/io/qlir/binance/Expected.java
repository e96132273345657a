package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.core.Candles;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Compares a loaded table with raw Binance rows, read the plain way (Jackson trees, {@code Double.parseDouble}),
 * independently of the loader's streaming parser.
 */
final class Expected {

    private static final String[] DOUBLES = {Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE, Candles.VOLUME,
        null, Candles.QUOTE_VOLUME, null, Candles.TAKER_BUY_BASE_VOLUME, Candles.TAKER_BUY_QUOTE_VOLUME};

    private Expected() {
    }

    static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Every cell of the table equals the raw rows, row by row, exactly (no tolerance: same decimal, same double). */
    static void assertCandles(Table t, List<JsonNode> rows) {
        Candles.validate(t);
        assertThat(t.rowCount()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            assertThat(t.longColumn(Candles.OPEN_TIME).getLong(i)).as("open_time row %d", i).isEqualTo(r.get(0).asLong());
            assertThat(t.longColumn(Candles.CLOSE_TIME).getLong(i)).isEqualTo(r.get(6).asLong());
            assertThat(t.longColumn(Candles.TRADES).getLong(i)).isEqualTo(r.get(8).asLong());
            for (int f = 1; f <= 10; f++) {
                if (DOUBLES[f - 1] != null) {
                    assertThat(t.doubleColumn(DOUBLES[f - 1]).getDouble(i)).as("%s row %d", DOUBLES[f - 1], i)
                            .isEqualTo(Double.parseDouble(r.get(f).asText()));
                }
            }
        }
    }
}
