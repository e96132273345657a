package io.qlir.core.primitives;

import static io.qlir.core.primitives.Tables.NaN;
import static io.qlir.core.primitives.Tables.assertBooleans;
import static io.qlir.core.primitives.Tables.assertDoubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RelationsTest {

    /** a vs b: less, equal, a bit more, more, NaN on each side. */
    private static final Table AB = Table.create("t",
            Columns.doubleColumn("a", new double[] {1, 2, 2.05, 3, NaN, 1}),
            Columns.doubleColumn("b", new double[] {2, 2, 2.00, 2, 1, NaN}));

    @Test
    void comparisonsWithoutTolerance() {
        assertBooleans(Relations.gt(AB, "a", "b").column(), false, false, true, true, false, false);
        assertBooleans(Relations.ge(AB, "a", "b").column(), false, true, true, true, false, false);
        assertBooleans(Relations.lt(AB, "a", "b").column(), true, false, false, false, false, false);
        assertBooleans(Relations.le(AB, "a", "b").column(), true, true, false, false, false, false);
        assertBooleans(Relations.eq(AB, "a", "b").column(), false, true, false, false, false, false);
        // NaN is unknown, not different: ne is false too
        assertBooleans(Relations.ne(AB, "a", "b").column(), true, false, true, true, false, false);
    }

    @Test
    void toleranceWidensTheEqualBand() {
        assertBooleans(Relations.gt(AB, "a", "b", 0.1).column(), false, false, false, true, false, false);
        assertBooleans(Relations.ge(AB, "a", "b", 1.0).column(), true, true, true, true, false, false);
        assertBooleans(Relations.lt(AB, "a", "b", 1.0).column(), false, false, false, false, false, false);
        assertBooleans(Relations.le(AB, "a", "b", 0.1).column(), true, true, true, false, false, false);
        assertBooleans(Relations.eq(AB, "a", "b", 0.1).column(), false, true, true, false, false, false);
        assertBooleans(Relations.ne(AB, "a", "b", 0.1).column(), true, false, false, true, false, false);
    }

    @Test
    void namesAndSpecs() {
        Derived plain = Relations.gt(AB, "a", "b");
        Derived tol = Relations.eq(AB, "a", "b", 0.01);

        assertThat(plain.columns()).containsExactly("a_gt_b");
        assertThat(tol.columns()).containsExactly("a_eq_b_tol_0p01");
        assertThat(plain.spec("a_gt_b").render())
                .isEqualTo("GT(base_col=a, other=b, tolerance=0, rows_used=[i .. i], write_col=a_gt_b, write_row=i)");
        assertThat(plain.spec("a_gt_b").inputs()).containsExactly("a", "b");
        assertThatThrownBy(() -> Relations.gt(AB, "a", "b", -1)).hasMessageContaining("tolerance must be")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Relations.gt(AB, "a", "c")).hasMessageContaining("'c'")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void crossesCompareThisRowAndThePrevious() {
        Table t = Table.create("t",
                Columns.doubleColumn("a", new double[] {1, 3, 3, 2, 1, 4, NaN, 5}),
                Columns.doubleColumn("b", new double[] {2, 2, 3, 3, 1, 1, 1, 1}));
        // gaps a-b: -1, 1, 0, -1, 0, 3, NaN, 4
        assertBooleans(Relations.crossUp(t, "a", "b").column(), null, true, false, false, false, true, false, false);
        assertBooleans(Relations.crossDown(t, "a", "b").column(), null, false, false, true, false, false, false,
                false);
        assertThat(Relations.crossUp(t, "a", "b").spec("a_cross_up_b").reads().describe()).isEqualTo("[i-1 .. i]");
    }

    /** Six bars; row 5 has no high. */
    static Table bars() {
        Candles.Builder b = Candles.builder(6);
        double[][] ohlc = {
            {10, 12, 9, 11},      // bullish
            {11, 13, 10, 12.5},   // higher high, bullish; TR max(3, 2, 1) = 3
            {12.5, 12.8, 10.5, 11}, // inside, bearish; TR max(2.3, 0.3, 2) = 2.3
            {11, 14, 10, 13.5},   // outside (higher high and lower low), bullish; TR max(4, 3, 1) = 4
            {15, 16, 15, 15},     // gap up, higher high, doji; TR max(1, 2.5, 1.5) = 2.5
            {15, NaN, 14, 14.5},  // no high: relations on high false, TR NaN; bearish
        };
        for (int i = 0; i < ohlc.length; i++) {
            double[] r = ohlc[i];
            b.add(i * 60_000L, r[0], r[1], r[2], r[3], 1, i * 60_000L + 59_999, 1, 1, 1, 1);
        }
        return b.build();
    }

    @Test
    void barRelations() {
        Table t = bars();

        assertBooleans(Relations.higherHigh(t).column(), null, true, false, true, true, false);
        assertBooleans(Relations.lowerLow(t).column(), null, false, false, true, false, true);
        assertBooleans(Relations.insideBar(t).column(), null, false, true, false, false, false);
        assertBooleans(Relations.outsideBar(t).column(), null, false, false, true, false, false);
        assertBooleans(Relations.bullish(t).column(), true, true, false, true, false, false);
        assertBooleans(Relations.bearish(t).column(), false, false, true, false, false, true);
        assertDoubles(Relations.trueRange(t).column(), NaN, 3, 2.3, 4, 2.5, NaN);
    }

    @Test
    void trueRangeIsNaNWhereAnInputIsNotFiniteOrTheRangeOverflows() {
        double inf = Double.POSITIVE_INFINITY;
        Table t = Table.create("t", Columns.doubleColumn("high", new double[] {10, 12, inf, 9, 1e308, 5}),
                Columns.doubleColumn("low", new double[] {8, 9, 7, 8, -1e308, 4}),
                Columns.doubleColumn("close", new double[] {9, 11, 8, NaN, 0, 4.5}));
        // row 1: max(3, |12-9|, |9-9|) = 3; row 2: infinite high; row 3: 9-8 vs the close before (8): 1;
        // row 4: 1e308 - -1e308 overflows; row 5: the close before is 0: max(1, 5, 4) = 5
        assertDoubles(Relations.trueRange(t).column(), NaN, 3, NaN, 1, NaN, 5);
    }

    @Test
    void barRelationSpecsAndNames() {
        Derived d = Relations.trueRange(bars());

        assertThat(d.columns()).containsExactly("true_range");
        assertThat(d.spec("true_range").render())
                .isEqualTo("TRUE_RANGE(rows_used=[i-1 .. i], write_col=true_range, write_row=i)");
        assertThat(d.spec("true_range").inputs()).containsExactly("high", "low", "close");
        assertThat(Relations.insideBar(bars()).spec("inside_bar").warmup()).isEqualTo(1);
        assertThat(Relations.bullish(bars()).spec("bullish").warmup()).isZero();
    }

    @Test
    void emptyTablesAndMissingCandleColumns() {
        assertThat(Relations.higherHigh(Candles.empty()).column().size()).isZero();
        assertThat(Relations.trueRange(Candles.empty()).column().size()).isZero();
        assertThat(Relations.crossUp(AB.first(0), "a", "b").column().size()).isZero();
        assertThatThrownBy(() -> Relations.insideBar(AB)).hasMessageContaining("'high'")
                .hasMessageContaining("[a, b]");
    }
}
