package io.qlir.spark;

import io.qlir.core.Candles;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;

/**
 * One {@code local[2]} Spark session for the test JVM (Spark takes seconds to start here), bound to 127.0.0.1, and
 * candle tables as Spark rows with the Parquet dataset's types (times as timestamps).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().appName("qlir-spark-tests").master("local[2]")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("symbol", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("interval", DataTypes.StringType, false));
        for (String c : Candles.COLUMNS) {
            DataType t = c.equals(Candles.TRADES) ? DataTypes.LongType
                    : Candles.LONG_COLUMNS.contains(c) ? DataTypes.TimestampType : DataTypes.DoubleType;
            fields.add(DataTypes.createStructField(c, t, false));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    static List<Row> rows(Table candles, String symbol, String interval) {
        List<Row> rows = new ArrayList<>();
        long[] open = candles.longColumn(Candles.OPEN_TIME).asLongArray();
        long[] close = candles.longColumn(Candles.CLOSE_TIME).asLongArray();
        long[] trades = candles.longColumn(Candles.TRADES).asLongArray();
        for (int r = 0; r < candles.rowCount(); r++) {
            rows.add(RowFactory.create(symbol, interval, new Timestamp(open[r]), d(candles, Candles.OPEN, r),
                    d(candles, Candles.HIGH, r), d(candles, Candles.LOW, r), d(candles, Candles.CLOSE, r),
                    d(candles, Candles.VOLUME, r), new Timestamp(close[r]), d(candles, Candles.QUOTE_VOLUME, r),
                    trades[r], d(candles, Candles.TAKER_BUY_BASE_VOLUME, r),
                    d(candles, Candles.TAKER_BUY_QUOTE_VOLUME, r)));
        }
        return rows;
    }

    static Dataset<Row> dataset(List<Row> rows) {
        return session().createDataFrame(rows, schema());
    }

    private static double d(Table t, String column, int row) {
        return t.doubleColumn(column).getDouble(row);
    }
}
