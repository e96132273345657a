package io.qlir.core.primitives;

import static io.qlir.core.primitives.Tables.NaN;
import static io.qlir.core.primitives.Tables.assertBooleans;
import static io.qlir.core.primitives.Tables.assertDoubles;
import static io.qlir.core.primitives.Tables.bs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CountersTest {

    /** A missing value (null) reads as false. */
    private static final Table SEQ = bs(true, true, false, true, true, true, null, true);

    @Test
    void runningTrueCountsTheCurrentStreak() {
        Derived d = Counters.runningTrue(SEQ, "b");

        assertDoubles(d.column(), 1, 2, 0, 1, 2, 3, 0, 1);
        assertThat(d.spec("b_running_true").render())
                .isEqualTo("RUNNING_TRUE(base_col=b, rows_used=[.. i], write_col=b_running_true, write_row=i)");
    }

    @Test
    void barsSinceTrueIsNaNBeforeTheFirstTrue() {
        assertDoubles(Counters.barsSinceTrue(bs(false, null, true, false, false, true), "b").column(),
                NaN, NaN, 0, 1, 2, 0);
        assertDoubles(Counters.barsSinceTrue(SEQ, "b").column(), 0, 0, 1, 0, 0, 0, 1, 0);
    }

    @Test
    void allAndAnyOverTheLastKRows() {
        assertBooleans(Counters.all(SEQ, "b", 3).column(), null, null, false, false, false, true, false, false);
        assertBooleans(Counters.any(bs(false, false, true, false, false, null, false), "b", 2).column(),
                null, false, true, true, false, false, false);
        assertBooleans(Counters.all(SEQ, "b", 1).column(), true, true, false, true, true, true, false, true);
    }

    @Test
    void atLeastMOfK() {
        Table t = bs(true, false, false, true, true, false, true);
        Derived d = Counters.atLeast(t, "b", 2, 3, 5);

        assertThat(d.columns()).containsExactly("b_at_least_2_of_3", "b_at_least_2_of_5");
        assertBooleans(d.column("b_at_least_2_of_3"), null, null, false, false, true, true, true);
        assertBooleans(d.column("b_at_least_2_of_5"), null, null, null, null, true, true, true);
        assertThat(d.spec("b_at_least_2_of_3").render()).isEqualTo("AT_LEAST(base_col=b, m=2, k=3, "
                + "rows_used=[i-2 .. i], write_col=b_at_least_2_of_3, write_row=i)");
    }

    @Test
    void windowsLongerThanTheTableAreAllMissing() {
        assertBooleans(Counters.all(bs(true, true), "b", 3).column(), null, null);
        assertBooleans(Counters.any(bs(), "b", 3).column());
        assertDoubles(Counters.runningTrue(bs(), "b").column());
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> Counters.all(Tables.xs(1, 2), "x", 2)).hasMessageContaining("'x'")
                .hasMessageContaining("not BOOLEAN");
        assertThatThrownBy(() -> Counters.runningTrue(SEQ, "bullish")).hasMessageContaining("'bullish'")
                .hasMessageContaining("[b]");
        assertThatThrownBy(() -> Counters.atLeast(SEQ, "b", 4, 3))
                .hasMessage("at_least: k (at least m) must be a whole number >= 4, got 3 in [3]");
        assertThatThrownBy(() -> Counters.atLeast(SEQ, "b", 0, 3))
                .hasMessage("at_least: m must be a whole number >= 1, got 0");
        assertThatThrownBy(() -> Counters.any(SEQ, "b", 0))
                .hasMessage("any: k must be a whole number >= 1, got 0 in [0]");
    }
}
