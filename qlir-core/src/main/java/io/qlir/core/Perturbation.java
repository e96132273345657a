package io.qlir.core;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The "strong change" of one input cell that {@link Causality} uses: numbers become {@code x*3 + 1000} (a missing or
 * non-finite number becomes 1000), booleans flip (missing becomes true), strings become a value the column never
 * held. Time columns are left alone: {@code open_time}, {@code close_time} and every {@code LongColumn} whose name ends
 * in {@code _time}, as are column types with no obvious strong change (dates, instants).
 */
final class Perturbation {

    private Perturbation() {
    }

    /** The names of the columns {@link #changeCell} can change, in table order. */
    static List<String> perturbableColumns(Table table) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (!isTimeColumn(c) && isSupported(c)) {
                out.add(c.name());
            }
        }
        return out;
    }

    static boolean isTimeColumn(Column<?> c) {
        String name = c.name();
        return Candles.OPEN_TIME.equals(name) || Candles.CLOSE_TIME.equals(name)
                || (c instanceof LongColumn && name.endsWith("_time"));
    }

    private static boolean isSupported(Column<?> c) {
        return c instanceof DoubleColumn || c instanceof FloatColumn || c instanceof LongColumn
                || c instanceof IntColumn || c instanceof ShortColumn || c instanceof BooleanColumn
                || c instanceof StringColumn;
    }

    /**
     * A table equal to {@code table} except for one strongly changed cell. The other columns are shared, not copied
     * (ops never mutate their input); only the changed column is a copy.
     */
    static Table changeCell(Table table, String column, int row) {
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            out.addColumns(c.name().equals(column) ? changed(c, row) : c);
        }
        return out;
    }

    private static Column<?> changed(Column<?> c, int row) {
        if (c instanceof DoubleColumn d) {
            double[] v = d.asDoubleArray(); // a copy; missing values read as NaN
            v[row] = strong(v[row]);
            return Columns.doubleColumn(c.name(), v);
        }
        if (c instanceof FloatColumn f) {
            FloatColumn copy = f.copy();
            return copy.set(row, (float) strong(f.isMissing(row) ? Double.NaN : f.getFloat(row)));
        }
        if (c instanceof LongColumn l) {
            LongColumn copy = l.copy();
            return copy.set(row, l.isMissing(row) ? 1000L : strong(l.getLong(row)));
        }
        if (c instanceof IntColumn i) {
            IntColumn copy = i.copy();
            int x = i.getInt(row);
            int y = i.isMissing(row) ? 1000 : (int) strong(x);
            return copy.set(row, y == x ? x + 1000 : y);
        }
        if (c instanceof ShortColumn s) {
            ShortColumn copy = s.copy();
            short x = s.getShort(row);
            short y = s.isMissing(row) ? (short) 1000 : (short) strong(x);
            return copy.set(row, y == x ? (short) (x + 1000) : y);
        }
        if (c instanceof BooleanColumn b) {
            BooleanColumn copy = b.copy();
            Boolean v = b.get(row);
            return copy.set(row, v == null || !v);
        }
        if (c instanceof StringColumn s) {
            StringColumn copy = s.copy();
            String fresh = "qlir-perturbed-" + row;
            while (s.contains(fresh)) {
                fresh = fresh + "'";
            }
            return copy.set(row, fresh);
        }
        throw new IllegalArgumentException("column '" + c.name() + "' of type " + c.type().name()
                + " cannot be perturbed");
    }

    /** {@code x*3 + 1000}, or 1000 for a non-finite x, or {@code x + 1000} at the fixed point {@code x = -500}. */
    static double strong(double x) {
        if (!Double.isFinite(x)) {
            return 1000.0;
        }
        double y = x * 3 + 1000;
        return Cells.same(y, x) ? x + 1000 : y;
    }

    private static long strong(long x) {
        long y = x * 3 + 1000;
        return y == x ? x + 1000 : y;
    }
}
