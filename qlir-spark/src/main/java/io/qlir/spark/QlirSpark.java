package io.qlir.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;

import io.qlir.core.Candles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * qlir ops on Spark: the same ops, the same column names and the same values as on one machine, computed per series
 * ({@code symbol}, {@code interval}, and {@code endpoint} when present) in {@code open_time} order.
 *
 * <p>Each series (or each chunk of one, see {@link DerivePlan}) becomes a qlir candle table on an executor, the ops
 * apply there, and the rows come back with the new columns appended. The candles must hold every column of qlir's
 * candle schema ({@code open_time} … {@code taker_buy_quote_volume}, times as timestamps or epoch milliseconds) plus
 * {@code symbol} and {@code interval}; other columns pass through unchanged.
 * <pre>{@code
 * Dataset<Row> candles = spark.read().parquet("parquet/binance");
 * Dataset<Row> derived = QlirSpark.derive(candles, "sma(close,14); ema(close,12)");
 * System.out.println(QlirSpark.plan("sma(close,14); ema(close,12)", QlirSpark.DEFAULT_CHUNK_ROWS).explain());
 * }</pre>
 */
public final class QlirSpark {

    /** The rows per chunk when none is given: large enough that halos cost little, small enough to spread a series. */
    public static final int DEFAULT_CHUNK_ROWS = 100_000;

    /** The columns that name a series; {@code endpoint} joins them when the candles have it. */
    public static final List<String> SERIES_KEYS = List.of("symbol", "interval");

    static final String ENDPOINT = "endpoint";
    private static final String CHUNK = "_qlir_chunk";
    private static final String HOME = "_qlir_home";
    private static final String ROW = "_qlir_row";
    private static final String KEEP = "_qlir_keep";

    private QlirSpark() {
    }

    /**
     * Derives with chunks of {@link #DEFAULT_CHUNK_ROWS} rows where the ops allow it.
     *
     * @param candles candle rows of one or more series
     * @param ops ops in the op language, for example {@code sma(close,14); ema(close,12)}
     * @return the candles plus the derived columns, named as qlir names them
     * @throws IllegalArgumentException for ops that do not parse, or candles without a needed column
     */
    public static Dataset<Row> derive(Dataset<Row> candles, String ops) {
        return derive(candles, plan(ops, DEFAULT_CHUNK_ROWS));
    }

    /**
     * Plans how ops split, from their row semantics, without reading data.
     *
     * @param ops ops in the op language
     * @param chunkRows the rows per chunk when the ops allow chunks, at least 1
     * @return the plan; {@link DerivePlan#explain()} says which ops chunk with which halo, which run per series, why
     * @throws IllegalArgumentException for ops that do not parse or cannot run on candles
     */
    public static DerivePlan plan(String ops, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        return RowSemantics.plan(ops, chunkRows);
    }

    /**
     * Derives as a plan says.
     *
     * @param candles candle rows of one or more series
     * @param plan from {@link #plan(String, int)}
     * @return the candles plus the derived columns
     * @throws IllegalArgumentException for candles without a needed column, or with a column the ops would add
     */
    public static Dataset<Row> derive(Dataset<Row> candles, DerivePlan plan) {
        StructType in = candles.schema();
        List<String> keys = seriesKeys(in);
        checkColumns(in, plan);
        Dataset<Row> tagged = plan.chunked() ? chunked(candles, keys, plan) : candles
                .withColumn(CHUNK, lit(0L)).withColumn(KEEP, lit(true));
        List<Column> group = new ArrayList<>();
        keys.forEach(k -> group.add(col(k)));
        group.add(col(CHUNK));
        List<Column> order = new ArrayList<>(group);
        order.add(col(Candles.OPEN_TIME));
        Dataset<Row> sorted = tagged.repartition(group.toArray(new Column[0]))
                .sortWithinPartitions(order.toArray(new Column[0]));
        return mapRuns(sorted, in, keys, plan);
    }

    /**
     * Derives one endpoint folder of qlir's dataset ({@code <endpoint>/symbol=S/interval=I/month=M/*.parquet},
     * docs/data-layout.md) through {@link QlirDeriveSource}: one task per series folder reads its month files in month
     * order (each is sorted, so no sort and no shuffle; qlir's month files with qlir-parquet's reader, any other with
     * Spark's vectorized one) straight into a qlir candle table, and hands Spark the derived columns as column batches over qlir's arrays (no row object per
     * candle). The task takes the series whole when an op reads all earlier rows, or, when every op is bounded,
     * streams it in chunks of the plan's chunk rows, each after its halo; {@link DerivePlan#explainFolders()} says
     * which. For any other input, use {@link #derive(Dataset, DerivePlan)}.
     * <pre>{@code
     * Dataset<Row> derived = QlirSpark.deriveDataset(spark, Path.of("data/parquet/binance/klines"),
     *         QlirSpark.plan("sma(close,14); rsi(close,14)", QlirSpark.DEFAULT_CHUNK_ROWS));
     * }</pre>
     *
     * @param spark the session
     * @param endpoint an endpoint folder, for example {@code data/parquet/binance/klines}
     * @param plan from {@link #plan(String, int)}
     * @return {@code symbol}, {@code interval}, the candle columns (times as timestamps) and the derived columns, one
     *     partition per series in open-time order
     * @throws IllegalArgumentException when the folder holds no series folder with Parquet files, or lacks a column
     */
    public static Dataset<Row> deriveDataset(SparkSession spark, Path endpoint, DerivePlan plan) {
        return spark.read().format(QlirDeriveSource.class.getName()).option(QlirDeriveSource.OPS, plan.opsText())
                .option(QlirDeriveSource.CHUNK_ROWS, plan.chunkRows()).load(endpoint.toString());
    }

    /** Runs the deriver over partitions already sorted by (series key, chunk, open time). */
    private static Dataset<Row> mapRuns(Dataset<Row> sorted, StructType in, List<String> keys, DerivePlan plan) {
        return sorted.mapPartitions(deriver(sorted.schema(), in, keys, plan), Encoders.row(outSchema(in, plan)));
    }

    private static ChunkDeriver deriver(StructType schema, StructType in, List<String> keys, DerivePlan plan) {
        return new ChunkDeriver(plan.opsText(), schema.fieldNames(), indexes(schema, keys.size() + 1, keys),
                schema.fieldIndex(KEEP), candleIndexes(schema), passIndexes(schema, in), plan.outputNames());
    }

    private static StructType outSchema(StructType in, DerivePlan plan) {
        List<StructField> outFields = new ArrayList<>(Arrays.asList(in.fields()));
        outFields.addAll(plan.outputs());
        return new StructType(outFields.toArray(new StructField[0]));
    }

    private static Dataset<Row> chunked(Dataset<Row> candles, List<String> keys, DerivePlan plan) {
        Column[] by = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        Column rn = col(ROW);
        long rows = plan.chunkRows();
        return candles.withColumn(ROW, row_number().over(Window.partitionBy(by).orderBy(col(Candles.OPEN_TIME)))
                        .minus(1))
                .withColumn(HOME, floor(rn.divide(lit(rows))))
                .withColumn(CHUNK, explode(sequence(col(HOME),
                        floor(rn.plus(lit((long) plan.halo())).divide(lit(rows))))))
                .withColumn(KEEP, col(CHUNK).equalTo(col(HOME)))
                .drop(HOME, ROW);
    }

    static List<String> seriesKeys(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        List<String> keys = new ArrayList<>(SERIES_KEYS);
        if (names.contains(ENDPOINT)) {
            keys.add(ENDPOINT);
        }
        return keys;
    }

    private static void checkColumns(StructType in, DerivePlan plan) {
        List<String> names = Arrays.asList(in.fieldNames());
        List<String> missing = new ArrayList<>();
        for (String c : SERIES_KEYS) {
            if (!names.contains(c)) {
                missing.add(c);
            }
        }
        for (String c : Candles.COLUMNS) {
            if (!names.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the candles lack " + missing + "; qlir-spark needs " + SERIES_KEYS
                    + " and qlir's candle columns " + Candles.COLUMNS + ", and has " + names);
        }
        List<String> taken = new ArrayList<>(plan.outputNames());
        taken.retainAll(names);
        if (!taken.isEmpty()) {
            throw new IllegalArgumentException("the candles already have " + taken + ", which the ops "
                    + plan.opsText() + " would add; a derived column never overwrites another: drop them first");
        }
    }

    private static int[] indexes(StructType schema, int size, List<String> keys) {
        int[] out = new int[size];
        for (int i = 0; i < keys.size(); i++) {
            out[i] = schema.fieldIndex(keys.get(i));
        }
        out[size - 1] = schema.fieldIndex(CHUNK);
        return out;
    }

    private static int[] candleIndexes(StructType schema) {
        return Candles.COLUMNS.stream().mapToInt(schema::fieldIndex).toArray();
    }

    private static int[] passIndexes(StructType schema, StructType in) {
        return Arrays.stream(in.fieldNames()).mapToInt(schema::fieldIndex).toArray();
    }
}
