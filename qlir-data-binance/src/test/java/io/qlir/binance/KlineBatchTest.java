package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.testkit.BinanceRecordings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Parsing real Binance rows, checked against an independent parse (Jackson's tree model and Candles.fromRawRows). */
class KlineBatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static KlineQuery query30m() {
        return KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M30).withLimit(500);
    }

    @Test
    void parsesRealRowsKeepingThemVerbatim() throws Exception {
        byte[] body = BinanceRecordings.bytes(BinanceRecordings.SPOT_30M);
        KlineBatch b = KlineBatch.parse(query30m(), body, Instant.parse("2024-01-01T00:00:00Z"));
        JsonNode tree = JSON.readTree(body);
        assertThat(b.size()).isEqualTo(500).isEqualTo(tree.size());
        for (int i = 0; i < b.size(); i++) {
            assertThat(b.openTime(i)).isEqualTo(tree.get(i).get(0).asLong());
            assertThat(b.closeTime(i)).isEqualTo(tree.get(i).get(6).asLong());
            assertThat(JSON.readTree(b.rawRow(i))).isEqualTo(tree.get(i));
        }
        assertThat(b.openTime(0)).isEqualTo(1554991200000L); // 2019-04-11 14:00 UTC
        assertThat(b.rawJson()).isEqualTo(new String(body, StandardCharsets.UTF_8).strip());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeRawJson(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(b.rawJson());
        assertThat(b.openTimes()).hasSize(500).startsWith(1554991200000L);
        assertThat(b.problems()).isEmpty();
        assertThat(b.formingCount()).isZero();
        assertThat(b.toString()).contains("500 rows");
    }

    @Test
    void becomesTheSameCandleTableAsCandlesFromRawRows() throws Exception {
        byte[] body = BinanceRecordings.bytes(BinanceRecordings.SPOT_30M);
        Table ours = KlineBatch.parse(query30m(), body, Instant.now()).toCandles();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : JSON.readTree(body)) {
            List<Object> row = new ArrayList<>();
            r.forEach(v -> row.add(v.isNumber() ? (Object) v.numberValue() : v.asText()));
            rows.add(row);
        }
        Table expected = Candles.fromRawRows(rows);
        Candles.validate(ours);
        assertThat(ours.rowCount()).isEqualTo(500);
        for (String c : Candles.COLUMNS) {
            assertThat(ours.column(c).asList()).as(c).isEqualTo(expected.column(c).asList());
        }
        assertThat(ours.doubleColumn(Candles.OPEN).get(0)).isEqualTo(4986.23);
        assertThat(ours.longColumn(Candles.TRADES).get(0)).isEqualTo(8094L);
    }

    @Test
    void theLastCandleOfARecordingMadeWhileItFormedIsForming() throws Exception {
        byte[] body = BinanceRecordings.bytes(BinanceRecordings.SPOT_15M_A);
        KlineQuery q = KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M15).withLimit(300);
        long lastOpen = 1519232400000L;
        // received 5 minutes into the last candle
        KlineBatch b = KlineBatch.parse(q, body, Instant.ofEpochMilli(lastOpen + 300_000));
        assertThat(b.isForming(b.size() - 1)).isTrue();
        assertThat(b.isForming(b.size() - 2)).isFalse();
        assertThat(b.formingCount()).isEqualTo(1);
    }

    @Test
    void emptyArraysAreEmptyBatches() {
        KlineBatch b = KlineBatch.parse(query30m(), " [ ] ".getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.rawJson()).isEqualTo("[ ]");
        assertThat(b.toCandles().rowCount()).isZero();
        assertThat(b.problems()).isEmpty();
    }

    static final String ROW = "[1554991200000,\"4986.23\",\"5009.0\",\"4961.01\",\"5000.36\",\"1176.5\","
            + "1554992999999,\"5865414.08\",8094,\"585.13\",\"2917410.36\",\"0\"]";

    @Test
    void malformedBodiesAreRejectedNamingTheRowAndField() {
        assertMalformed("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", "expected a JSON array of kline rows");
        assertMalformed("[" + ROW + ",", "malformed JSON after 1 row(s)");
        assertMalformed("[" + ROW.substring(0, 40), "malformed JSON");
        assertMalformed("[" + ROW + "]]", "malformed JSON");
        assertMalformed("[" + ROW + "] []", "unexpected an array after the array of rows");
        assertMalformed("[" + ROW + ",5]", "row 1 is a number, not an array");
        assertMalformed("[[1554991200000,\"1\",\"2\"]]", "row 0 has 3 fields; a kline has 12");
        assertMalformed("[" + ROW.replace("\"4986.23\"", "\"abc\"") + "]", "row 0 field 1 should be a decimal number,"
                + " is \"abc\"");
        assertMalformed("[" + ROW.replace("1554991200000", "\"1554991200000\"") + "]",
                "row 0 field 0 should be an integer, is a string");
        assertMalformed("[" + ROW.replace("8094", "8094.5") + "]", "row 0 field 8 should be an integer");
        assertMalformed("", "expected a JSON array of kline rows, found the end of the body");
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> KlineBatch.parse(query30m(), body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH))
                .as(body).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a klines body for klines BTCUSDT 30m")
                .hasMessageContaining(message);
    }

    @Test
    void problemsListRowsThatDoNotMatchTheRequest() {
        long h = 3_600_000L;
        KlineQuery q = KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.H1).between(10 * h, 12 * h).withLimit(3);
        String rows = "[" + row(10 * h, 11 * h - 1) + "," + row(12 * h, 13 * h - 1) + "," + row(12 * h, 13 * h - 1)
                + "," + row(11 * h, 12 * h - 1) + "," + row(13 * h, 14 * h - 1) + "," + row(9 * h, 10 * h - 2) + "]";
        KlineBatch b = KlineBatch.parse(q, rows.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
        assertThat(b.problems()).containsExactly(
                "6 rows for limit 3",
                "row 2 opens at 1970-01-01T12:00:00Z, the same time as row 1",
                "row 3 opens at 1970-01-01T11:00:00Z, before row 2",
                "row 4 opens at 1970-01-01T13:00:00Z, after endTime 1970-01-01T12:00:00Z",
                "row 5 opens at 1970-01-01T09:00:00Z, before startTime 1970-01-01T10:00:00Z",
                "row 5 opens at 1970-01-01T09:00:00Z, before row 4",
                "row 5 closes at 35999998, not at 35999999 as a 1h candle opened at 32400000 does");
    }

    private static String row(long open, long close) {
        return "[" + open + ",\"1\",\"1\",\"1\",\"1\",\"1\"," + close + ",\"1\",1,\"1\",\"1\",\"0\"]";
    }
}
