package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** VWAP (cumulative, grouped, per UTC session) against hand-computed tables. */
class VwapTest {

    private static final double NAN = Double.NaN;

    /** Rows {openTime ISO, high, low, close, volume}; the typical price (h+l+c)/3 is chosen to be round. */
    private static Table table(Object[]... rows) {
        Candles.Builder b = Candles.builder(rows.length);
        for (Object[] r : rows) {
            long t = Instant.parse((String) r[0]).toEpochMilli();
            double h = ((Number) r[1]).doubleValue();
            double l = ((Number) r[2]).doubleValue();
            double c = ((Number) r[3]).doubleValue();
            double v = ((Number) r[4]).doubleValue();
            b.add(t, c, h, l, c, v, t + 1, v * c, 1, v / 2, v * c / 2);
        }
        return b.build();
    }

    @Test
    void cumulativeVwapWeighsTheTypicalPriceByVolume() {
        Table t = table(
                new Object[] {"2024-01-01T00:00:00Z", 12, 9, 9, 2},     // tp 10
                new Object[] {"2024-01-01T00:15:00Z", 21, 18, 21, 3},   // tp 20
                new Object[] {"2024-01-01T00:30:00Z", 30, 30, 30, 0},   // tp 30, no volume
                new Object[] {"2024-01-01T00:45:00Z", 42, 39, 39, 5});  // tp 40
        // (10*2)/2, (20+60)/5, 80/5, (80+200)/10
        assertClose("vwap", Columns.doubles(Indicators.vwap(t).table(), "vwap"), new double[] {10, 16, 16, 28});
    }

    @Test
    void zeroCumulativeVolumeIsNaNAndANonFiniteInputPoisonsTheRestOfItsGroup() {
        Table t = table(
                new Object[] {"2024-01-01T00:00:00Z", 12, 9, 9, 0},
                new Object[] {"2024-01-01T00:15:00Z", 21, 18, 21, 0},
                new Object[] {"2024-01-01T00:30:00Z", 12, 9, 9, 4},     // tp 10
                new Object[] {"2024-01-01T00:45:00Z", 12, 9, 9, NAN},
                new Object[] {"2024-01-01T01:00:00Z", 12, 9, 9, 1});
        assertClose("vwap", Columns.doubles(Indicators.vwap(t).table(), "vwap"), new double[] {NAN, NAN, 10, NAN, NAN});
    }

    @Test
    void sessionVwapRestartsAtEveryUtcDayEvenWhenTheMidnightBarIsMissing() {
        Table t = table(
                new Object[] {"2024-01-01T12:00:00Z", 12, 9, 9, 1},     // tp 10   day 1
                new Object[] {"2024-01-01T18:00:00Z", 21, 18, 21, 1},   // tp 20
                new Object[] {"2024-01-02T00:00:00Z", 30, 30, 30, 2},   // tp 30   day 2 opens at 00:00
                new Object[] {"2024-01-02T18:00:00Z", 42, 39, 39, 2},   // tp 40
                new Object[] {"2024-01-03T06:00:00Z", 51, 48, 51, 1},   // tp 50   day 3, its 00:00 bar missing
                new Object[] {"2024-01-03T12:00:00Z", 60, 60, 60, 3});  // tp 60
        Derived d = Indicators.vwapSession(t);
        assertClose("vwap_session", Columns.doubles(d.table(), "vwap_session"),
                new double[] {10, 15, 30, 35, 50, (50 + 180) / 4.0});
        assertThat(d.spec("vwap_session").render()).isEqualTo(
                "VWAP(price=hlc3, session=utc_day, rows_used=[.. i], write_col=vwap_session, write_row=i)");
    }

    @Test
    void groupedVwapAccumulatesEachKeySeparately() {
        Table t = table(
                new Object[] {"2024-01-01T00:00:00Z", 12, 9, 9, 1},     // A tp 10
                new Object[] {"2024-01-01T00:00:00Z", 102, 99, 99, 1},  // B tp 100
                new Object[] {"2024-01-01T00:15:00Z", 21, 18, 21, 3},   // A tp 20
                new Object[] {"2024-01-01T00:15:00Z", 201, 198, 201, 1},  // B tp 200
                new Object[] {"2024-01-01T00:30:00Z", 21, 18, 21, 3});  // missing key
        t.addColumns(StringColumn.create("symbol", "A", "B", "A", "B", ""));
        Derived d = Indicators.vwapBy(t, "symbol");
        assertThat(d.columns()).containsExactly("vwap_by_symbol");
        assertClose("vwap_by_symbol", Columns.doubles(d.table(), "vwap_by_symbol"),
                new double[] {10, 100, 17.5, 150, NAN});
        assertThat(d.spec("vwap_by_symbol").inputs()).containsExactly("high", "low", "close", "volume", "symbol");
        assertThatThrownBy(() -> Indicators.vwapBy(t, "sym")).hasMessageContaining("column 'sym' not found");
    }
}
