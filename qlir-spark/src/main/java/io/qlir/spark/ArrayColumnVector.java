package io.qlir.spark;

import io.qlir.core.Columns;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Spark column over qlir's own arrays, read in place from row {@code offset} on: Spark's {@code ColumnarToRow}
 * reads the values straight from the derived table, so no row object is built per candle. The kinds: a constant
 * string (a series key), a double array, epoch milliseconds shown as Spark's timestamp (microseconds), and any other
 * Tablesaw column qlir-spark carries (missing values are nulls). Never closes anything: the arrays belong to the chunk.
 */
abstract class ArrayColumnVector extends ColumnVector {

    private ArrayColumnVector(DataType type) {
        super(type);
    }

    /** The same string on every row. */
    static ArrayColumnVector constant(String value) {
        UTF8String s = UTF8String.fromString(value);
        return new ArrayColumnVector(DataTypes.StringType) {
            @Override
            public UTF8String getUTF8String(int rowId) {
                return s;
            }
        };
    }

    /** Doubles from {@code values[offset]} on; NaN stays a value (qlir's missing), never a null. */
    static ArrayColumnVector doubles(double[] values, int offset) {
        return new ArrayColumnVector(DataTypes.DoubleType) {
            @Override
            public double getDouble(int rowId) {
                return values[offset + rowId];
            }
        };
    }

    /** Epoch milliseconds from {@code values[offset]} on, as Spark timestamps (microseconds since the epoch). */
    static ArrayColumnVector timestamps(long[] millis, int offset) {
        return new ArrayColumnVector(DataTypes.TimestampType) {
            @Override
            public long getLong(int rowId) {
                return millis[offset + rowId] * 1000L;
            }
        };
    }

    /** Longs from {@code values[offset]} on. */
    static ArrayColumnVector longs(long[] values, int offset) {
        return new ArrayColumnVector(DataTypes.LongType) {
            @Override
            public long getLong(int rowId) {
                return values[offset + rowId];
            }
        };
    }

    /** The table's column {@code name}, of any type qlir-spark carries ({@link RowSemantics#sparkType}). */
    static ArrayColumnVector of(Table table, String name, DataType type, int offset) {
        Column<?> column = table.column(name);
        if (column instanceof DoubleColumn) {
            return doubles(Columns.doubles(table, name), offset);
        }
        return new ArrayColumnVector(type) {
            @Override
            public boolean hasNull() {
                return column.countMissing() > 0;
            }

            @Override
            public boolean isNullAt(int rowId) {
                return column.isMissing(offset + rowId);
            }

            @Override
            public float getFloat(int rowId) {
                return ((FloatColumn) column).getFloat(offset + rowId);
            }

            @Override
            public long getLong(int rowId) {
                return ((LongColumn) column).getLong(offset + rowId);
            }

            @Override
            public int getInt(int rowId) {
                return ((IntColumn) column).getInt(offset + rowId);
            }

            @Override
            public short getShort(int rowId) {
                return ((ShortColumn) column).getShort(offset + rowId);
            }

            @Override
            public boolean getBoolean(int rowId) {
                return ((BooleanColumn) column).get(offset + rowId);
            }

            @Override
            public UTF8String getUTF8String(int rowId) {
                return UTF8String.fromString(column.getString(offset + rowId));
            }
        };
    }

    @Override
    public void close() {
        // the arrays belong to the chunk, which the garbage collector frees
    }

    @Override
    public boolean hasNull() {
        return false;
    }

    @Override
    public int numNulls() {
        return hasNull() ? -1 : 0;
    }

    @Override
    public boolean isNullAt(int rowId) {
        return false;
    }

    @Override
    public boolean getBoolean(int rowId) {
        throw unsupported("boolean");
    }

    @Override
    public byte getByte(int rowId) {
        throw unsupported("byte");
    }

    @Override
    public short getShort(int rowId) {
        throw unsupported("short");
    }

    @Override
    public int getInt(int rowId) {
        throw unsupported("int");
    }

    @Override
    public long getLong(int rowId) {
        throw unsupported("long");
    }

    @Override
    public float getFloat(int rowId) {
        throw unsupported("float");
    }

    @Override
    public double getDouble(int rowId) {
        throw unsupported("double");
    }

    @Override
    public ColumnarArray getArray(int rowId) {
        throw unsupported("array");
    }

    @Override
    public ColumnarMap getMap(int rowId) {
        throw unsupported("map");
    }

    @Override
    public Decimal getDecimal(int rowId, int precision, int scale) {
        throw unsupported("decimal");
    }

    @Override
    public UTF8String getUTF8String(int rowId) {
        throw unsupported("string");
    }

    @Override
    public byte[] getBinary(int rowId) {
        throw unsupported("binary");
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        throw unsupported("struct");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("a qlir column of Spark type " + dataType().simpleString()
                + " has no " + what + " values");
    }
}
