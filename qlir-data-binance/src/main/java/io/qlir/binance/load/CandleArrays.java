package io.qlir.binance.load;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import java.util.Arrays;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The candle columns at their final size, filled in place by row index, then wrapped into a table without a copy.
 *
 * <p>Doubles live in plain arrays that {@link Columns#doubleColumn} wraps. The three long columns are created at
 * their final size with every value missing ({@code LongColumn.create(name, n)}) and set in place: a row the slices
 * do not fill (a gap of a reindexed table) stays missing, which a zeroed {@code long[]} wrapped by
 * {@link Columns#longColumn} would not say.
 */
final class CandleArrays {

    final int size;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] quoteVolume;
    final double[] takerBase;
    final double[] takerQuote;
    final LongColumn openTime;
    final LongColumn closeTime;
    final LongColumn trades;

    CandleArrays(int size, boolean gapsAreNaN) {
        this.size = size;
        open = new double[size];
        high = new double[size];
        low = new double[size];
        close = new double[size];
        volume = new double[size];
        quoteVolume = new double[size];
        takerBase = new double[size];
        takerQuote = new double[size];
        if (gapsAreNaN) {
            for (double[] a : new double[][] {open, high, low, close, volume, quoteVolume, takerBase, takerQuote}) {
                Arrays.fill(a, Double.NaN);
            }
        }
        openTime = LongColumn.create(Candles.OPEN_TIME, size);
        closeTime = LongColumn.create(Candles.CLOSE_TIME, size);
        trades = LongColumn.create(Candles.TRADES, size);
    }

    /** Gives every row the open and close time of its grid slot (for a reindexed table, gaps included). */
    void gridTimes(Grid grid, long firstOpenMs) {
        for (int i = 0; i < size; i++) {
            long t = grid.openTime(firstOpenMs, i);
            openTime.set(i, t);
            closeTime.set(i, grid.interval().closeTime(t));
        }
    }

    Table table(String name) {
        return Table.create(name, openTime,
                Columns.doubleColumn(Candles.OPEN, open),
                Columns.doubleColumn(Candles.HIGH, high),
                Columns.doubleColumn(Candles.LOW, low),
                Columns.doubleColumn(Candles.CLOSE, close),
                Columns.doubleColumn(Candles.VOLUME, volume),
                closeTime,
                Columns.doubleColumn(Candles.QUOTE_VOLUME, quoteVolume),
                trades,
                Columns.doubleColumn(Candles.TAKER_BUY_BASE_VOLUME, takerBase),
                Columns.doubleColumn(Candles.TAKER_BUY_QUOTE_VOLUME, takerQuote));
    }
}
