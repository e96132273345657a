package io.qlir.parquet;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Candle columns as primitive arrays, indexed like {@link Candles#COLUMNS}: a {@code long[]} for the long
 * columns, a {@code double[]} for the others. The writer reads rows from them, the reader fills them, and
 * {@link #table} wraps them into a candle table without a copy.
 */
final class CandleColumns {

    final int size;
    final long[][] longs = new long[Candles.COLUMNS.size()][];
    final double[][] doubles = new double[Candles.COLUMNS.size()][];

    CandleColumns(int size) {
        this.size = size;
        allocateAll();
    }

    /**
     * Columns of {@code size} rows with no arrays yet: a reader {@link #allocate}s each just before filling it, so the
     * array is still in the core's cache from its zeroing when the values are written (all eleven at once would
     * not fit, and every value would be written twice to memory further away).
     */
    static CandleColumns unallocated(int size) {
        return new CandleColumns(0, size);
    }

    /** Gives every column without an array its array. */
    void allocateAll() {
        for (int c = 0; c < Candles.COLUMNS.size(); c++) {
            allocate(c);
        }
    }

    /** Gives column {@code c} its array of {@link #size} values, unless it has one. */
    void allocate(int c) {
        if (CandleSchema.isLong(c)) {
            if (longs[c] == null) {
                longs[c] = new long[size];
            }
        } else if (doubles[c] == null) {
            doubles[c] = new double[size];
        }
    }

    /** Views a candle table's columns (the doubles are the table's own arrays when it wraps them). */
    static CandleColumns of(Table candles) {
        CandleColumns out = new CandleColumns(0, candles.rowCount());
        for (int c = 0; c < Candles.COLUMNS.size(); c++) {
            String name = Candles.COLUMNS.get(c);
            if (CandleSchema.isLong(c)) {
                Column<?> col = Columns.require(candles, name);
                if (!(col instanceof LongColumn l)) {
                    throw new IllegalArgumentException("column '" + name + "' is " + col.type().name()
                            + ", not LONG; valid: a candle table in qlir-core's schema (Candles.COLUMNS)");
                }
                out.longs[c] = l.asLongArray();
            } else {
                out.doubles[c] = Columns.doubles(candles, name);
            }
        }
        return out;
    }

    private CandleColumns(int unused, int size) {
        this.size = size;
    }

    /** The first row whose open time is at or after a time (binary search; rows are sorted by open time). */
    int firstAtOrAfter(long openMs) {
        long[] t = longs[0];
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < openMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A candle table over rows {@code [0, rows)} of these arrays. */
    Table table(String name, int rows) {
        Column<?>[] cols = new Column<?>[Candles.COLUMNS.size()];
        for (int c = 0; c < cols.length; c++) {
            String col = Candles.COLUMNS.get(c);
            if (CandleSchema.isLong(c)) {
                long[] v = longs[c];
                cols[c] = Columns.longColumn(col, rows == v.length ? v : java.util.Arrays.copyOf(v, rows));
            } else {
                double[] v = doubles[c];
                cols[c] = Columns.doubleColumn(col, rows == v.length ? v : java.util.Arrays.copyOf(v, rows));
            }
        }
        return Table.create(name, cols);
    }
}
