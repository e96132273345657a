package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@link CandleCsv}: other tools' CSVs, with expected values written by hand. */
class CandleCsvTest {

    private static CandleCsvRead read(String csv) throws IOException {
        return CandleCsv.standard().read(new StringReader(csv), "t.csv");
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aYahooFileKeepsOnlyItsColumnsIgnoresAdjCloseAndReportsTheWeekend() throws IOException {
        String csv = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-04,182.15,183.09,180.88,181.91,181.18,71983600\n"
                + "2024-01-05,181.99,182.76,180.17,181.18,180.45,62303300\n"
                + "2024-01-08,182.09,185.60,181.50,185.56,184.81,59144500\n";

        CandleCsvRead r = read(csv);
        Table t = r.candles();

        assertThat(t.columnNames()).containsExactly("open_time", "open", "high", "low", "close", "volume");
        assertThat(t.longColumn("open_time").asList()).containsExactly(millis("2024-01-04T00:00:00Z"),
                millis("2024-01-05T00:00:00Z"), millis("2024-01-08T00:00:00Z"));
        assertThat(t.doubleColumn("close").asList()).containsExactly(181.91, 181.18, 185.56);
        assertThat(t.doubleColumn("volume").get(2)).isEqualTo(59144500.0);
        assertThat(r.timeFormat()).isEqualTo(CandleTimeFormat.ISO_DATE);
        assertThat(r.ignored()).containsExactly("Adj Close");
        assertThat(r.stepMillis()).isEqualTo(86_400_000L);
        assertThat(r.gaps()).containsExactly(new CandleCsvRead.Gap(2, millis("2024-01-05T00:00:00Z"),
                millis("2024-01-08T00:00:00Z"), 2));
        assertThat(r.describe()).contains("read t.csv: 3 rows, ',' separated",
                "times from 'Date' as ISO-8601 dates (midnight UTC)", "open<-Open", "volume<-Volume",
                "ignored Adj Close", "step 1d", "1 gap, 2 bars missing (not filled; first after 2024-01-05T00:00:00Z)");

        Table adj = CandleCsv.builder().adjustedClose(true).build().read(new StringReader(csv), "t.csv").candles();
        assertThat(adj.columnNames()).endsWith("close", "volume", "adj_close");
        assertThat(adj.doubleColumn("adj_close").asList()).containsExactly(181.18, 180.45, 184.81);
    }

    @Test
    void epochUnitsAreDetectedBySizeAndStated() throws IOException {
        long t0 = millis("2024-01-01T00:00:00Z");
        String seconds = "timestamp,close\n" + t0 / 1000 + ",1\n" + (t0 / 1000 + 60) + ",2\n";
        String ms = "timestamp,close\n" + t0 + ",1\n" + (t0 + 60_000) + ",2\n";
        String micros = "time,close\n" + t0 * 1000 + ",1\n" + (t0 + 60_000) * 1000 + ",2\n";
        String nanos = "time,close\n" + t0 * 1_000_000 + ",1\n" + (t0 + 60_000) * 1_000_000 + ",2\n";

        for (String csv : new String[] {seconds, ms, micros, nanos}) {
            assertThat(read(csv).candles().longColumn("open_time").asList()).as(csv)
                    .containsExactly(t0, t0 + 60_000);
        }
        assertThat(read(seconds).timeFormat()).isEqualTo(CandleTimeFormat.EPOCH_SECONDS);
        assertThat(read(ms).describe()).contains("times from 'timestamp' as epoch millis", "step 1m", "no gaps");
        assertThat(read(micros).timeFormat()).isEqualTo(CandleTimeFormat.EPOCH_MICROS);
        assertThat(read(nanos).timeFormat()).isEqualTo(CandleTimeFormat.EPOCH_NANOS);
        // qlir's own header keeps small numbers as millis (its schema), and an explicit format is not second-guessed
        assertThat(read("open_time,close\n60000,1\n").candles().longColumn("open_time").get(0)).isEqualTo(60_000L);
        assertThat(CandleCsv.builder().timeFormat(CandleTimeFormat.EPOCH_SECONDS).build()
                .read(new StringReader("open_time,close\n60,1\n"), "x").candles().longColumn("open_time").get(0))
                .isEqualTo(60_000L);
    }

    @Test
    void aSemicolonFileWithBomCrlfQuotesAndIsoDateTimes() throws IOException {
        String csv = "\uFEFF\"Time\";\"OPEN\";\"High\";\"Low\";\"Close\"\r\n"
                + "\"2024-01-01 00:00:00Z\";\"1.5\";2;1;\"1.75\"\r\n"
                + "\r\n"
                + "2024-01-01T00:15:00+00:00;1.75;2.5;1.5;2\r\n";

        CandleCsvRead r = read(csv);

        assertThat(r.separator()).isEqualTo(';');
        assertThat(r.candles().columnNames()).containsExactly("open_time", "open", "high", "low", "close");
        assertThat(r.candles().doubleColumn("open").asList()).containsExactly(1.5, 1.75);
        assertThat(r.candles().longColumn("open_time").asList()).containsExactly(millis("2024-01-01T00:00:00Z"),
                millis("2024-01-01T00:15:00Z"));
        assertThat(r.columns()).containsEntry("open", "OPEN").containsEntry("open_time", "Time");
        assertThat(read("date;close\n2024-01-01;1234,5\n").candles().doubleColumn("close").get(0))
                .isEqualTo(1234.5); // a decimal comma, where ';' separates
        assertThatThrownBy(() -> read("time;close\n2024-01-01 00:00:00;1\n2024-01-01 00:15:00Z;1\n"))
                .hasMessageContaining("line 3, column 'time' (open_time): '2024-01-01 00:15:00Z' is with an offset,"
                        + " but the first row's time was ISO-8601 date-times without offset (read as UTC)");
    }

    @Test
    void unsortedDuplicateAndMixedUnitTimesAreRefusedAtTheFirstOffendingLine() {
        assertThatThrownBy(() -> read("date,close\n2024-01-02,1\n2024-01-01,2\n2024-01-03,3\n"))
                .hasMessageContaining("line 3: time 2024-01-01 (2024-01-01T00:00:00Z) is before line 2's"
                        + " (2024-01-02T00:00:00Z); rows must be sorted by time, each time once");
        assertThatThrownBy(() -> read("date,close\n2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n"))
                .hasMessageContaining("line 4: time 2024-01-02 (2024-01-02T00:00:00Z) is a duplicate of line 3's");
        assertThatThrownBy(() -> read("timestamp,close\n1704067200,1\n1704067260000,2\n"))
                .hasMessageContaining("line 3, column 'timestamp' (open_time): '1704067260000' looks like epoch"
                        + " millis by its size, but the first row's time was epoch seconds");
        assertThatThrownBy(() -> read("date,close\nyesterday,1\n"))
                .hasMessageContaining("line 2, column 'date' (open_time): 'yesterday' is not a time: want an"
                        + " ISO-8601 date or date-time");
    }

    @Test
    void infiniteAndNonNumericValuesAreRefusedEmptyAndNanAreMissing() throws IOException {
        for (String bad : new String[] {"-Infinity", "Infinity", "1e400", "-1e400"}) {
            assertThatThrownBy(() -> read("time,close\n1704067200,1\n1704067260," + bad + "\n")).as(bad)
                    .hasMessageContaining("line 3, column close: '" + bad + "' is not finite");
        }
        assertThatThrownBy(() -> read("time,close\n1704067200,inf\n"))
                .hasMessageContaining("line 2, column close: 'inf' is not a number");
        Table t = read("time,close,volume,open\n1704067200,,NaN,null\n").candles();
        assertThat(t.doubleColumn("close").isMissing(0)).isTrue();
        assertThat(t.doubleColumn("volume").isMissing(0)).isTrue();
        assertThat(t.doubleColumn("open").isMissing(0)).isTrue();
        assertThatThrownBy(() -> read("time,close\n1704067200,\"1,5\"\n"))
                .hasMessageContaining("line 2, column close: '1,5' is not a number");
    }

    @Test
    void headerProblemsAreNamedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> read("Open,Close\n1,2\n"))
                .hasMessageContaining("t.csv has no time column; its header is [Open, Close]");
        assertThatThrownBy(() -> read("date,time,close\n2024-01-01,00:00,1\n"))
                .hasMessageContaining("has two columns for open_time: 'date' and 'time'")
                .hasMessageContaining("CandleCsv.builder().column(\"open_time\", \"time\")");
        assertThatThrownBy(() -> CandleCsv.builder().column("price", "x"))
                .hasMessageContaining("'price' is not a candle column");
        assertThatThrownBy(() -> CandleCsv.builder().column("close", "last").build()
                .read(new StringReader("time,px\n1,2\n"), "t.csv"))
                .hasMessageContaining("has no column 'last' (asked for as close); its header is [time, px]");
    }

    @Test
    void anExplicitColumnWinsOverTheAlias() throws IOException {
        Table t = CandleCsv.builder().column("close", "last_px").build()
                .read(new StringReader("date,close,last_px\n2024-01-01,1,2\n"), "t.csv").candles();

        assertThat(t.columnNames()).containsExactly("open_time", "close");
        assertThat(t.doubleColumn("close").get(0)).isEqualTo(2.0);
    }
}
