package io.qlir.bench.loader;

import io.qlir.binance.load.CandleLoader;
import io.qlir.parquet.MonthFile;
import io.qlir.parquet.ParquetDataset;
import io.qlir.parquet.ParquetLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * Reading the Parquet dataset ({@link ParquetFixture}: two million one-minute candles in 46 month files) against
 * peers in the same run: qlir's month reader into candle {@code Table}s, the loader with the dataset (every month
 * sealed) and without it (JSON slice files), and DuckDB's JDBC driver reading the same files into Java arrays. The
 * score is nanoseconds per candle (candles/s = 1e9 / score).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ParquetReadBenchmark {

    private Path root;
    private List<MonthFile> months;
    private Connection duck;

    /**
     * Builds the fixture once and opens DuckDB.
     *
     * @throws IOException when the files cannot be written
     * @throws SQLException when DuckDB cannot start
     */
    @Setup
    public void setUp() throws IOException, SQLException {
        root = ParquetFixture.ensure();
        months = ParquetDataset.months(root, ParquetFixture.series());
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET threads TO 1");
        }
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException when closing fails
     */
    @TearDown
    public void tearDown() throws SQLException {
        duck.close();
    }

    private static void check(long rows) {
        if (rows != ParquetFixture.CANDLES) {
            throw new IllegalStateException("read " + rows + " candles, expected " + ParquetFixture.CANDLES);
        }
    }

    /**
     * qlir's reader: every month file into a candle table.
     *
     * @return the candles read
     * @throws IOException when a file cannot be read
     */
    @Benchmark
    @OperationsPerInvocation(ParquetFixture.CANDLES)
    public long qlirMonthsToTables() throws IOException {
        long rows = 0;
        for (MonthFile m : months) {
            rows += ParquetDataset.readMonth(m.file()).rowCount();
        }
        check(rows);
        return rows;
    }

    /**
     * The loader with the dataset: sealed months from Parquet into one table (the fast path of Binance.load).
     *
     * @return the table
     */
    @Benchmark
    @OperationsPerInvocation(ParquetFixture.CANDLES)
    public Table loaderWithDataset() {
        Table t = loader().load().candles();
        check(t.rowCount());
        return t;
    }

    /**
     * The loader from the JSON slice files alone.
     *
     * @return the table
     */
    @Benchmark
    @OperationsPerInvocation(ParquetFixture.CANDLES)
    public Table loaderSlicesOnly() {
        Table t = loader().dataset(false).load().candles();
        check(t.rowCount());
        return t;
    }

    private CandleLoader loader() {
        return CandleLoader.of(root, ParquetFixture.series()).clock(Clock.fixed(LoaderFixture.NOW, ZoneOffset.UTC));
    }

    /**
     * The peer: DuckDB (one thread) reads the same files into eleven Java arrays through JDBC.
     *
     * @return the candles read
     * @throws SQLException when the query fails
     */
    @Benchmark
    @OperationsPerInvocation(ParquetFixture.CANDLES)
    public long duckDbJdbcToArrays() throws SQLException {
        int n = ParquetFixture.CANDLES;
        long[] openTime = new long[n];
        long[] closeTime = new long[n];
        long[] trades = new long[n];
        double[][] d = new double[8][n];
        String glob = ParquetLayout.seriesDirectory(root, ParquetFixture.series()).toString() + "/*/*.parquet";
        int i = 0;
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT epoch_ms(open_time), open, high, low, close, volume,"
                     + " epoch_ms(close_time), quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume"
                     + " FROM read_parquet('" + glob + "')")) {
            while (rs.next()) {
                openTime[i] = rs.getLong(1);
                d[0][i] = rs.getDouble(2);
                d[1][i] = rs.getDouble(3);
                d[2][i] = rs.getDouble(4);
                d[3][i] = rs.getDouble(5);
                d[4][i] = rs.getDouble(6);
                closeTime[i] = rs.getLong(7);
                d[5][i] = rs.getDouble(8);
                trades[i] = rs.getLong(9);
                d[6][i] = rs.getDouble(10);
                d[7][i] = rs.getDouble(11);
                i++;
            }
        }
        check(i);
        return openTime[n - 1] + closeTime[n - 1] + trades[n - 1];
    }
}
