package io.qlir.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qlir.core.CandleCsv;
import io.qlir.core.CandleCsvRead;
import io.qlir.core.CandleTimeFormat;
import io.qlir.core.Candles;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.pipeline.Pipeline;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Bring your own candles: the real 30m recording rewritten in the shapes other tools write (a Yahoo-style daily
 * file, a ccxt-style epoch-millis dump, a semicolon file with a BOM, CRLF and quotes) gives the same indicator
 * values as qlir's own CSV of it, and the first SMA equals the mean of the recorded close strings, by hand.
 */
class ForeignCandleCsvTest {

    private static final String OPS = "sma(close,14,50); arp(14); rsi(close,14); bollinger(close,20,2)";

    @TempDir
    static Path scratch;

    /** qlir's own CSV of the real 30m recording, written once for the class by the testkit's loader. */
    private static Path qlirCsv;

    @BeforeAll
    static void writeQlirCsv() throws IOException {
        qlirCsv = BinanceRecordings.csv(BinanceRecordings.SPOT_30M, scratch.resolve("spot-30m.csv"));
    }

    private static List<String[]> fixtureRows() throws IOException {
        Path csv = qlirCsv;
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            rows.add(line.split(","));
        }
        return rows; // header first: open_time,open,high,low,close,volume,...
    }

    private static Table qlirCandles() throws Exception {
        return Candles.fromCsv(qlirCsv);
    }

    private static Derived run(Table candles) {
        Derived d = null;
        for (Op op : OpLanguage.parseAll(OPS)) {
            d = d == null ? op.apply(candles) : d.then(op);
        }
        return d;
    }

    private static void assertSameIndicators(Table foreign, Table qlir) {
        Derived a = run(foreign);
        Derived b = run(qlir);
        assertThat(a.columns()).isEqualTo(b.columns()).hasSizeGreaterThan(5);
        for (String c : b.columns()) {
            assertThat(a.table().doubleColumn(c).asDoubleArray()).as(c)
                    .containsExactly(b.table().doubleColumn(c).asDoubleArray());
        }
    }

    @Test
    void aYahooStyleDailyFileGivesTheSameIndicatorsAndReportsItsWeekends() throws Exception {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        List<String[]> rows = fixtureRows();
        LocalDate day = LocalDate.of(2019, 1, 2);
        for (String[] r : rows.subList(1, rows.size())) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            csv.append(day).append(',').append(r[1]).append(',').append(r[2]).append(',').append(r[3]).append(',')
                    .append(r[4]).append(",0.5,").append(r[5]).append('\n');
            day = day.plusDays(1);
        }

        CandleCsvRead read = CandleCsv.standard().read(new StringReader(csv.toString()), "AAPL.csv");

        assertThat(read.candles().columnNames()).containsExactly("open_time", "open", "high", "low", "close",
                "volume");
        assertThat(read.timeFormat()).isEqualTo(CandleTimeFormat.ISO_DATE);
        assertThat(read.stepMillis()).isEqualTo(86_400_000L);
        assertThat(read.gaps()).hasSize(100).allMatch(g -> g.missingBars() == 2); // 500 weekdays span 100 weekends
        assertSameIndicators(read.candles(), qlirCandles());
    }

    @Test
    void aCcxtStyleEpochMillisDumpGivesTheSameIndicatorsWithoutInventedColumns() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        List<String[]> rows = fixtureRows();
        for (String[] r : rows.subList(1, rows.size())) {
            csv.append(String.join(",", r[0], r[1], r[2], r[3], r[4], r[5])).append('\n');
        }

        CandleCsvRead read = CandleCsv.standard().read(new StringReader(csv.toString()), "ccxt.csv");
        Derived d = run(read.candles());

        assertThat(read.timeFormat()).isEqualTo(CandleTimeFormat.EPOCH_MILLIS);
        assertThat(read.gaps()).isEmpty();
        assertThat(read.describe()).contains("times from 'timestamp' as epoch millis", "step 30m", "no gaps");
        assertThat(d.table().columnNames()).doesNotContain("close_time", "trades", "quote_volume");
        assertSameIndicators(read.candles(), qlirCandles());
    }

    @Test
    void aSemicolonFileWithBomCrlfAndQuotesGivesTheSameIndicators() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFF\"Time\";\"Open\";\"High\";\"Low\";\"Close\";\"Volume\"\r\n");
        List<String[]> rows = fixtureRows();
        for (String[] r : rows.subList(1, rows.size())) {
            csv.append('"').append(Instant.ofEpochMilli(Long.parseLong(r[0]))).append("\";\"").append(r[1])
                    .append("\";").append(r[2]).append(';').append(r[3]).append(';').append(r[4]).append(';')
                    .append(r[5]).append("\r\n");
        }

        CandleCsvRead read = CandleCsv.standard().read(new StringReader(csv.toString()), "eu.csv");

        assertThat(read.separator()).isEqualTo(';');
        assertThat(read.timeFormat()).isEqualTo(CandleTimeFormat.ISO_DATE_TIME);
        assertThat(read.candles().longColumn("open_time").asLongArray())
                .containsExactly(qlirCandles().longColumn("open_time").asLongArray());
        assertSameIndicators(read.candles(), qlirCandles());
    }

    @Test
    void theFirstSmaIsTheMeanOfTheRecordedClosesByHand() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,close\n");
        BigDecimal sum = BigDecimal.ZERO;
        List<String[]> rows = fixtureRows();
        for (int i = 1; i < rows.size(); i++) {
            csv.append(rows.get(i)[0]).append(',').append(rows.get(i)[4]).append('\n');
            if (i <= 14) {
                sum = sum.add(new BigDecimal(rows.get(i)[4]));
            }
        }

        Table candles = Candles.fromCsv(new StringReader(csv.toString()));
        Table t = OpLanguage.parse("sma(close,14)").apply(candles).table();

        assertThat(candles.columnNames()).containsExactly("open_time", "close");
        assertThat(t.doubleColumn("close_sma_14").getDouble(13))
                .isCloseTo(sum.divide(BigDecimal.valueOf(14), MathContext.DECIMAL64).doubleValue(), within(1e-9));
        assertThat(t.doubleColumn("close_sma_14").isMissing(12)).isTrue();
    }

    @Test
    void anOpNeedingAColumnTheFileLacksIsRefusedNamingTheOpAndTheColumn() throws IOException {
        Table closeOnly = Candles.fromCsv(new StringReader("timestamp,close\n1554991200000,5000.36\n"));

        assertThatThrownBy(() -> OpLanguage.parse("arp(14)").apply(closeOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arp(14) reads column 'open', which the table lacks; it has [open_time, close]");
        assertThatThrownBy(() -> OpLanguage.parse("vwap()").apply(closeOnly))
                .hasMessageContaining("vwap() reads column '");
        assertThat(OpLanguage.parse("sma(close,14)").apply(closeOnly).columns()).containsExactly("close_sma_14");
        assertThat(Pipeline.parse("mine", "sma(close,14); lag(close,1)").apply(closeOnly).table().columnNames())
                .containsExactly("open_time", "close", "close_sma_14", "close_lag_1");
        assertThatThrownBy(() -> Pipeline.parse("mine", "sma(close,14); atr(14)").apply(closeOnly))
                .hasMessageContaining("atr(14) reads column '");
    }
}
