package io.qlir.core.primitives;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.Locale;
import tech.tablesaw.api.Table;

/** Column-to-column comparisons and crossings behind {@link Relations}. */
final class Comparisons {

    /** A comparison of two numbers with an absolute tolerance; false whenever an operand is NaN. */
    interface Test {
        boolean holds(double a, double b, double tol);
    }

    /** Whether the gap {@code a - b} crossed zero between two rows. */
    interface Crossing {
        boolean at(double previousGap, double gap);
    }

    private Comparisons() {
    }

    static Derived compare(Table table, String op, String a, String b, double tolerance, Test test) {
        double tol = ArgumentChecks.nonNegative(op, "tolerance", tolerance);
        double[] x = ColumnArrays.finite(table, a);
        double[] y = ColumnArrays.finite(table, b);
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = test.holds(x[i], y[i], tol); // a Java comparison with NaN is false, and so is ne's |NaN| > tol
        }
        String name = tol == 0 ? Columns.name(a, op, b) : Columns.name(a, op, b, "tol", tol);
        return Derived.builder(table).add(ColumnArrays.booleans(name, out, 0), RowDerivationSpec
                .builder(op.toUpperCase(Locale.ROOT)).baseColumn(a).inputs(b).param("other", b)
                .param("tolerance", tol).reads(RowWindow.of(0, 0)).output(name).build()).build();
    }

    static Derived cross(Table table, String op, String a, String b, Crossing crossing) {
        double[] x = ColumnArrays.finite(table, a);
        double[] y = ColumnArrays.finite(table, b);
        boolean[] out = new boolean[x.length];
        for (int i = 1; i < out.length; i++) {
            double prev = x[i - 1] - y[i - 1];
            double now = x[i] - y[i];
            out[i] = !Double.isNaN(prev) && !Double.isNaN(now) && crossing.at(prev, now);
        }
        String name = Columns.name(a, op, b);
        return Derived.builder(table).add(ColumnArrays.booleans(name, out, 1), RowDerivationSpec
                .builder(op.toUpperCase(Locale.ROOT)).baseColumn(a).inputs(b).param("other", b)
                .reads(RowWindow.of(-1, 0)).output(name).warmup(1).build()).build();
    }
}
