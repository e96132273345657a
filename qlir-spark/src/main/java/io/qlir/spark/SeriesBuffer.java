package io.qlir.spark;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.parquet.ParquetDataset;
import io.qlir.parquet.ParquetLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.hadoop.ParquetInputFormat;
import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.execution.datasources.parquet.VectorizedParquetRecordReader;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The candles of one series on an executor, as the primitive arrays a qlir table is made of, in
 * {@link Candles#COLUMNS} order. Month files are appended in month order: qlir's own month files
 * ({@code candles.parquet}, as {@code qlir agg} writes them) through qlir-parquet's reader, which decodes them straight
 * into primitive arrays several times faster than Spark's; any other Parquet file (a dataset Spark wrote) through
 * Spark's own vectorized reader (column batches read with primitive getters: no row object per candle; every encoding
 * Spark reads). A month whose rows are out of order (several files) is sorted alone; months never
 * overlap. Chunks are cut from it as copies, and the rows before a chunk's halo are dropped as the task moves on.
 */
final class SeriesBuffer {

    /** Rows per Parquet column batch. */
    static final int BATCH_ROWS = 4096;
    private static final int COLS = Candles.COLUMNS.size();
    private static final boolean[] LONG = new boolean[COLS];

    static {
        for (int c = 0; c < COLS; c++) {
            LONG[c] = Candles.LONG_COLUMNS.contains(Candles.COLUMNS.get(c));
        }
    }

    /** One chunk: its arrays (one per candle column: {@code long[]} or {@code double[]}) and the table over them. */
    record Cut(Object[] columns, Table table) {
    }

    /** Hadoop's defaults, parsed once per JVM: parsing them per month file cost more than reading the file. */
    private static Configuration defaults;

    private final Object[] columns = new Object[COLS];
    private final Configuration conf;
    private int size;

    /**
     * An empty buffer that reads month files as Spark types {@code read} (from {@link #requireColumns}).
     */
    SeriesBuffer(StructType read) {
        conf = new Configuration(defaults());
        conf.set(ParquetInputFormat.READ_SUPPORT_CLASS, ParquetReadSupport.class.getName());
        conf.set(ParquetReadSupport.SPARK_ROW_REQUESTED_SCHEMA(), read.json());
        for (ConfigEntry<?> off : List.of(SQLConf.PARQUET_BINARY_AS_STRING(), SQLConf.PARQUET_INT96_AS_TIMESTAMP(),
                SQLConf.CASE_SENSITIVE(), SQLConf.PARQUET_INFER_TIMESTAMP_NTZ_ENABLED(),
                SQLConf.LEGACY_PARQUET_NANOS_AS_LONG())) {
            conf.setBoolean(off.key(), false);
        }
        for (int c = 0; c < COLS; c++) {
            columns[c] = LONG[c] ? new long[BATCH_ROWS] : new double[BATCH_ROWS];
        }
    }

    int size() {
        return size;
    }

    long openTime(int row) {
        return ((long[]) columns[0])[row];
    }

    /**
     * Appends one month: its files in the order given, then sorts the month's rows by open time if they are not.
     *
     * @throws IllegalStateException when the month begins at or before the end of the month before it
     */
    void appendMonth(List<String> files) {
        int start = size;
        for (String f : files) {
            appendFile(f);
        }
        if (!sorted(start)) {
            sort(start);
        }
        if (start > 0 && size > start && openTime(start) <= openTime(start - 1)) {
            throw new IllegalStateException("the month " + files + " begins at open time " + openTime(start)
                    + ", not after the month before it ends (" + openTime(start - 1) + "); a series folder of qlir's "
                    + "dataset holds disjoint months; derive other data with QlirSpark.derive");
        }
    }

    private static synchronized Configuration defaults() {
        if (defaults == null) {
            defaults = new Configuration();
            defaults.size();   // parses the default resources now, once
        }
        return defaults;
    }

    /**
     * Checks on the driver, before any task runs, that a file holds every candle column, and says as which Spark
     * types they read (the tasks ask for the same).
     *
     * @return the candle columns with their Spark types, in {@link Candles#COLUMNS} order
     * @throws IllegalArgumentException naming the file, the columns needed and the error
     */
    static StructType requireColumns(String file) {
        VectorizedParquetRecordReader reader = new VectorizedParquetRecordReader(false, BATCH_ROWS);
        try {
            reader.initialize(file, Candles.COLUMNS);
            ColumnarBatch batch = reader.resultBatch();
            StructType out = new StructType();
            for (int c = 0; c < COLS; c++) {
                out = out.add(Candles.COLUMNS.get(c), batch.column(c).dataType(), true);
            }
            return out;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot read the candle columns " + Candles.COLUMNS + " of " + file
                    + ": " + e.getMessage() + "; qlir-spark derives qlir's dataset (docs/data-layout.md)", e);
        } finally {
            close(reader);
        }
    }

    private static void close(VectorizedParquetRecordReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }

    private void appendFile(String file) {
        if (ParquetLayout.FILE_NAME.equals(java.nio.file.Path.of(file).getFileName().toString())) {
            appendQlirMonth(file);
            return;
        }
        VectorizedParquetRecordReader reader = new VectorizedParquetRecordReader(false, BATCH_ROWS);
        try {
            Path path = new Path(file);
            long length = path.getFileSystem(conf).getFileStatus(path).getLen();
            reader.initialize(new FileSplit(path, 0, length, new String[0]),
                    new TaskAttemptContextImpl(conf, new TaskAttemptID()));
            ColumnarBatch batch = reader.resultBatch();
            while (reader.nextBatch()) {
                append(batch, file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException(new IOException("cannot read the candle columns " + Candles.COLUMNS
                    + " of " + file + ": " + e.getMessage(), e));
        } finally {
            close(reader);
        }
    }

    /**
     * A month file as {@code qlir agg} writes it, through qlir-parquet's own reader: on qlir's layout it decodes
     * several times faster than Spark's vectorized reader, which also widens times to microseconds and back.
     */
    private void appendQlirMonth(String file) {
        Table month;
        try {
            month = ParquetDataset.readMonth(java.nio.file.Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() + "; qlir-spark reads a month file named "
                    + ParquetLayout.FILE_NAME + " as qlir's layout (docs/data-layout.md)", e);
        }
        int n = month.rowCount();
        ensure(size + n);
        for (int c = 0; c < COLS; c++) {
            String name = Candles.COLUMNS.get(c);
            if (LONG[c]) {
                LongColumn from = (LongColumn) month.column(name);
                long[] to = (long[]) columns[c];
                for (int i = 0; i < n; i++) {
                    to[size + i] = from.getLong(i);
                }
            } else {
                System.arraycopy(Columns.doubles(month, name), 0, columns[c], size, n);
            }
        }
        size += n;
    }

    private void append(ColumnarBatch batch, String file) {
        int n = batch.numRows();
        ensure(size + n);
        for (int c = 0; c < COLS; c++) {
            ColumnVector v = batch.column(c);
            if (LONG[c]) {
                appendLongs(v, (long[]) columns[c], n, c, file);
            } else {
                appendDoubles(v, (double[]) columns[c], n, c, file);
            }
        }
        size += n;
    }

    private void appendLongs(ColumnVector v, long[] to, int n, int c, String file) {
        if (v.hasNull()) {
            throw new IllegalArgumentException("column '" + Candles.COLUMNS.get(c) + "' of " + file + " holds nulls; "
                    + "candle times and trade counts must be present in every row");
        }
        DataType t = v.dataType();
        if (t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = Math.floorDiv(v.getLong(i), 1000L);
            }
        } else if (t == DataTypes.LongType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = v.getLong(i);
            }
        } else if (t == DataTypes.IntegerType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = v.getInt(i);
            }
        } else {
            throw wrongType(c, t, file, "a timestamp or a whole number (epoch milliseconds for times)");
        }
    }

    private void appendDoubles(ColumnVector v, double[] to, int n, int c, String file) {
        DataType t = v.dataType();
        if (t == DataTypes.DoubleType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = v.getDouble(i);
            }
        } else if (t == DataTypes.FloatType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = v.getFloat(i);
            }
        } else if (t == DataTypes.LongType) {
            for (int i = 0; i < n; i++) {
                to[size + i] = v.getLong(i);
            }
        } else {
            throw wrongType(c, t, file, "DOUBLE");
        }
        if (v.hasNull()) {
            for (int i = 0; i < n; i++) {
                if (v.isNullAt(i)) {
                    to[size + i] = Double.NaN;
                }
            }
        }
    }

    private static IllegalArgumentException wrongType(int c, DataType t, String file, String want) {
        return new IllegalArgumentException("column '" + Candles.COLUMNS.get(c) + "' of " + file + " is "
                + t.simpleString() + "; it must be " + want);
    }

    /**
     * Copies rows {@code [from, to)} into a candle table of their own (the ops keep references to its arrays).
     *
     * @return the arrays and the table
     */
    Cut cut(int from, int to) {
        Object[] out = new Object[COLS];
        Column<?>[] cols = new Column<?>[COLS];
        for (int c = 0; c < COLS; c++) {
            String name = Candles.COLUMNS.get(c);
            if (LONG[c]) {
                long[] a = Arrays.copyOfRange((long[]) columns[c], from, to);
                out[c] = a;
                cols[c] = Columns.longColumn(name, a);
            } else {
                double[] a = Arrays.copyOfRange((double[]) columns[c], from, to);
                out[c] = a;
                cols[c] = Columns.doubleColumn(name, a);
            }
        }
        return new Cut(out, Table.create("candles", cols));
    }

    /** Drops the rows before {@code row}; row {@code row} becomes row 0. */
    void dropBefore(int row) {
        if (row <= 0) {
            return;
        }
        for (int c = 0; c < COLS; c++) {
            System.arraycopy(columns[c], row, columns[c], 0, size - row);
        }
        size -= row;
    }

    private void ensure(int rows) {
        int cap = LONG[0] ? ((long[]) columns[0]).length : 0;
        if (rows <= cap) {
            return;
        }
        int next = Math.max(rows, cap * 2);
        for (int c = 0; c < COLS; c++) {
            columns[c] = LONG[c] ? Arrays.copyOf((long[]) columns[c], next) : Arrays.copyOf((double[]) columns[c], next);
        }
    }

    private boolean sorted(int from) {
        long[] t = (long[]) columns[0];
        for (int i = from + 1; i < size; i++) {
            if (t[i] <= t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Sorts rows {@code [from, size)} by open time (stable; only for months whose files interleave). */
    private void sort(int from) {
        long[] t = (long[]) columns[0];
        int[] order = IntStream.range(from, size).boxed().sorted((a, b) -> Long.compare(t[a], t[b]))
                .mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < COLS; c++) {
            if (LONG[c]) {
                long[] a = (long[]) columns[c];
                long[] copy = Arrays.copyOfRange(a, from, size);
                for (int i = 0; i < order.length; i++) {
                    a[from + i] = copy[order[i] - from];
                }
            } else {
                double[] a = (double[]) columns[c];
                double[] copy = Arrays.copyOfRange(a, from, size);
                for (int i = 0; i < order.length; i++) {
                    a[from + i] = copy[order[i] - from];
                }
            }
        }
    }
}
