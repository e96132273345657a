package io.qlir.core.primitives;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.kernels.FiniteValues;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.function.DoubleUnaryOperator;
import tech.tablesaw.api.Table;

/**
 * Ops that read only the written row of one numeric column: {@code reads = [i .. i]}, warm-up 0.
 *
 * <p>Each method takes one column or many ({@code sign(t, "close_diff_1", "volume_diff_1")}) and adds
 * {@code {column}_{op}} per column. NaN and non-finite inputs give NaN.
 * <pre>{@code
 * Derived d = Temporal.diff(candles, "close", 1).then(t -> NonTemporal.sign(t, "close_diff_1"));
 * }</pre>
 */
public final class NonTemporal {

    private NonTemporal() {
    }

    /**
     * The sign: {@code close_sign[i] = -1, 0 or 1} as {@code close[i]} is negative, zero or positive ({@code -0.0}
     * counts as zero).
     *
     * <p>Reads {@code [i .. i]}; warm-up 0; NaN for a NaN or non-finite input.
     * <pre>{@code
     * NonTemporal.sign(t, "close_diff_1");        // close_diff_1_sign
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param more further columns
     * @return the table with one {@code {column}_sign} column per column
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived sign(Table table, String column, String... more) {
        return pointwise(table, "sign", v -> Math.signum(v) + 0.0, column, more);
    }

    /**
     * The absolute value: {@code close_abs[i] = |close[i]|}.
     *
     * <p>Reads {@code [i .. i]}; warm-up 0; NaN for a NaN or non-finite input.
     * <pre>{@code
     * NonTemporal.abs(t, "close_diff_1");         // close_diff_1_abs
     * }</pre>
     *
     * @param table the input table (not modified)
     * @param column a numeric column
     * @param more further columns
     * @return the table with one {@code {column}_abs} column per column
     * @throws IllegalArgumentException when a column is absent or not numeric (naming it and the columns present)
     */
    public static Derived abs(Table table, String column, String... more) {
        return pointwise(table, "abs", Math::abs, column, more);
    }

    private static Derived pointwise(Table table, String op, DoubleUnaryOperator f, String column, String[] more) {
        Derived.Builder b = Derived.builder(table);
        String[] columns = new String[1 + more.length];
        columns[0] = column;
        System.arraycopy(more, 0, columns, 1, more.length);
        for (String c : columns) {
            double[] x = ColumnArrays.finite(table, c);
            for (int i = 0; i < x.length; i++) {
                x[i] = FiniteValues.finiteOrNaN(f.applyAsDouble(x[i]));
            }
            String name = Columns.name(c, op);
            b.add(Columns.doubleColumn(name, x), RowDerivationSpec.builder(op.toUpperCase(java.util.Locale.ROOT))
                    .baseColumn(c).reads(RowWindow.of(0, 0)).output(name).build());
        }
        return b.build();
    }
}
