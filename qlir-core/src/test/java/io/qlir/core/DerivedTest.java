package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.semantics.ColumnEvent;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import io.qlir.semantics.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DerivedTest {

    private static RowDerivationSpec spec(String op, String output) {
        return RowDerivationSpec.builder(op).baseColumn("x").reads(RowWindow.of(0, 0)).output(output).build();
    }

    private static Table input() {
        return Table.create("in", Columns.doubleColumn("x", new double[] {1, 2, 3}));
    }

    private static Derived twice(Table t) {
        double[] x = Columns.doubles(t, "x");
        return Derived.builder(t).add(Columns.doubleColumn("x2", new double[] {x[0] * 2, x[1] * 2, x[2] * 2}),
                spec("TWICE", "x2")).build();
    }

    @Test
    void theInputIsUntouchedAndItsColumnsAreShared() {
        Table in = input();
        Derived d = twice(in);

        assertThat(in.columnNames()).containsExactly("x");
        assertThat(d.table().columnNames()).containsExactly("x", "x2");
        assertThat(d.table().column("x")).isSameAs(in.column("x"));
        assertThat(d.table().name()).isEqualTo("in");
    }

    @Test
    void copyIsIndependentOfTheInput() {
        Table in = input();
        Derived copy = twice(in).copy();

        copy.table().doubleColumn("x").set(0, 99.0);

        assertThat(in.doubleColumn("x").get(0)).isEqualTo(1.0);
        assertThat(copy.columns()).containsExactly("x2");
    }

    @Test
    void aNameCollisionIsAnErrorNamingTheColumn() {
        Table in = input();
        assertThatThrownBy(() -> Derived.builder(in).add(Columns.doubleColumn("x", new double[3]), spec("A", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'x' already exists").hasMessageContaining("[x]");
        Derived.Builder b = Derived.builder(in).add(Columns.doubleColumn("y", new double[3]), spec("A", "y"));
        assertThatThrownBy(() -> b.add(Columns.doubleColumn("y", new double[3]), spec("B", "y")))
                .hasMessageContaining("column 'y' already exists").hasMessageContaining("[x, y]");
        assertThatThrownBy(() -> Derived.builder(in).add(Columns.doubleColumn("z", new double[3]), spec("A", "w")))
                .hasMessageContaining("column 'z' has a spec for 'w'");
        assertThatThrownBy(() -> Derived.builder(in).add(Columns.doubleColumn("z", new double[2]), spec("A", "z")))
                .hasMessageContaining("has 2 values but the table has 3 rows");
    }

    @Test
    void columnNeedsExactlyOneNewColumn() {
        Table in = input();
        Derived two = Derived.builder(in)
                .add(Columns.doubleColumn("a", new double[3]), spec("A", "a"))
                .add(Columns.doubleColumn("b", new double[3]), spec("B", "b")).build();

        assertThatThrownBy(two::column).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2: [a, b]");
        assertThat(two.column("b").name()).isEqualTo("b");
        assertThatThrownBy(() -> two.column("x")).hasMessageContaining("'x' is not a new column")
                .hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> two.spec("c")).hasMessageContaining("no spec for column 'c'");
        assertThatThrownBy(() -> Derived.builder(in).build().column()).hasMessageContaining("has 0");
    }

    @Test
    void explainPrintsOneLinePerSpecThenDrops() {
        Table in = input();
        Derived d = Derived.builder(in)
                .add(Columns.doubleColumn("tmp", new double[3]), RowDerivationSpec.builder("TMP").baseColumn("x")
                        .reads(RowWindow.of(0, 0)).output("tmp").scope(Scope.INTERMEDIATE).build())
                .add(Columns.doubleColumn("out", new double[3]), RowDerivationSpec.builder("OUT").inputs("tmp")
                        .param("window", 2).reads(RowWindow.trailing(2)).output("out").warmup(1).build())
                .drop("tmp", "OUT", "intermediate of out").build();

        assertThat(d.explain().lines()).containsExactly(
                "TMP(base_col=x, rows_used=[i .. i], write_col=tmp, write_row=i)",
                "OUT(window=2, rows_used=[i-1 .. i], write_col=out, write_row=i)",
                "DROPPED tmp by OUT (intermediate of out)");
        assertThat(d.columns()).containsExactly("out");
        assertThat(d.table().columnNames()).containsExactly("x", "out");
        assertThat(d.events()).extracting(ColumnEvent::kind).containsExactly(ColumnEvent.Kind.CREATED,
                ColumnEvent.Kind.CREATED, ColumnEvent.Kind.DROPPED);
        assertThat(d.specs()).extracting(RowDerivationSpec::output).containsExactly("tmp", "out");
        assertThatThrownBy(() -> Derived.builder(in).drop("x", "OP", "r"))
                .hasMessageContaining("only columns this op created can be dropped");
    }

    @Test
    void thenChainsResultsInOrder() {
        Op twiceOp = Op.of("twice", List.of(), DerivedTest::twice);
        Derived d = twice(input()).then(t -> {
            double[] x2 = Columns.doubles(t, "x2");
            return Derived.builder(t).add(Columns.doubleColumn("x3", new double[] {x2[0] + 1, x2[1] + 1, x2[2] + 1}),
                    RowDerivationSpec.builder("PLUS1").baseColumn("x2").reads(RowWindow.of(0, 0)).output("x3")
                            .build()).build();
        });

        assertThat(d.columns()).containsExactly("x2", "x3");
        assertThat(d.table().columnNames()).containsExactly("x", "x2", "x3");
        assertThat(d.table().doubleColumn("x3").asDoubleArray()).containsExactly(3, 5, 7);
        assertThat(d.explain().lines()).hasSize(2);
        assertThatThrownBy(() -> d.then(twiceOp)).hasMessageContaining("column 'x2' already exists");
        assertThat(d.toString()).isEqualTo("Derived[3 rows, new columns [x2, x3]]");
    }
}
