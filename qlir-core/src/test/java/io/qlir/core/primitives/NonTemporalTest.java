package io.qlir.core.primitives;

import static io.qlir.core.primitives.Tables.NaN;
import static io.qlir.core.primitives.Tables.assertDoubles;
import static io.qlir.core.primitives.Tables.xs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NonTemporalTest {

    private static final Table T = xs(-2, -0.0, 0, 3, NaN, Double.NEGATIVE_INFINITY);

    @Test
    void signIsMinusOneZeroOrOneAndNaNForNonFinite() {
        Derived d = NonTemporal.sign(T, "x");

        assertDoubles(d.column(), -1, 0, 0, 1, NaN, NaN);
        assertThat(1 / Tables.value(d.column(), 1)).as("-0.0 counts as +0").isPositive();
        assertThat(d.spec("x_sign").render())
                .isEqualTo("SIGN(base_col=x, rows_used=[i .. i], write_col=x_sign, write_row=i)");
    }

    @Test
    void absIsTheMagnitude() {
        assertDoubles(NonTemporal.abs(T, "x").column(), 2, 0, 0, 3, NaN, NaN);
    }

    @Test
    void manyColumnsInOneCall() {
        Table t = T.copy().addColumns(Columns.doubleColumn("y", new double[] {1, -1, 1, -1, 1, -1}));

        Derived d = NonTemporal.abs(t, "x", "y");

        assertThat(d.columns()).containsExactly("x_abs", "y_abs");
        assertDoubles(d.column("y_abs"), 1, 1, 1, 1, 1, 1);
    }

    @Test
    void emptyTableAndMissingColumn() {
        assertThat(NonTemporal.sign(xs(), "x").column().size()).isZero();
        assertThatThrownBy(() -> NonTemporal.sign(T, "close")).hasMessageContaining("'close'")
                .hasMessageContaining("[x]");
    }
}
