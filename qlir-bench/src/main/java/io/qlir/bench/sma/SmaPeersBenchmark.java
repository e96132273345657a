package io.qlir.bench.sma;

import com.tictactec.ta.lib.Core;
import io.qlir.bench.BenchmarkSeries;
import io.qlir.bench.Ta4jSeries;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The same six SMA windows over one million rows, for the peers too slow or too heavy for ten million (Tablesaw's
 * {@code rolling(w).mean()}, ta4j's {@code SMAIndicator} over every bar), with qlir and TA-Lib beside them in the
 * same run. Nanoseconds per row per window; {@code ta4jBuildSeries} is nanoseconds per bar, paid once before ta4j
 * can compute anything.
 *
 * <p>The slow peers get one warm-up call and two measured calls (each takes seconds); qlir's (and TA-Lib's) calls take
 * milliseconds, so they get ten warm-up calls and five measured ones, enough for the JIT to finish compiling them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class SmaPeersBenchmark {

    static final int ROWS = BenchmarkSeries.ONE_MILLION;
    static final int OPS = 6 * ROWS;

    private BenchmarkSeries.Ohlcv candles;
    private Table table;
    private DoubleColumn closeColumn;
    private BarSeries bars;
    private Core core;

    /** Builds the walk, the Tablesaw column and the ta4j series once per fork. */
    @Setup
    public void setUp() {
        candles = BenchmarkSeries.candles(ROWS, 42);
        table = candles.table();
        closeColumn = DoubleColumn.create("close", candles.close());
        bars = Ta4jSeries.of(candles);
        core = new Core();
    }

    /**
     * qlir, six windows in one call.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirOneCall() {
        return Indicators.sma(table, "close", SmaBenchmark.WINDOWS);
    }

    /**
     * TA-Lib, one call per window.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public void taLib(Blackhole bh) {
        for (int w : SmaBenchmark.WINDOWS) {
            bh.consume(SmaBenchmark.taLibSma(core, candles.close(), w));
        }
    }

    /**
     * Tablesaw, {@code rolling(w).mean()} per window.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void tablesaw(Blackhole bh) {
        for (int w : SmaBenchmark.WINDOWS) {
            bh.consume(closeColumn.rolling(w).mean());
        }
    }

    /**
     * ta4j, an {@code SMAIndicator} per window read at every bar (a fresh indicator, so nothing is cached from an
     * earlier invocation).
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void ta4j(Blackhole bh) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        for (int w : SmaBenchmark.WINDOWS) {
            SMAIndicator sma = new SMAIndicator(close, w);
            Num last = null;
            for (int i = bars.getBeginIndex(); i <= bars.getEndIndex(); i++) {
                last = sma.getValue(i);
            }
            bh.consume(last);
        }
    }

    /**
     * ta4j's entry cost: building the bar series from the candle arrays (per bar, not per window).
     *
     * @return the series
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public BarSeries ta4jBuildSeries() {
        return Ta4jSeries.of(candles);
    }
}
