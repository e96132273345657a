package io.qlir.core;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column access and naming for op authors: one clear error for a missing or mistyped column, fast primitive views,
 * and the naming rules of qlir's columns.
 *
 * <p>Ops read their inputs as primitive arrays ({@link #doubles(Table, String)}) and write results with
 * {@link #doubleColumn(String, double[])}, which wraps the array without copying it.
 * <pre>{@code
 * double[] close = Columns.doubles(table, "close");        // IllegalArgumentException names the column if absent
 * String name = Columns.name("close", "boll", "mid", 20, 2.5);  // close_boll_mid_20_2p5
 * }</pre>
 */
public final class Columns {

    /** {@code LongColumn(String, LongArrayList)}, private in Tablesaw; null when absent or not accessible. */
    private static final MethodHandle LONG_COLUMN_OVER_LIST = longColumnOverList();

    private Columns() {
    }

    /**
     * The column with this name.
     *
     * @param table the table
     * @param name the column's name
     * @return the column
     * @throws IllegalArgumentException naming the column and listing the ones the table has
     */
    public static Column<?> require(Table table, String name) {
        if (name == null || !table.containsColumn(name)) {
            throw new MissingColumnException(name, table.columnNames());
        }
        return table.column(name);
    }

    /**
     * A numeric column's values as doubles; missing values are {@code NaN}. For columns made by
     * {@link #doubleColumn(String, double[])} this is the column's own array (do not write to it).
     *
     * @param table the table
     * @param name a numeric column's name
     * @return the values, one per row
     * @throws IllegalArgumentException when the column is absent or not numeric
     */
    public static double[] doubles(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof WrappedDoubleColumn w) {
            return w.elements();
        }
        if (c instanceof DoubleColumn d) {
            return d.asDoubleArray();
        }
        if (c instanceof NumericColumn<?> n) {
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
            }
            return out;
        }
        throw new IllegalArgumentException("column '" + name + "' is " + c.type().name()
                + ", not numeric; numeric columns: " + numericNames(table));
    }

    /**
     * A boolean column's values; a missing value reads as false (so NaN in a boolean input never counts as true).
     *
     * @param table the table
     * @param name a boolean column's name
     * @return the values, one per row
     * @throws IllegalArgumentException when the column is absent or not boolean
     */
    public static boolean[] booleans(Table table, String name) {
        Column<?> c = require(table, name);
        if (!(c instanceof BooleanColumn b)) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type().name()
                    + ", not BOOLEAN; the table has columns " + table.columnNames());
        }
        boolean[] out = new boolean[b.size()];
        for (int i = 0; i < out.length; i++) {
            Boolean v = b.get(i);
            out[i] = v != null && v;
        }
        return out;
    }

    /**
     * A double column that wraps {@code values} without copying them: later writes to the array show in the column.
     *
     * @param name the column's name
     * @param values the values; {@code NaN} is a missing value
     * @return the column
     */
    public static DoubleColumn doubleColumn(String name, double[] values) {
        return new WrappedDoubleColumn(name, values);
    }

    /**
     * A long column that wraps {@code values} without copying them: later writes to the array show in the column.
     * Tablesaw's public factory {@code LongColumn.create(name, long[])} copies the array, which for a reader that
     * decodes straight into arrays is one more allocation, zeroing and copy per value; this one uses Tablesaw's own
     * (private) wrapping constructor, and copies only when that constructor is not there (another Tablesaw version).
     * {@link Long#MIN_VALUE} is Tablesaw's missing value.
     * <pre>{@code
     * LongColumn openTime = Columns.longColumn("open_time", decodedMillis);
     * }</pre>
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static LongColumn longColumn(String name, long[] values) {
        if (LONG_COLUMN_OVER_LIST != null) {
            try {
                return (LongColumn) LONG_COLUMN_OVER_LIST.invokeExact(name, LongArrayList.wrap(values));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Tablesaw's LongColumn constructor failed for column '" + name + "'", e);
            }
        }
        return LongColumn.create(name, values);
    }

    private static MethodHandle longColumnOverList() {
        try {
            return MethodHandles.privateLookupIn(LongColumn.class, MethodHandles.lookup()).findConstructor(
                    LongColumn.class, MethodType.methodType(void.class, String.class, LongArrayList.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A boolean column from primitive values.
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static BooleanColumn booleanColumn(String name, boolean[] values) {
        return BooleanColumn.create(name, values);
    }

    /**
     * Joins name parts with single underscores, writing numbers the qlir way: integral values without a fraction,
     * a decimal point as {@code p} ({@code 2.5 -> 2p5}, {@code 0.001 -> 0p001}).
     *
     * @param parts strings and numbers, for example {@code "close", "sma", 14}
     * @return the column name, for example {@code close_sma_14}
     */
    public static String name(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(p instanceof Number n ? number(n) : String.valueOf(p));
        }
        return sb.toString();
    }

    /**
     * Writes a number as it appears in a column name: {@code 2.0 -> 2}, {@code 2.5 -> 2p5}, {@code -1 -> m1}.
     *
     * @param n the number
     * @return its name form
     */
    public static String number(Number n) {
        String s;
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } else {
            s = n.toString();
        }
        return s.replace('.', 'p').replace("-", "m").toLowerCase(Locale.ROOT);
    }

    private static java.util.List<String> numericNames(Table table) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?>) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** A column an op reads is not in its table; {@link Op#apply(Table)} adds the op to the message. */
    static final class MissingColumnException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        final String column;
        final java.util.List<String> present;

        MissingColumnException(String column, java.util.List<String> present) {
            super("column '" + column + "' not found; the table has columns " + present);
            this.column = column;
            this.present = java.util.List.copyOf(present);
        }
    }

    /** A DoubleColumn over a caller's array, so that writing a result never copies it. */
    static final class WrappedDoubleColumn extends DoubleColumn {
        WrappedDoubleColumn(String name, double[] values) {
            super(name, DoubleArrayList.wrap(values));
        }

        double[] elements() {
            return data.size() == data.elements().length ? data.elements() : data.toDoubleArray();
        }
    }
}
