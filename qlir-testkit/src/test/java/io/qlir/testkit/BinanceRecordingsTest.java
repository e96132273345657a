package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Candles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The recordings load as the README of the fixtures describes them, in every form the tests take them. */
class BinanceRecordingsTest {

    @TempDir
    Path dir;

    @Test
    void theThirtyMinutePageIsFiveHundredContiguousCandles() {
        Table t = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        assertThat(t.rowCount()).isEqualTo(500);
        assertThat(t.longColumn(Candles.OPEN_TIME).get(0)).isEqualTo(Instant.parse("2019-04-11T14:00:00Z")
                .toEpochMilli());
        assertThat(t.longColumn(Candles.OPEN_TIME).get(499)).isEqualTo(Instant.parse("2019-04-21T23:30:00Z")
                .toEpochMilli());
        // first raw row, as Binance sent it
        assertThat(BinanceRecordings.text(BinanceRecordings.SPOT_30M)).startsWith("[[1554991200000,\"4986.23000000\","
                + "\"5009.00000000\",\"4961.01000000\",\"5000.36000000\"");
        assertThat(BinanceRecordings.rows(BinanceRecordings.SPOT_30M).get(0).get(4).asText())
                .isEqualTo("5000.36000000");
    }

    @Test
    void eachFifteenMinuteFetchHasThreeHundredRows() {
        for (String name : BinanceRecordings.NAMES.subList(0, 3)) {
            assertThat(BinanceRecordings.rows(name)).as(name).hasSize(300);
        }
        assertThat(BinanceRecordings.rows(BinanceRecordings.SPOT_15M_A).get(299).get(0).asLong())
                .isEqualTo(1519232400000L);
    }

    @Test
    void theCsvHoldsTheSameCandles() throws Exception {
        Path csv = BinanceRecordings.csv(BinanceRecordings.SPOT_30M, dir.resolve("c.csv"));
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("1554991200000,4986.23000000,5009.00000000,"
                + "4961.01000000,5000.36000000,1176.52828000,1554992999999,5865414.08229088,8094,585.13867000,"
                + "2917410.36916521");
        Table fromCsv = Candles.fromCsv(csv);
        Table fromJson = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        assertThat(fromCsv.rowCount()).isEqualTo(500);
        for (String c : Candles.COLUMNS) {
            assertThat(fromCsv.column(c).asList()).as(c).isEqualTo(fromJson.column(c).asList());
        }
    }

    @Test
    void anUnknownNameListsTheRecordings() {
        assertThatThrownBy(() -> BinanceRecordings.bytes("spot-1m"))
                .hasMessage("no recording 'spot-1m'; recordings: [spot-15m-recording-a, spot-15m-recording-b, "
                        + "spot-15m-recording-c, spot-30m-2019-04-11]");
    }
}
