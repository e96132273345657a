package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class CandlesTest {

    private static final String HEADER = String.join(",", Candles.COLUMNS);

    static Path fixture() throws URISyntaxException {
        return Path.of(CandlesTest.class.getResource("/fixtures/binance-spot-30m-2019-04-11.csv").toURI());
    }

    @Test
    void readsTheRealFixtureExactly() throws Exception {
        Table t = Candles.fromCsv(fixture());

        Candles.validate(t);
        assertThat(t.rowCount()).isEqualTo(500);
        // first and last raw rows of spot-30m-2019-04-11.json
        assertThat(t.longColumn("open_time").get(0)).isEqualTo(1554991200000L);
        assertThat(t.doubleColumn("open").get(0)).isEqualTo(4986.23);
        assertThat(t.doubleColumn("close").get(0)).isEqualTo(5000.36);
        assertThat(t.longColumn("close_time").get(0)).isEqualTo(1554992999999L);
        assertThat(t.longColumn("trades").get(0)).isEqualTo(8094L);
        assertThat(t.doubleColumn("taker_buy_quote_volume").get(0)).isEqualTo(2917410.36916521);
        assertThat(t.longColumn("open_time").get(499)).isEqualTo(1555889400000L);
        assertThat(t.doubleColumn("high").get(499)).isEqualTo(5270.88);
        assertThat(Candles.openInstant(t, 0)).isEqualTo(Instant.parse("2019-04-11T14:00:00Z"));
        assertThat(Candles.closeInstant(t, 499)).isEqualTo(Instant.parse("2019-04-21T23:59:59.999Z"));
        assertThat(Interval.M30.between(t.longColumn("open_time").get(0), t.longColumn("open_time").get(499)))
                .isEqualTo(499);
    }

    @Test
    void columnsMayComeInAnyOrderWithExtrasQuotesAndNaN() throws IOException {
        String csv = "\uFEFFtrades,extra," + String.join(",", Candles.COLUMNS.subList(0, 8)) + ","
                + "taker_buy_quote_volume,taker_buy_base_volume\r\n"
                + "\n"
                + "7,x,60000,\"1.5\",2,1,1.75,10,119999,17.5,0.25,NaN\r\n"
                + "8,y,120000,1.75,2.5,1.5,2,,179999,20,1,\n";

        Table t = Candles.fromCsv(new StringReader(csv));

        assertThat(t.columnNames()).isEqualTo(Candles.COLUMNS);
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.longColumn("trades").asList()).containsExactly(7L, 8L);
        assertThat(t.doubleColumn("open").asList()).containsExactly(1.5, 1.75);
        assertThat(t.doubleColumn("taker_buy_base_volume").get(0)).isNull(); // NaN is Tablesaw's missing double
        assertThat(t.doubleColumn("taker_buy_quote_volume").get(1)).isEqualTo(1.0);
        assertThat(t.doubleColumn("volume").isMissing(1)).isTrue();
    }

    @Test
    void columnsTheFileLacksStayAbsent() throws IOException {
        String csv = "open_time,open,high,low,close\n1,2,3,4,5\n";

        Table t = Candles.fromCsv(new StringReader(csv));

        assertThat(t.columnNames()).containsExactly("open_time", "open", "high", "low", "close");
        assertThatThrownBy(() -> Candles.validate(t)).hasMessageContaining("missing [volume, close_time,");
    }

    @Test
    void badValuesNameLineColumnAndValue() {
        String isoTime = HEADER + "\n2024-01-01T00:00:00Z,1,1,1,1,1,2,1,1,1,1\n"; // close_time 2 is not ISO
        String word = HEADER + "\n0,1,1,1,abc,1,2,1,1,1,1\n";
        String short_ = HEADER + "\n0,1,1\n";

        assertThatThrownBy(() -> Candles.fromCsv(new StringReader(isoTime)))
                .hasMessageContaining("line 2, column close_time: '2' does not read as ISO-8601 date-times");
        assertThatThrownBy(() -> Candles.fromCsv(new StringReader(word)))
                .hasMessageContaining("line 2, column close: 'abc' is not a number");
        assertThatThrownBy(() -> Candles.fromCsv(new StringReader(short_)))
                .hasMessageContaining("line 2 has 3 fields but the header has 11");
        assertThatThrownBy(() -> Candles.fromCsv(new StringReader("")))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> Candles.fromCsv(new StringReader("open,open\n")))
                .hasMessageContaining("names column 'open' twice");
    }

    @Test
    void aHeaderOnlyCsvIsAnEmptyCandleTable() throws IOException {
        Table t = Candles.fromCsv(new StringReader(HEADER + "\n"));
        assertThat(t.rowCount()).isZero();
        Candles.validate(t);
    }

    @Test
    void validateListsMissingMistypedAndPresent() {
        Table t = Table.create("x", LongColumn.create("open_time", new long[0]),
                LongColumn.create("open", new long[0]), DoubleColumn.create("foo"));

        assertThatThrownBy(() -> Candles.validate(t)).hasMessageContaining("missing [high, low,")
                .hasMessageContaining("open is LONG (want DOUBLE)")
                .hasMessageContaining("it has columns [open_time, open, foo]");
    }

    @Test
    void fromRawRowsReadsBinanceStringsAndNumbers() {
        Table t = Candles.fromRawRows(List.of(List.of(1554991200000L, "4986.23000000", "5009.00000000",
                "4961.01000000", "5000.36000000", "1176.52828000", 1554992999999L, "5865414.08229088", 8094,
                "585.13867000", "2917410.36916521", "0")));

        assertThat(t.doubleColumn("high").get(0)).isEqualTo(5009.0);
        assertThat(t.longColumn("trades").get(0)).isEqualTo(8094L);
        assertThatThrownBy(() -> Candles.fromRawRows(List.of(List.of(1, 2)))).hasMessageContaining("row 0 has 2");
        assertThatThrownBy(() -> Candles.fromRawRows(List.of(List.of(1, "x", 1, 1, 1, 1, 1, 1, 1, 1, 1))))
                .hasMessageContaining("field open: 'x' is not a number");
    }
}
