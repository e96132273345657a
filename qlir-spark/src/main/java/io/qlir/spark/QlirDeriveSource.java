package io.qlir.spark;

import io.qlir.core.Candles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * qlir's dataset, derived, as a Spark data source: one task per series folder ({@code symbol=S/interval=I}) reads its
 * month files in month order (qlir's own with qlir-parquet's reader, any other with Spark's vectorized one) straight
 * into the arrays of a qlir candle table,
 * applies the ops, and gives Spark the result as column batches over qlir's arrays. No shuffle, no sort, and no row
 * object per candle, either way. {@link QlirSpark#deriveDataset} is the same with a plan; the options are {@code ops}
 * (required, in the op language) and {@code chunkRows} (rows per chunk when every op is bounded, default
 * {@link QlirSpark#DEFAULT_CHUNK_ROWS}); the path is an endpoint folder of the dataset.
 * <pre>{@code
 * Dataset<Row> derived = spark.read().format("qlir-derive").option("ops", "sma(close,14); rsi(close,14)")
 *         .load("data/parquet/binance/klines");
 * }</pre>
 * The columns: {@code symbol}, {@code interval}, qlir's candle columns (times as timestamps), then the derived ones.
 */
public final class QlirDeriveSource implements TableProvider, DataSourceRegister {

    /** The option naming the ops. */
    public static final String OPS = "ops";
    /** The option giving the rows per chunk. */
    public static final String CHUNK_ROWS = "chunkRows";

    /** Made by Spark from the format name; holds nothing. */
    public QlirDeriveSource() {
    }

    /**
     * The name {@code spark.read().format(...)} accepts besides this class's name.
     *
     * @return {@code qlir-derive}
     */
    @Override
    public String shortName() {
        return "qlir-derive";
    }

    /**
     * The columns, from the ops alone (no file is read).
     *
     * @param options the reader's options
     * @return the key and candle columns, then the derived ones
     * @throws IllegalArgumentException when {@code ops} is missing or bad
     */
    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return schema(plan(options));
    }

    /**
     * The table over the endpoint folder in option {@code path}; lists its series folders and checks the first file.
     *
     * @param schema the schema (from {@link #inferSchema})
     * @param partitioning ignored: each series is its own partition
     * @param properties the reader's options, {@code path} included
     * @return the table
     * @throws IllegalArgumentException when {@code path} is missing or holds no series, or the files lack a column
     */
    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
        String path = options.get("path");
        if (path == null) {
            throw new IllegalArgumentException("qlir-derive needs a path: load(\"data/parquet/binance/klines\"), an "
                    + "endpoint folder of qlir's dataset");
        }
        return new DeriveScan(Path.of(path), plan(options));
    }

    static DerivePlan plan(CaseInsensitiveStringMap options) {
        String ops = options.get(OPS);
        if (ops == null) {
            throw new IllegalArgumentException("qlir-derive needs option '" + OPS + "', ops in the op language, for "
                    + "example \"sma(close,14); rsi(close,14)\"");
        }
        String rows = options.getOrDefault(CHUNK_ROWS, String.valueOf(QlirSpark.DEFAULT_CHUNK_ROWS));
        try {
            return QlirSpark.plan(ops, Integer.parseInt(rows.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + CHUNK_ROWS + "' is '" + rows + "'; give a whole number of "
                    + "rows, at least 1", e);
        }
    }

    static StructType schema(DerivePlan plan) {
        List<StructField> fields = new ArrayList<>();
        for (String key : QlirSpark.SERIES_KEYS) {
            fields.add(DataTypes.createStructField(key, DataTypes.StringType, false));
        }
        for (String c : Candles.COLUMNS) {
            DataType t = c.equals(Candles.TRADES) ? DataTypes.LongType
                    : Candles.LONG_COLUMNS.contains(c) ? DataTypes.TimestampType : DataTypes.DoubleType;
            fields.add(DataTypes.createStructField(c, t, false));
        }
        for (StructField f : plan.outputs()) {
            // A double is never null here (qlir's missing is NaN): saying so spares Spark a null check per value.
            fields.add(f.dataType() == DataTypes.DoubleType ? DataTypes.createStructField(f.name(), f.dataType(), false)
                    : f);
        }
        return new StructType(fields.toArray(new StructField[0]));
    }
}
