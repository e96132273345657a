package io.qlir.ops.study;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.ops.indicators.Indicators;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Studies: questions asked of a whole series, answered with tables rather than new columns.
 *
 * <p>The first is SMA direction persistence: once an SMA turns up (or down), how many bars does it keep going? For
 * each window, the SMA's direction per bar is the sign of its change (optionally after rounding), runs are maximal
 * stretches of one direction (a flat bar ends a run), and the study reports run counts, mean, median, p90 and max
 * length, the length distribution and the survival curve {@code P(run >= n)} over completed runs; runs cut by the
 * start or end of the data (or by undefined rows such as the warm-up) are censored and reported apart.
 * <pre>{@code
 * SmaPersistence r = Studies.smaPersistence(candles, "close");            // windows 5..60
 * SmaPersistence s = Studies.smaPersistence(candles, "close", 10, 20, 50);
 * r.summary().print();
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Studies {

    private static final Logger LOG = LoggerFactory.getLogger(Studies.class);

    private Studies() {
    }

    /**
     * SMA direction persistence of a column, without rounding.
     *
     * <p>All windows are computed in one pass of the multi-window SMA; memory is about
     * {@code 8 × rows × windows} bytes for the averages while the study runs.
     *
     * @param table the input table; not modified (a column named like an SMA it makes, such as
     *     {@code close_sma_20}, is fine: the study's averages are not added to the table)
     * @param column a numeric column, for example {@code close}
     * @param windows distinct windows, each at least 1; none means {@code 5..60}
     * @return the study's result
     * @throws IllegalArgumentException when the column is missing or not numeric, or a window is invalid
     */
    public static SmaPersistence smaPersistence(Table table, String column, int... windows) {
        SmaPersistenceOptions.Builder b = SmaPersistenceOptions.builder().column(column);
        if (windows.length > 0) {
            b.windows(windows);
        }
        return smaPersistence(table, b.build());
    }

    /**
     * SMA direction persistence with explicit options (column, windows, rounding).
     * <pre>{@code
     * SmaPersistence r = Studies.smaPersistence(candles,
     *         SmaPersistenceOptions.builder().windowRange(5, 60).decimals(2).build());
     * }</pre>
     *
     * @param table the input table; not modified
     * @param options the study's settings
     * @return the study's result
     * @throws IllegalArgumentException when the column is missing or not numeric
     */
    public static SmaPersistence smaPersistence(Table table, SmaPersistenceOptions options) {
        long started = System.nanoTime();
        String column = options.column();
        Table source = Table.create(table.name(), Columns.require(table, column));
        int[] ws = options.windows().stream().mapToInt(Integer::intValue).toArray();
        Derived smas = Indicators.sma(source, column, ws);
        double scale = options.decimals().isPresent() ? Math.pow(10, options.decimals().getAsInt()) : Double.NaN;
        Map<Integer, RunScanner.Result> byWindow = new LinkedHashMap<>();
        for (int k = 0; k < ws.length; k++) {                   // one new column per window, in order
            double[] sma = Columns.doubles(smas.table(), smas.columns().get(k));
            byWindow.put(ws[k], RunScanner.scan(sma, scale, ws[k]));
        }
        LOG.debug("sma persistence of {} over {} rows, {} windows, decimals {}: {} ms", column, table.rowCount(),
                ws.length, options.decimals(), (System.nanoTime() - started) / 1_000_000);
        return new SmaPersistence(options, table.rowCount(), byWindow);
    }
}
