package io.qlir.bench.sma;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.qlir.bench.BenchmarkSeries;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.ops.indicators.Indicators;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tech.tablesaw.api.Table;

/**
 * SMA of windows {5, 10, 20, 50, 100, 200} over a ten-million-row positive random walk, in nanoseconds per row per
 * window. Every variant produces six fresh, full-length output arrays (as qlir must, since it returns new columns).
 *
 * <ul>
 *   <li>{@code qlirOneCall}: {@code Indicators.sma(t, "close", 5, 10, 20, 50, 100, 200)}, the one-pass path;</li>
 *   <li>{@code qlirSixCalls}: the same six windows as six single-window calls (target: one call &le; 0.8&times;);</li>
 *   <li>{@code taLib}: TA-Lib's Java port, {@code Core.sma} once per window;</li>
 *   <li>{@code runningSum}: a hand-written single-window running-sum loop per window (the practical floor for a
 *       per-window algorithm; it drifts, see {@code SmaStabilityTest});</li>
 *   <li>{@code memoryFloor}: {@code out[i] = x[i] * c} into a fresh array per window, the cost of just reading one
 *       column and writing another;</li>
 *   <li>{@code memoryFloorOnePass}: the floor of any one-call SMA: six fresh arrays written block by block while the
 *       input is read once ({@code out_k[i] = x[i] * c_k}, in blocks of 4,096 rows that stay in cache).</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 8)
@Measurement(iterations = 8)
public class SmaBenchmark {

    /** The six windows of the issue. */
    public static final int[] WINDOWS = {5, 10, 20, 50, 100, 200};

    static final int ROWS = BenchmarkSeries.TEN_MILLION;
    static final int OPS = 6 * ROWS;

    private double[] close;
    private Table table;
    private Core core;

    /** Builds the random walk once per fork. */
    @Setup
    public void setUp() {
        close = BenchmarkSeries.walk(ROWS, 42);
        table = Table.create("walk", Columns.doubleColumn("close", close));
        core = new Core();
    }

    /**
     * qlir, six windows in one call.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Derived qlirOneCall() {
        return Indicators.sma(table, "close", WINDOWS);
    }

    /**
     * qlir, six single-window calls.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void qlirSixCalls(Blackhole bh) {
        for (int w : WINDOWS) {
            bh.consume(Indicators.sma(table, "close", w));
        }
    }

    /**
     * TA-Lib, one call per window.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void taLib(Blackhole bh) {
        for (int w : WINDOWS) {
            bh.consume(taLibSma(core, close, w));
        }
    }

    /**
     * A plain running sum per window.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void runningSum(Blackhole bh) {
        for (int w : WINDOWS) {
            bh.consume(runningSum(close, w));
        }
    }

    /**
     * Read one column, write another, per window.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void memoryFloor(Blackhole bh) {
        for (int w : WINDOWS) {
            double[] out = new double[close.length];
            double c = 1.0 / w;
            for (int i = 0; i < out.length; i++) {
                out[i] = close[i] * c;
            }
            bh.consume(out);
        }
    }

    /**
     * Six fresh columns written in one blocked pass over the input: what a one-call SMA cannot beat.
     *
     * @return the six arrays
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public double[][] memoryFloorOnePass() {
        int n = close.length;
        double[][] out = new double[WINDOWS.length][n];
        for (int b0 = 0; b0 < n; b0 += 4096) {
            int b1 = Math.min(n, b0 + 4096);
            for (int k = 0; k < WINDOWS.length; k++) {
                double[] o = out[k];
                double c = 1.0 / WINDOWS[k];
                for (int i = b0; i < b1; i++) {
                    o[i] = close[i] * c;
                }
            }
        }
        return out;
    }

    /**
     * TA-Lib's SMA into a fresh array (its output starts at index 0, i.e. shifted by {@code w-1} rows; we do not pay
     * for moving it into place).
     *
     * @param core TA-Lib
     * @param x the input
     * @param w the window
     * @return the output
     */
    static double[] taLibSma(Core core, double[] x, int w) {
        double[] out = new double[x.length];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode rc = core.sma(0, x.length - 1, x, w, begin, count, out);
        if (rc != RetCode.Success) {
            throw new IllegalStateException("TA-Lib sma returned " + rc);
        }
        return out;
    }

    /**
     * The textbook running sum: add the new row, drop the one leaving the window.
     *
     * @param x the input
     * @param w the window
     * @return the means, NaN before row {@code w-1}
     */
    static double[] runningSum(double[] x, int w) {
        int n = x.length;
        double[] out = new double[n];
        double inv = 1.0 / w;
        double s = 0;
        int warm = Math.min(n, w - 1);
        for (int i = 0; i < warm; i++) {
            s += x[i];
            out[i] = Double.NaN;
        }
        for (int i = warm; i < n; i++) {
            s += x[i];
            out[i] = s * inv;
            s -= x[i - w + 1];
        }
        return out;
    }
}
