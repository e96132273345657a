package io.qlir.bench;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/**
 * Seeded synthetic market data for benchmarks: a positive random walk with cent ticks (a BTC-like price around
 * 30 000) and candles built on it. The same seed gives the same rows in every run and every fork.
 */
public final class BenchmarkSeries {

    /** Rows of the big benchmarks. */
    public static final int TEN_MILLION = 10_000_000;

    /** Rows of the peers too slow or too heavy for ten million rows (Tablesaw, ta4j). */
    public static final int ONE_MILLION = 1_000_000;

    private BenchmarkSeries() {
    }

    /**
     * A positive random walk: steps of -10.00 .. +10.00 in cents, reflected above 1.
     *
     * @param n rows
     * @param seed the seed
     * @return the prices
     */
    public static double[] walk(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        long cents = 3_000_000;
        for (int i = 0; i < n; i++) {
            cents += rnd.nextInt(2001) - 1000;
            if (cents < 100) {
                cents = 200 - cents;
            }
            x[i] = cents / 100.0;
        }
        return x;
    }

    /** Candles as primitive columns: open, high, low, close, volume. */
    public record Ohlcv(double[] open, double[] high, double[] low, double[] close, double[] volume) {

        /**
         * The candles as a table whose columns wrap these arrays (no copy), as qlir's loader makes them.
         *
         * @return a table with open, high, low, close and volume
         */
        public Table table() {
            return Table.create("candles", Columns.doubleColumn(Candles.OPEN, open),
                    Columns.doubleColumn(Candles.HIGH, high), Columns.doubleColumn(Candles.LOW, low),
                    Columns.doubleColumn(Candles.CLOSE, close), Columns.doubleColumn(Candles.VOLUME, volume));
        }

        /**
         * The number of candles.
         *
         * @return rows
         */
        public int size() {
            return close.length;
        }
    }

    /**
     * Candles on the random walk: each opens at the previous close, wicks reach a random distance beyond the body,
     * and about one bar in twenty is a doji-like bar of the same open and close.
     *
     * @param n rows
     * @param seed the seed
     * @return the candles
     */
    public static Ohlcv candles(int n, long seed) {
        double[] close = walk(n, seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            double o = i == 0 ? close[0] : close[i - 1];
            if (rnd.nextInt(20) == 0) {
                close[i] = o;
            }
            open[i] = o;
            high[i] = Math.max(o, close[i]) + rnd.nextInt(500) / 100.0;
            low[i] = Math.max(0.01, Math.min(o, close[i]) - rnd.nextInt(500) / 100.0);
            volume[i] = 0.001 + rnd.nextDouble() * 50;
        }
        return new Ohlcv(open, high, low, close, volume);
    }
}
