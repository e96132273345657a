package io.qlir.bench;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import tech.tablesaw.api.Table;

/**
 * Seeded synthetic market data for benchmarks, from the project's one generator ({@link SyntheticMarket}): a BTC-like
 * price around 30 000 and one-minute candles on it. The same seed gives the same rows in every run and every fork.
 */
public final class BenchmarkSeries {

    /** Rows of the big benchmarks. */
    public static final int TEN_MILLION = 10_000_000;

    /** Rows of the peers too slow or too heavy for ten million rows (Tablesaw, ta4j). */
    public static final int ONE_MILLION = 1_000_000;

    /** The first candle's open time (a whole minute). */
    private static final long T0 = 1_600_000_000_000L - 1_600_000_000_000L % 60_000L;

    private BenchmarkSeries() {
    }

    /**
     * The close prices of {@link #candles(int, long)}: a positive random walk around 30 000.
     *
     * @param n rows
     * @param seed the seed
     * @return the prices
     */
    public static double[] walk(int n, long seed) {
        return candles(n, seed).close();
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
     * One-minute candles of the project's one generator ({@link SyntheticMarket}, a BTC-like price around 30 000)
     * from 2020-09-13T12:26Z: each opens at the previous close, prices on BTCUSDT's 0.01 tick and volumes in Binance's
     * lots, as the generator quotes them.
     *
     * @param n rows
     * @param seed the seed
     * @return the candles
     */
    public static Ohlcv candles(int n, long seed) {
        SyntheticMarket market = SyntheticMarket.of(seed, "BTCUSDT", 30_000);
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        int[] i = {0};
        market.forEachCandle(Interval.M1, T0, n, c -> {
            open[i[0]] = c.open();
            high[i[0]] = c.high();
            low[i[0]] = c.low();
            close[i[0]] = c.close();
            volume[i[0]++] = c.volume();
        });
        return new Ohlcv(open, high, low, close, volume);
    }
}
