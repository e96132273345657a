package io.qlir.bench.indicators;

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
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;
import tech.tablesaw.api.Table;

/**
 * qlir against ta4j 0.17 (on {@code DoubleNum}, its fastest number type) over one million candles, for the
 * indicators ta4j has: ATR 14, Bollinger 20/2, EMA 20, RSI 14, MACD 12/26/9. Nanoseconds per row per output column;
 * each ta4j indicator is created fresh and read at every bar in order (its cache then fills without recursion).
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
public class IndicatorPeersBenchmark {

    static final int ROWS = BenchmarkSeries.ONE_MILLION;
    static final int ONE = ROWS;
    static final int THREE = 3 * ROWS;

    private Table table;
    private BarSeries bars;

    /** Builds the candles and the ta4j series once per fork. */
    @Setup
    public void setUp() {
        BenchmarkSeries.Ohlcv c = BenchmarkSeries.candles(ROWS, 42);
        table = c.table();
        bars = Ta4jSeries.of(c);
    }

    @SafeVarargs
    private void readAll(Blackhole bh, Indicator<Num>... lines) {
        for (int i = bars.getBeginIndex(); i <= bars.getEndIndex(); i++) {
            for (Indicator<Num> line : lines) {
                bh.consume(line.getValue(i));
            }
        }
    }

    /** @return ATR 14 */
    @Benchmark
    @OperationsPerInvocation(ONE)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirAtr() {
        return Indicators.atr(table, 14);
    }

    /** @param bh the sink */
    @Benchmark
    @OperationsPerInvocation(ONE)
    public void ta4jAtr(Blackhole bh) {
        readAll(bh, new ATRIndicator(bars, 14));
    }

    /** @return Bollinger 20/2 */
    @Benchmark
    @OperationsPerInvocation(THREE)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirBollinger() {
        return Indicators.bollinger(table, "close", 20, 2);
    }

    /** @param bh the sink */
    @Benchmark
    @OperationsPerInvocation(THREE)
    public void ta4jBollinger(Blackhole bh) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        Num k = bars.numOf(2);
        readAll(bh, mid, new BollingerBandsUpperIndicator(mid, sd, k), new BollingerBandsLowerIndicator(mid, sd, k));
    }

    /** @return EMA 20 */
    @Benchmark
    @OperationsPerInvocation(ONE)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirEma() {
        return Indicators.ema(table, "close", 20);
    }

    /** @param bh the sink */
    @Benchmark
    @OperationsPerInvocation(ONE)
    public void ta4jEma(Blackhole bh) {
        readAll(bh, new EMAIndicator(new ClosePriceIndicator(bars), 20));
    }

    /** @return RSI 14 */
    @Benchmark
    @OperationsPerInvocation(ONE)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirRsi() {
        return Indicators.rsi(table, "close", 14);
    }

    /** @param bh the sink */
    @Benchmark
    @OperationsPerInvocation(ONE)
    public void ta4jRsi(Blackhole bh) {
        readAll(bh, new RSIIndicator(new ClosePriceIndicator(bars), 14));
    }

    /** @return MACD 12/26/9 */
    @Benchmark
    @OperationsPerInvocation(THREE)
    @Warmup(iterations = 10)
    @Measurement(iterations = 5)
    public Derived qlirMacd() {
        return Indicators.macd(table, "close", 12, 26, 9);
    }

    /** @param bh the sink */
    @Benchmark
    @OperationsPerInvocation(THREE)
    public void ta4jMacd(Blackhole bh) {
        MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(bars), 12, 26);
        readAll(bh, macd, macd.getSignalLine(9), macd.getHistogram(9));
    }
}
