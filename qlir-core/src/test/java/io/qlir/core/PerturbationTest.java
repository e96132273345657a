package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.semantics.RowWindow;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PerturbationTest {

    @Test
    void timeColumnsAreLeftAloneAndEverythingElseIsChanged() {
        Table t = TestTables.randomCandles(1, 5);
        t.addColumns(LongColumn.create("funding_time", new long[5]), LongColumn.create("count", new long[5]));

        assertThat(Perturbation.perturbableColumns(t))
                .doesNotContain("open_time", "close_time", "funding_time")
                .contains("open", "high", "low", "close", "volume", "trades", "count");
    }

    @Test
    void numbersGrowStronglyAndNaNBecomesAValue() {
        assertThat(Perturbation.strong(2.0)).isEqualTo(1006.0);
        assertThat(Perturbation.strong(Double.NaN)).isEqualTo(1000.0);
        assertThat(Perturbation.strong(Double.POSITIVE_INFINITY)).isEqualTo(1000.0);
        assertThat(Perturbation.strong(-500.0)).isEqualTo(500.0); // the fixed point of x*3+1000
    }

    @Test
    void changesExactlyOneCellAndSharesTheOtherColumns() {
        Table t = Table.create("t", Columns.doubleColumn("x", new double[] {1, 2, 3}),
                BooleanColumn.create("b", true, false, true), StringColumn.create("s", "a", "b", "c"));

        Table x = Perturbation.changeCell(t, "x", 1);
        Table b = Perturbation.changeCell(t, "b", 1);
        Table s = Perturbation.changeCell(t, "s", 1);

        assertThat(x.doubleColumn("x").asDoubleArray()).containsExactly(1, 1006, 3);
        assertThat(t.doubleColumn("x").asDoubleArray()).containsExactly(1, 2, 3);
        assertThat(x.column("b")).isSameAs(t.column("b"));
        assertThat(b.booleanColumn("b").asList()).containsExactly(true, true, true);
        assertThat(s.stringColumn("s").get(1)).isNotIn("a", "b", "c");
        assertThat(s.stringColumn("s").get(0)).isEqualTo("a");
    }

    @Test
    void composesWindowsThroughIntermediates() {
        assertThat(DeclaredReads.compose(RowWindow.trailing(14), RowWindow.of(-1, 0)))
                .isEqualTo(RowWindow.of(-14, 0));
        assertThat(DeclaredReads.compose(RowWindow.unboundedPast(0), RowWindow.of(-3, -1)))
                .isEqualTo(RowWindow.unboundedPast(-1));
        assertThat(DeclaredReads.covers(List.of(RowWindow.of(-1, -1), RowWindow.of(0, 0)), 5, 4)).isTrue();
        assertThat(DeclaredReads.covers(List.of(RowWindow.of(-1, -1), RowWindow.of(0, 0)), 5, 3)).isFalse();
    }

    @Test
    void toleranceIsRelativeAboveOneAndNaNEqualsNaN() {
        assertThat(Cells.same(Double.NaN, Double.NaN)).isTrue();
        assertThat(Cells.same(1.0, Double.NaN)).isFalse();
        assertThat(Cells.same(1e6 + 1e-4, 1e6)).isTrue();
        assertThat(Cells.same(1e6 + 1e-2, 1e6)).isFalse();
        assertThat(Cells.same(5e-10, 0.0)).isTrue();
        assertThat(Cells.same(2e-9, 0.0)).isFalse();
    }
}
