package io.qlir.bench.endtoend;

import io.qlir.bench.CpuTimeProfiler;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.ops.pipeline.SeriesBatch;
import io.qlir.ops.pipeline.SeriesResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * End to end, qlir against DuckDB in the same run (issue 15): read {@link EndToEndFixture}'s Parquet dataset (20
 * series × 525,000 one-minute candles) and compute, per series, SMA 5/10/20/50/100/200, Bollinger 20/2 and ARP 14
 * ({@link EndToEndWork}), the result kept in memory: qlir's tables, DuckDB's materialized table. Single-shot, one
 * fork, explicit heap; the score is milliseconds per run. The auxiliary counter {@code processCpuMs} is the process's
 * CPU time per run from the operating system (every thread: DuckDB's native workers, the pool's threads after they
 * ended, and the JVM's GC and JIT too, as {@code CpuTimeProfiler}'s {@code process.cpu.ns/op} counts them, here per
 * run); JMH prints it per iteration (one run each) and sums it over the measured iterations in its summary table.
 *
 * <ul>
 *   <li>{@code qlir}: every series on a pool of all cores (one task per series).</li>
 *   <li>{@code qlirOneThread}: the same work on one thread (the parallel run's speed-up is its ratio to this).</li>
 *   <li>{@code duckdb}: one {@code CREATE TABLE ... AS SELECT} with window functions, DuckDB's default threads.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EndToEndBenchmark {

    private static final String TABLE = "features";

    private Path root;
    private List<SliceSeries> series;
    private Connection duck;

    /**
     * Builds the fixture once and opens DuckDB (in memory, default threads).
     *
     * @throws IOException when the fixture cannot be written
     * @throws SQLException when DuckDB cannot start
     */
    @Setup
    public void setUp() throws IOException, SQLException {
        root = EndToEndFixture.ensure(EndToEndFixture.root(), EndToEndFixture.SERIES, EndToEndFixture.SLICES,
                EndToEndFixture.ANCHOR);
        series = EndToEndFixture.series(EndToEndFixture.SERIES);
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    /**
     * Drops DuckDB's table of the previous run, so no run pays for freeing the last one's result.
     *
     * @throws SQLException when the statement fails
     */
    @Setup(Level.Invocation)
    public void dropTable() throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        System.gc();
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

    /**
     * The process's CPU time per run, beside the wall-clock score. JMH prints an {@code EVENTS} counter summed over
     * the measured iterations: divide by their number for the CPU of one run.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU time of the whole process during the run, milliseconds. */
        public double processCpuMs;
        /** Rows of the result. */
        public double rows;
        private long start;

        /** Resets the counters before each run. */
        @Setup(Level.Invocation)
        public void start() {
            processCpuMs = 0;
            rows = 0;
            start = CpuTimeProfiler.processCpuNanos();
        }

        void stop(long resultRows) {
            processCpuMs = (CpuTimeProfiler.processCpuNanos() - start) / 1e6;
            rows = resultRows;
            if (resultRows != EndToEndFixture.CANDLES) {
                throw new IllegalStateException("result has " + resultRows + " rows, expected "
                        + EndToEndFixture.CANDLES);
            }
        }
    }

    /**
     * qlir on every core: one task per series.
     *
     * @param cpu the counters
     * @return the tables
     */
    @Benchmark
    public List<Table> qlir(Cpu cpu) {
        List<Table> out = perSeries(series, Runtime.getRuntime().availableProcessors());
        cpu.stop(rows(out));
        return out;
    }

    /**
     * The same work on one thread.
     *
     * @param cpu the counters
     * @return the tables
     */
    @Benchmark
    public List<Table> qlirOneThread(Cpu cpu) {
        List<Table> out = perSeries(series, 1);
        cpu.stop(rows(out));
        return out;
    }

    /**
     * DuckDB: one SQL statement materializing the candles and the derived columns.
     *
     * @param cpu the counters
     * @return the result's row count
     * @throws SQLException when the statement fails
     */
    @Benchmark
    public long duckdb(Cpu cpu) throws SQLException {
        long rows;
        try (Statement s = duck.createStatement()) {
            s.execute(EndToEndWork.duckDbSql(root, TABLE));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        cpu.stop(rows);
        return rows;
    }

    private static long rows(List<Table> tables) {
        long n = 0;
        for (Table t : tables) {
            n += t.rowCount();
        }
        return n;
    }

    /**
     * The qlir side's per-series parallelism, in one place: a plain pool over the series. qlir-ops' many-series API
     * replaces this body with one call once it exists.
     */
    private List<Table> perSeries(List<SliceSeries> all, int threads) {
        Map<String, SliceSeries> byName = new LinkedHashMap<>();
        for (SliceSeries s : all) {
            byName.put(s.symbol(), s);
        }
        SeriesBatch batch = SeriesBatch.builder(EndToEndWork.PIPELINE).threads(threads).build();
        List<Table> out = new ArrayList<>();
        try {
            for (SeriesResult r : batch.apply(List.copyOf(byName.keySet()),
                    name -> EndToEndWork.load(root, byName.get(name)))) {
                if (r instanceof SeriesResult.Failed f) {
                    throw new IllegalStateException(f.describe(), f.cause());
                }
                out.add(((SeriesResult.Done) r).derived().table());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return out;
    }
}
