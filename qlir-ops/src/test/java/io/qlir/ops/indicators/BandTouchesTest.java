package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.BandPosition.FULLY_ABOVE;
import static io.qlir.ops.indicators.BandPosition.FULLY_BELOW;
import static io.qlir.ops.indicators.BandPosition.TOUCH_ALL;
import static io.qlir.ops.indicators.BandPosition.TOUCH_LOWER;
import static io.qlir.ops.indicators.BandPosition.TOUCH_LOWER_MID;
import static io.qlir.ops.indicators.BandPosition.TOUCH_MID;
import static io.qlir.ops.indicators.BandPosition.TOUCH_MID_UPPER;
import static io.qlir.ops.indicators.BandPosition.TOUCH_UPPER;
import static io.qlir.ops.indicators.BandPosition.WITHIN_LOWER;
import static io.qlir.ops.indicators.BandPosition.WITHIN_UPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.testkit.BinanceRecordings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Band touches against a hand-made table that reaches every label, plus the NaN and zero-width edge cases. */
class BandTouchesTest {

    private static final double NAN = Double.NaN;
    private static final Bands LINES = Bands.of("px", "px_lower", "px_mid", "px_upper", 0);

    /** One row: the bar, the three lines, and what the row should give (null = missing). */
    private record Row(double high, double low, double close, double lower, double mid, double upper,
            BandPosition position, Boolean touchLower, Boolean touchMid, Boolean touchUpper) {
        static Row of(double high, double low, double close, BandPosition p, boolean l, boolean m, boolean u) {
            return new Row(high, low, close, 10, 20, 30, p, l, m, u);
        }
    }

    // lines 10 / 20 / 30; with eps = 0.01 a close within 0.01 * (30 - 10) = 0.2 of a line touches it
    private static final List<Row> ROWS = List.of(
            Row.of(9, 5, 8, FULLY_BELOW, false, false, false),
            Row.of(9.7, 5, 9.7, FULLY_BELOW, false, false, false),       // close 0.3 below the line: no touch
            Row.of(11, 9, 10.5, TOUCH_LOWER, true, false, false),
            Row.of(12, 10.1, 10.15, TOUCH_LOWER, true, false, false),    // range misses, close within eps
            Row.of(18, 12, 15, WITHIN_LOWER, false, false, false),
            Row.of(21, 9, 15, TOUCH_LOWER_MID, true, true, false),
            Row.of(21, 19, 20.5, TOUCH_MID, false, true, false),
            Row.of(19.9, 15, 19.85, TOUCH_MID, false, true, false),      // close within eps below the mid
            Row.of(31, 19, 25, TOUCH_MID_UPPER, false, true, true),
            Row.of(28, 22, 25, WITHIN_UPPER, false, false, false),
            Row.of(31, 29, 30.5, TOUCH_UPPER, false, false, true),
            Row.of(35, 31, 34, FULLY_ABOVE, false, false, false),
            Row.of(33, 30.3, 30.3, FULLY_ABOVE, false, false, false),    // just above: FULLY_ABOVE, not WITHIN_UPPER
            Row.of(35, 5, 20, TOUCH_ALL, true, true, true),
            // zero-width bands (flat prices): all lines at 20
            new Row(21, 19, 20, 20, 20, 20, TOUCH_ALL, true, true, true),
            new Row(22, 21, 21.5, 20, 20, 20, FULLY_ABOVE, false, false, false),
            new Row(19, 18, 18.5, 20, 20, 20, FULLY_BELOW, false, false, false),
            // undefined rows: missing, never false
            new Row(21, 19, 20, NAN, NAN, NAN, null, null, null, null),  // bands in warm-up
            new Row(NAN, 19, 20, 10, 20, 30, null, null, null, null),    // no high
            new Row(19, 21, 20, 10, 20, 30, null, null, null, null),     // low above high
            new Row(21, 19, 20, 30, 20, 10, null, null, null, null));    // lines out of order

    private static Table table(List<Row> rows) {
        double[][] bars = new double[rows.size()][];
        double[] lower = new double[rows.size()];
        double[] mid = new double[rows.size()];
        double[] upper = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            bars[i] = Bars.bar(r.close(), r.high(), r.low(), r.close());
            lower[i] = r.lower();
            mid[i] = r.mid();
            upper[i] = r.upper();
        }
        Table t = Bars.of(bars);
        t.addColumns(Columns.doubleColumn("px_lower", lower), Columns.doubleColumn("px_mid", mid),
                Columns.doubleColumn("px_upper", upper));
        return t;
    }

    @Test
    void everyLabelAndEveryFlagMatchesTheHandTable() {
        Derived d = Indicators.bandTouches(table(ROWS), LINES, 0.01);
        String stem = "px_eps_0p01";
        assertThat(d.columns()).containsExactly(stem + "_touch_lower", stem + "_touch_mid", stem + "_touch_upper",
                stem + "_position");
        StringColumn position = (StringColumn) d.column(stem + "_position");
        BooleanColumn lower = (BooleanColumn) d.column(stem + "_touch_lower");
        BooleanColumn mid = (BooleanColumn) d.column(stem + "_touch_mid");
        BooleanColumn upper = (BooleanColumn) d.column(stem + "_touch_upper");
        Set<BandPosition> seen = EnumSet.noneOf(BandPosition.class);
        for (int i = 0; i < ROWS.size(); i++) {
            Row r = ROWS.get(i);
            if (r.position() == null) {
                assertThat(position.isMissing(i)).as("row %d position missing", i).isTrue();
                assertThat(lower.isMissing(i) && mid.isMissing(i) && upper.isMissing(i)).as("row %d", i).isTrue();
                continue;
            }
            BandPosition actual = BandPosition.CODEC.decode(position.get(i));
            seen.add(actual);
            assertThat(actual).as("row %d %s", i, r).isEqualTo(r.position());
            assertThat(lower.get(i)).as("row %d lower", i).isEqualTo(r.touchLower());
            assertThat(mid.get(i)).as("row %d mid", i).isEqualTo(r.touchMid());
            assertThat(upper.get(i)).as("row %d upper", i).isEqualTo(r.touchUpper());
        }
        assertThat(seen).containsExactlyInAnyOrder(BandPosition.values());
    }

    @Test
    void theDefaultEpsUsesTheBandsStemAndACloseTouchScalesWithTheBandWidth() {
        // default eps 0.001 * width 20 = 0.02: a close 0.15 from the lower line no longer touches it
        Derived d = Indicators.bandTouches(table(List.of(Row.of(12, 10.1, 10.15, WITHIN_LOWER, false, false, false),
                Row.of(12, 10.01, 10.015, TOUCH_LOWER, true, false, false))), LINES);
        StringColumn position = (StringColumn) d.column("px_position");
        assertThat(position.get(0)).isEqualTo("within_lower");
        assertThat(position.get(1)).isEqualTo("touch_lower");
        assertThat(d.spec("px_touch_lower").render()).isEqualTo("BAND_TOUCH(bands=px, eps=0.001, line=lower, "
                + "rows_used=[i .. i], write_col=px_touch_lower, write_row=i)");
        assertThat(d.spec("px_touch_lower").inputs())
                .containsExactly("px_lower", "px_mid", "px_upper", "high", "low", "close");
    }

    @Test
    void bollingerBandsAreComputedWhenAbsentAndTheSpecsThenReadTheBaseWindow() {
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        Bands bands = Bands.bollinger("close", 20, 2);
        Derived both = Indicators.bandTouches(candles, bands);
        assertThat(both.columns()).containsExactly("close_boll_mid_20_2", "close_boll_upper_20_2",
                "close_boll_lower_20_2", "close_boll_20_2_touch_lower", "close_boll_20_2_touch_mid",
                "close_boll_20_2_touch_upper", "close_boll_20_2_position");
        assertThat(both.spec("close_boll_20_2_position").render()).isEqualTo("BAND_POSITION(base_col=close, "
                + "period=20, k=2, eps=0.001, rows_used=[i-19 .. i], write_col=close_boll_20_2_position, write_row=i)");
        assertThat(both.spec("close_boll_20_2_position").warmup()).isEqualTo(19);

        Derived precomputed = Indicators.bollinger(candles, "close", 20, 2)
                .then(t -> Indicators.bandTouches(t, bands));
        StringColumn a = (StringColumn) both.column("close_boll_20_2_position");
        StringColumn b = (StringColumn) precomputed.column("close_boll_20_2_position");
        assertThat(a.asList()).isEqualTo(b.asList());
        for (int i = 0; i < 19; i++) {
            assertThat(a.isMissing(i)).isTrue();
        }
        List<String> labels = new ArrayList<>(a.unique().asList());
        labels.remove("");
        assertThat(labels).allSatisfy(code -> BandPosition.CODEC.decode(code)).hasSizeGreaterThan(3);
    }

    @Test
    void missingBandColumnsAreOneClearError() {
        Table t = Bars.of(Bars.bar(1, 2, 0.5, 1.5));
        assertThatThrownBy(() -> Indicators.bandTouches(t, LINES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[px_lower, px_mid, px_upper]")
                .hasMessageContaining("compute the bands first");
        assertThatThrownBy(() -> Indicators.bandTouches(t, LINES, -0.1)).hasMessageContaining("eps");
    }

    @Test
    void wireCodesRoundTrip() {
        for (BandPosition p : BandPosition.values()) {
            assertThat(BandPosition.CODEC.decode(p.wireCode())).isEqualTo(p);
        }
        assertThatThrownBy(() -> BandPosition.CODEC.decode("WITHIN_UPPER"))
                .hasMessageContaining("unknown band position 'WITHIN_UPPER'").hasMessageContaining("within_upper");
    }
}
