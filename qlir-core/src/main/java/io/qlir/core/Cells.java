package io.qlir.core;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.columns.Column;

/**
 * A read-only snapshot of one output column, compared row by row with qlir's tolerance: doubles within
 * {@code |a-b| <= 1e-9 * max(1, |b|)} with NaN equal to NaN, every other type exactly, missing equal to missing.
 */
abstract class Cells {

    /** The tolerance factor used everywhere in qlir's tests. */
    static final double TOLERANCE = 1e-9;

    static Cells of(Column<?> column) {
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            double[] v = new double[column.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = column.isMissing(i) ? Double.NaN : ((Number) column.get(i)).doubleValue();
            }
            return new Doubles(v);
        }
        Object[] v = new Object[column.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = column.isMissing(i) ? null : column.get(i);
        }
        return new Exact(v);
    }

    /** Whether two doubles are "the same" in qlir's sense; {@code reference} scales the tolerance. */
    static boolean same(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference)) {
            return Double.isNaN(value) && Double.isNaN(reference);
        }
        if (value == reference) {
            return true;
        }
        return Math.abs(value - reference) <= TOLERANCE * Math.max(1.0, Math.abs(reference));
    }

    abstract int size();

    /** Whether the row holds a value (not NaN, not missing). */
    abstract boolean defined(int row);

    /** Whether this column's row equals the reference's row. */
    abstract boolean same(Cells reference, int row);

    /** The row's value for a message. */
    abstract String show(int row);

    private static final class Doubles extends Cells {
        private final double[] v;

        Doubles(double[] v) {
            this.v = v;
        }

        @Override
        int size() {
            return v.length;
        }

        @Override
        boolean defined(int row) {
            return !Double.isNaN(v[row]);
        }

        @Override
        boolean same(Cells reference, int row) {
            return reference instanceof Doubles d && same(v[row], d.v[row]);
        }

        @Override
        String show(int row) {
            return Double.toString(v[row]);
        }
    }

    private static final class Exact extends Cells {
        private final Object[] v;

        Exact(Object[] v) {
            this.v = v;
        }

        @Override
        int size() {
            return v.length;
        }

        @Override
        boolean defined(int row) {
            return v[row] != null;
        }

        @Override
        boolean same(Cells reference, int row) {
            return reference instanceof Exact e && java.util.Objects.equals(v[row], e.v[row]);
        }

        @Override
        String show(int row) {
            return v[row] == null ? "missing" : String.valueOf(v[row]);
        }
    }
}
