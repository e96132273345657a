package io.qlir.talib;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.testkit.BinanceRecordings;
import java.util.List;
import tech.tablesaw.api.Table;

/** The real Binance recordings (testkit's {@link BinanceRecordings}) plus two columns some functions read. */
final class TaLibFixtures {

    /** Every recording: three 15m recordings of 300 bars and one 30m page of 500. */
    static final List<String> NAMES = BinanceRecordings.NAMES;

    /** Where the close sits in the bar's range, in [0, 1]: an input inside the domain of ASIN, ACOS, LN, ... */
    static final String UNIT = "close_in_range";

    /** A period per bar from 2 to 30, taken from the volume: MAVP's second input. */
    static final String PERIODS = "periods";

    private TaLibFixtures() {
    }

    static Table load(String name) {
        Table t = BinanceRecordings.candles(name);
        double[] high = Columns.doubles(t, Candles.HIGH);
        double[] low = Columns.doubles(t, Candles.LOW);
        double[] close = Columns.doubles(t, Candles.CLOSE);
        double[] volume = Columns.doubles(t, Candles.VOLUME);
        double[] unit = new double[t.rowCount()];
        double[] periods = new double[t.rowCount()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = high[i] > low[i] ? (close[i] - low[i]) / (high[i] - low[i]) : 0.5;
            periods[i] = 2 + Math.floor(volume[i]) % 29;
        }
        return t.addColumns(Columns.doubleColumn(UNIT, unit), Columns.doubleColumn(PERIODS, periods));
    }

    static TaLibOracle.Arrays5 arrays(Table t) {
        return new TaLibOracle.Arrays5(Columns.doubles(t, Candles.OPEN), Columns.doubles(t, Candles.HIGH),
                Columns.doubles(t, Candles.LOW), Columns.doubles(t, Candles.CLOSE), Columns.doubles(t, Candles.VOLUME));
    }
}
