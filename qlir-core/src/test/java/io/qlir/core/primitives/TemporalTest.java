package io.qlir.core.primitives;

import static io.qlir.core.primitives.Tables.NaN;
import static io.qlir.core.primitives.Tables.assertDoubles;
import static io.qlir.core.primitives.Tables.xs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qlir.core.Derived;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TemporalTest {

    @Test
    void lagShiftsDownAndManyLagsComeFromOneCall() {
        Derived d = Temporal.lag(xs(1, 2, NaN, 4, 5), "x", 1, 2);

        assertThat(d.columns()).containsExactly("x_lag_1", "x_lag_2");
        assertDoubles(d.column("x_lag_1"), NaN, 1, 2, NaN, 4);
        assertDoubles(d.column("x_lag_2"), NaN, NaN, 1, 2, NaN);
        assertThat(d.spec("x_lag_2").render())
                .isEqualTo("LAG(base_col=x, n=2, rows_used=[i-2 .. i-2], write_col=x_lag_2, write_row=i)");
        assertThat(d.spec("x_lag_2").warmup()).isEqualTo(2);
    }

    @Test
    void nonFiniteInputsBecomeNaN() {
        Derived d = Temporal.lag(xs(Double.POSITIVE_INFINITY, 2), "x", 1);
        assertDoubles(d.column(), NaN, NaN);
    }

    @Test
    void diffSubtractsTheValueNRowsBefore() {
        Derived d = Temporal.diff(xs(1, 3, 6, 10, NaN, 20), "x", 1, 2);

        assertDoubles(d.column("x_diff_1"), NaN, 2, 3, 4, NaN, NaN);
        assertDoubles(d.column("x_diff_2"), NaN, NaN, 5, 7, NaN, 10);
        assertThat(d.spec("x_diff_1").reads().describe()).isEqualTo("[i-1 .. i]");
    }

    @Test
    void pctChangeIsAFractionAndNaNForAZeroBase() {
        Derived d = Temporal.pctChange(xs(100, 110, 99, 0, 5, NaN, 6), "x", 1);

        assertDoubles(d.column(), NaN, 0.1, -0.1, -1, NaN, NaN, NaN);
        assertThat(d.columns()).containsExactly("x_pct_change_1");
    }

    @Test
    void logReturnIsNaNForNonPositiveRatios() {
        Derived d = Temporal.logReturn(xs(1, Math.E, 1, -1, 2), "x", 1, 2);

        assertDoubles(d.column("x_log_return_1"), NaN, 1, -1, NaN, NaN);
        assertDoubles(d.column("x_log_return_2"), NaN, NaN, 0, NaN, Math.log(2));
    }

    @Test
    void rollingAggregatesGiveNaNForAWindowHoldingNaN() {
        Table t = xs(1, 2, 3, 4, NaN, 6, 7, 8);

        assertDoubles(Temporal.rollingMean(t, "x", 3).column(), NaN, NaN, 2, 3, NaN, NaN, NaN, 7);
        assertDoubles(Temporal.rollingSum(t, "x", 3).column(), NaN, NaN, 6, 9, NaN, NaN, NaN, 21);
        assertDoubles(Temporal.rollingMin(t, "x", 3).column(), NaN, NaN, 1, 2, NaN, NaN, NaN, 6);
        assertDoubles(Temporal.rollingMax(t, "x", 3).column(), NaN, NaN, 3, 4, NaN, NaN, NaN, 8);
        assertDoubles(Temporal.rollingMean(t, "x", 1).column(), 1, 2, 3, 4, NaN, 6, 7, 8);
    }

    @Test
    void rollingStdStatesSampleOrPopulation() {
        Table t = xs(2, 4, 4, 4, 5, 5, 7, 9); // the textbook series: population sd 2, sample sd sqrt(32/7)

        Derived sample = Temporal.rollingStd(t, "x", 8);
        Derived population = Temporal.rollingPopStd(t, "x", 8, 3);

        assertThat(sample.column().name()).isEqualTo("x_rolling_std_8");
        assertThat(Tables.value(sample.column(), 7)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(Tables.value(population.column("x_rolling_pop_std_8"), 7))
                .isCloseTo(2.0, within(1e-12));
        // [2,4,4] -> mean 10/3, squared deviations 16/9 + 4/9 + 4/9 = 24/9, population var 8/9
        assertDoubles(population.column("x_rolling_pop_std_3"), NaN, NaN, Math.sqrt(8.0 / 9), 0, Math.sqrt(2.0 / 9),
                Math.sqrt(2.0 / 9), Math.sqrt(8.0 / 9), Math.sqrt(8.0 / 3));
        assertThat(sample.spec("x_rolling_std_8").render()).isEqualTo("ROLLING_STD(base_col=x, window=8, ddof=1, "
                + "rows_used=[i-7 .. i], write_col=x_rolling_std_8, write_row=i)");
        assertThat(population.spec("x_rolling_pop_std_3").param("ddof")).isEqualTo(0);
    }

    @Test
    void aWindowLongerThanTheTableGivesAllNaN() {
        assertDoubles(Temporal.rollingMean(xs(1, 2, 3), "x", 4).column(), NaN, NaN, NaN);
        assertDoubles(Temporal.rollingStd(xs(1, 2, 3), "x", 10).column(), NaN, NaN, NaN);
        assertDoubles(Temporal.lag(xs(1, 2, 3), "x", 3).column(), NaN, NaN, NaN);
    }

    @Test
    void anEmptyTableGivesEmptyColumns() {
        Derived d = Temporal.rollingMean(xs(), "x", 3, 5);

        assertThat(d.columns()).containsExactly("x_rolling_mean_3", "x_rolling_mean_5");
        assertThat(d.table().rowCount()).isZero();
        assertThat(Temporal.diff(xs(), "x", 1).column().size()).isZero();
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsPresent() {
        assertThatThrownBy(() -> Temporal.rollingMean(xs(1, 2), "close", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'close'").hasMessageContaining("[x]");
    }

    @Test
    void invalidParamsAreNamed() {
        assertThatThrownBy(() -> Temporal.lag(xs(1), "x", 0))
                .hasMessageContaining("lag: n must be a whole number >= 1, got 0 in [0]");
        assertThatThrownBy(() -> Temporal.rollingMean(xs(1), "x", 3, -1))
                .hasMessageContaining("window must be a whole number >= 1, got -1");
        assertThatThrownBy(() -> Temporal.rollingStd(xs(1), "x", 1))
                .hasMessageContaining("rolling_std: window must be a whole number >= 2, got 1");
        assertThatThrownBy(() -> Temporal.lag(xs(1, 2), "x", 1, 1)).hasMessageContaining("x_lag_1")
                .hasMessageContaining("already exists");
    }

    @Test
    void anOverflowingWindowIsNaNNeverInfinite() {
        // the shared kernels may overflow to ±inf; the core ops promise NaN for an undefined result. (Near
        // Double.MAX_VALUE the kernels' block prefix overflows too, so a neighbouring window may be NaN as well.)
        assertDoubles(Temporal.rollingSum(xs(1e308, 1e308, 1e308), "x", 2).column(), NaN, NaN, NaN);
        assertDoubles(Temporal.rollingMean(xs(1e308, 1e308, 1e308), "x", 2).column(), NaN, 1e308, 1e308);
        Table t = xs(1e308, 1e308, 1, -1e308);
        for (Derived d : new Derived[] {Temporal.rollingSum(t, "x", 2), Temporal.rollingMean(t, "x", 2),
                Temporal.rollingStd(t, "x", 2), Temporal.rollingPopStd(t, "x", 2)}) {
            for (double v : d.table().doubleColumn(d.columns().get(0)).asDoubleArray()) {
                assertThat(Double.isInfinite(v)).as("%s: %s", d.columns().get(0), v).isFalse();
            }
        }
    }

    @Test
    void theInputIsNotModified() {
        Table t = xs(1, 2, 3, 4);
        Derived d = Temporal.rollingSum(t, "x", 2);

        assertThat(t.columnNames()).containsExactly("x");
        assertThat(t.doubleColumn("x").asDoubleArray()).containsExactly(1, 2, 3, 4);
        assertThat(d.table().column("x")).isSameAs(t.column("x"));
    }

    @Test
    void longAndIntColumnsAreReadAsNumbers() {
        Table t = Table.create("t", tech.tablesaw.api.LongColumn.create("trades", new long[] {3, 5, 9}));
        assertDoubles(Temporal.diff(t, "trades", 1).column(), NaN, 2, 4);
    }
}
