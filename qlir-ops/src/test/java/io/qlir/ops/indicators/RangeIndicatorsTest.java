package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Bars.bar;
import static io.qlir.ops.indicators.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.Alignment;
import io.qlir.semantics.ColumnEvent;
import io.qlir.semantics.Scope;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** ARP, ARP-D and range shock against tables computed by hand. */
class RangeIndicatorsTest {

    private static final double NAN = Double.NaN;

    // range_pct by hand: (high-low)/open
    private static final double R0 = 3.0 / 100;   // bullish
    private static final double R1 = 3.0 / 101;   // bearish
    private static final double R2 = 2.0 / 100;   // doji
    private static final double R3 = 3.0 / 50;    // bullish
    // row 4: open 0 -> range_pct NaN (close > open, so a bullish bar with an undefined range)
    private static final double R5 = 2.0 / 10;    // bearish
    private static final double R6 = 1.0 / 10;    // bullish
    private static final double R7 = 0.25 / 10;   // bullish

    private static final Table T = Bars.of(
            bar(100, 102, 99, 101),
            bar(101, 103, 100, 100),
            bar(100, 101, 99, 100),
            bar(50, 52, 49, 51),
            bar(0, 1, 0, 0.5),
            bar(10, 11, 9, 9.5),
            bar(10, 10.5, 9.5, 10.2),
            bar(10, 10.125, 9.875, 10.1));

    private static double[] col(Derived d, String name) {
        return Columns.doubles(d.table(), name);
    }

    @Test
    void rangePctIsTheRangeOverTheOpenAndNaNForANonPositiveOpen() {
        Derived d = Indicators.arp(T, true, 3);
        assertClose("range_pct", col(d, "range_pct"), new double[] {R0, R1, R2, R3, NAN, R5, R6, R7});
        Table bad = Bars.of(bar(-1, 2, 1, 1), bar(NAN, 2, 1, 1), bar(1, Double.POSITIVE_INFINITY, 1, 1),
                bar(2, 2, 2, 2), bar(0, 2, 1, 1), bar(Double.POSITIVE_INFINITY, 2, 1, 1),
                bar(Double.MIN_VALUE, 2, 1, 1));
        assertClose("range_pct edge cases", col(Indicators.arp(bad, true, 1), "range_pct"),
                new double[] {NAN, NAN, NAN, 0, NAN, NAN, NAN});
    }

    @Test
    void arpIsTheTrailingMeanOfRangePctAndNaNWhileAWindowHoldsAnUndefinedRange() {
        Derived d = Indicators.arp(T, 3, 1);
        assertClose("arp_3", col(d, "arp_3"), new double[] {NAN, NAN, (R0 + R1 + R2) / 3, (R1 + R2 + R3) / 3,
                NAN, NAN, NAN, (R5 + R6 + R7) / 3});
        assertClose("arp_1", col(d, "arp_1"), new double[] {R0, R1, R2, R3, NAN, R5, R6, R7});
    }

    @Test
    void arpDropsRangePctWithAnEventUnlessAskedToKeepIt() {
        Derived dropped = Indicators.arp(T, 3);
        assertThat(dropped.columns()).containsExactly("arp_3");
        assertThat(dropped.table().containsColumn("range_pct")).isFalse();
        assertThat(dropped.spec("range_pct").scope()).isEqualTo(Scope.INTERMEDIATE);
        assertThat(dropped.events()).contains(
                ColumnEvent.dropped("range_pct", "ARP", "intermediate of arp_3; keepIntermediate=false"));

        Derived kept = Indicators.arp(T, true, 3);
        assertThat(kept.columns()).containsExactly("range_pct", "arp_3");
        assertThat(kept.events()).noneMatch(e -> e.kind() == ColumnEvent.Kind.DROPPED);
        assertThatThrownBy(() -> Indicators.arp(kept.table(), true, 5))
                .hasMessageContaining("'range_pct' already exists");
    }

    @Test
    void arpDirectionalMeansCountOnlyTheirSideAndDojisForNeither() {
        Derived d = Indicators.arpD(T, 3);
        assertThat(d.columns()).containsExactly("arp_pos_3", "arp_neg_3", "arp_pos_frac_3", "arp_neg_frac_3");
        // window rows:        0..2       1..3     2..4 (4: bullish, range NaN)  3..5  4..6  5..7
        assertClose("arp_pos_3", col(d, "arp_pos_3"),
                new double[] {NAN, NAN, R0, R3, NAN, NAN, NAN, (R6 + R7) / 2});
        assertClose("arp_neg_3", col(d, "arp_neg_3"),
                new double[] {NAN, NAN, R1, R1, NAN, R5, R5, R5});
        assertClose("arp_pos_frac_3", col(d, "arp_pos_frac_3"),
                new double[] {NAN, NAN, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3});
        assertClose("arp_neg_frac_3", col(d, "arp_neg_frac_3"),
                new double[] {NAN, NAN, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3});
    }

    @Test
    void arpDIsExactlyItsFourPrimitives() {
        Derived bundle = Indicators.arpD(T, 2, 3);
        Derived[] parts = {Indicators.arpPos(T, 2, 3), Indicators.arpNeg(T, 2, 3), Indicators.arpPosFrac(T, 2, 3),
                Indicators.arpNegFrac(T, 2, 3)};
        for (Derived part : parts) {
            for (String c : part.columns()) {
                assertThat(col(bundle, c)).as(c).containsExactly(col(part, c));
                assertThat(bundle.spec(c)).isEqualTo(part.spec(c));
            }
        }
    }

    @Test
    void aBarWithoutAFiniteOpenOrCloseMakesTheDirectionalWindowsNaN() {
        Table t = Bars.of(bar(10, 11, 9, 10.5), bar(10, 11, 9, NAN), bar(10, 11, 9, 9.5), bar(10, 11, 9, 9.5));
        Derived d = Indicators.arpD(t, 2);
        assertClose("arp_pos_frac_2", col(d, "arp_pos_frac_2"), new double[] {NAN, NAN, NAN, 0});
        assertClose("arp_neg_2", col(d, "arp_neg_2"), new double[] {NAN, NAN, NAN, 0.2});
        assertClose("arp_pos_2", col(d, "arp_pos_2"), new double[] {NAN, NAN, NAN, NAN});
    }

    @Test
    void executionSafeRangeShockDividesByTheBarsBefore() {
        Derived d = Indicators.rangeShock(T, 2);
        assertClose("range_shock_2", col(d, "range_shock_2"), new double[] {NAN, NAN, R2 / ((R0 + R1) / 2),
                R3 / ((R1 + R2) / 2), NAN, NAN, NAN, R7 / ((R5 + R6) / 2)});
        assertThat(d.spec("range_shock_2").warmup()).isEqualTo(2);
        assertThat(d.spec("range_shock_2").alignment()).isEqualTo(Alignment.EXECUTION_SAFE);
    }

    @Test
    void historicalRangeShockIncludesTheBarInItsBaseline() {
        Derived d = Indicators.rangeShock(T, Alignment.HISTORICAL, 2);
        assertThat(d.columns()).containsExactly("range_shock_hist_2");
        assertClose("range_shock_hist_2", col(d, "range_shock_hist_2"), new double[] {NAN, R1 / ((R0 + R1) / 2),
                R2 / ((R1 + R2) / 2), R3 / ((R2 + R3) / 2), NAN, NAN, R6 / ((R5 + R6) / 2), R7 / ((R6 + R7) / 2)});
        assertThat(d.spec("range_shock_hist_2").render()).isEqualTo("RANGE_SHOCK(window=2, alignment=HISTORICAL, "
                + "baseline=[i-1 .. i], rows_used=[i-1 .. i], write_col=range_shock_hist_2, write_row=i)");
    }

    @Test
    void aZeroBaselineGivesNaNAndAZeroRangeOverARealBaselineGivesZero() {
        // ranges: 0, 0, 0.1, 0 -> baselines (exec-safe, w=2): -, -, 0 (NaN), 0.05
        Table t = Bars.of(bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(10, 10.5, 9.5, 10), bar(10, 10, 10, 10));
        assertClose("range_shock_2", col(Indicators.rangeShock(t, 2), "range_shock_2"),
                new double[] {NAN, NAN, NAN, 0});
        for (double v : col(Indicators.rangeShock(t, Alignment.HISTORICAL, 1), "range_shock_hist_1")) {
            assertThat(Double.isInfinite(v)).isFalse();
        }
    }

    @Test
    void aWindowWhoseSumOverflowsIsNaNAndOnlyThatWindow() {
        // range_pct 1e308 (finite) on the bullish rows 0, 1, 3: only the window of rows 0..1 overflows its sum
        Table t = Bars.of(bar(1e-300, 1e8, 0, 2e-300), bar(1e-300, 1e8, 0, 2e-300), bar(10, 11, 9, 10),
                bar(1e-300, 1e8, 0, 2e-300));
        Derived shock = Indicators.rangeShock(t, Alignment.HISTORICAL, 2);
        assertClose("range_shock_hist_2", col(shock, "range_shock_hist_2"),
                new double[] {NAN, NAN, 0.2 / ((1e308 + 0.2) / 2), 1e308 / ((0.2 + 1e308) / 2)});
        assertClose("arp_pos_2", col(Indicators.arpD(t, 2), "arp_pos_2"), new double[] {NAN, NAN, 1e308, 1e308});
    }

    @Test
    void windowsAsLongAsTheSeriesOrLongerGiveOneRowOrNone() {
        Derived d = Indicators.arpD(T, 8, 9, 20);
        // rows 0..7: bullish 0, 3, 4 (range NaN), 6, 7; bearish 1, 5; doji 2
        assertClose("arp_neg_8", col(d, "arp_neg_8"), new double[] {NAN, NAN, NAN, NAN, NAN, NAN, NAN, (R1 + R5) / 2});
        assertClose("arp_pos_frac_8", col(d, "arp_pos_frac_8"),
                new double[] {NAN, NAN, NAN, NAN, NAN, NAN, NAN, 5.0 / 8});
        for (String c : new String[] {"arp_pos_8", "arp_pos_9", "arp_neg_frac_9", "arp_pos_20", "arp_neg_20"}) {
            assertThat(col(d, c)).as(c).containsOnly(NAN);
        }
        Derived shock = Indicators.rangeShock(T, Alignment.HISTORICAL, 3, 8, 9);
        assertThat(col(shock, "range_shock_hist_8")).containsOnly(NAN);
        assertThat(col(shock, "range_shock_hist_9")).containsOnly(NAN);
        assertThat(col(Indicators.rangeShock(T, 8), "range_shock_8")).containsOnly(NAN);
    }
}
