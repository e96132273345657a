package io.qlir.bench.endtoend;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.ops.indicators.Indicators;
import io.qlir.parquet.ParquetDataset;
import io.qlir.parquet.ParquetLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The work of the end-to-end benchmark, both sides, in one place so that the agreement test checks exactly what the
 * benchmark times: per series in {@code open_time} order, {@code sma(close, 5, 10, 20, 50, 100, 200)},
 * {@code bollinger(close, 20, 2)} (mid, upper, lower) and {@code arp(14)}.
 *
 * <p>ARP is qlir's arp op as its kernel computes it: {@code range_pct = (high - low) / open}, NaN when the open is
 * not positive or an input is not finite, and {@code arp_14} the plain mean of the last 14 {@code range_pct}, NaN
 * for the 13 warm-up rows and for every window holding a NaN. The SQL says the same: the invalid ratio is
 * {@code 'NaN'::DOUBLE} (not NULL, which {@code AVG} would skip) and warm-up rows are NULL. Bollinger's σ is the
 * population deviation ({@code STDDEV_POP}), as in qlir and TA-Lib.
 */
final class EndToEndWork {

    static final int[] SMA_WINDOWS = {5, 10, 20, 50, 100, 200};
    static final int BOLL_PERIOD = 20;
    static final int BOLL_K = 2;
    static final int ARP_WINDOW = 14;

    private EndToEndWork() {
    }

    /** The derived columns' names, in qlir's order (the SQL uses them as aliases). */
    static List<String> derivedColumns() {
        List<String> out = new ArrayList<>();
        for (int w : SMA_WINDOWS) {
            out.add(Columns.name(Candles.CLOSE, "sma", w));
        }
        for (String band : new String[] {"mid", "upper", "lower"}) {
            out.add(Columns.name(Candles.CLOSE, "boll", band, BOLL_PERIOD, BOLL_K));
        }
        out.add(Columns.name("arp", ARP_WINDOW));
        return out;
    }

    /**
     * qlir's side for one series: the dataset's months into one table, then the three ops.
     *
     * @param root the data root
     * @param series the series
     * @return the candles with the ten derived columns
     */
    static Table qlir(Path root, SliceSeries series) {
        Table candles;
        try {
            candles = ParquetDataset.readSeries(root, series);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Indicators.sma(candles, Candles.CLOSE, SMA_WINDOWS)
                .then(t -> Indicators.bollinger(t, Candles.CLOSE, BOLL_PERIOD, BOLL_K))
                .then(t -> Indicators.arp(t, ARP_WINDOW))
                .table();
    }

    /**
     * DuckDB's side: one statement materializing every series' candles and derived columns as {@code table}.
     *
     * @param root the data root
     * @param table the table to create (replaced when it exists)
     * @return the SQL
     */
    static String duckDbSql(Path root, String table) {
        String glob = root.resolve(ParquetLayout.ROOT).toString() + "/**/*.parquet";
        List<String> names = derivedColumns();
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE ").append(table).append(" AS SELECT symbol");
        for (String c : Candles.COLUMNS) {
            sql.append(", ").append(c);
        }
        for (int k = 0; k < SMA_WINDOWS.length; k++) {
            sql.append(",\n  ").append(warm(SMA_WINDOWS[k], "AVG(close) OVER w" + SMA_WINDOWS[k]))
                    .append(" AS ").append(names.get(k));
        }
        String mid = "AVG(close) OVER w" + BOLL_PERIOD;
        String sd = BOLL_K + " * STDDEV_POP(close) OVER w" + BOLL_PERIOD;
        int b = SMA_WINDOWS.length;
        sql.append(",\n  ").append(warm(BOLL_PERIOD, mid)).append(" AS ").append(names.get(b));
        sql.append(",\n  ").append(warm(BOLL_PERIOD, mid + " + " + sd)).append(" AS ").append(names.get(b + 1));
        sql.append(",\n  ").append(warm(BOLL_PERIOD, mid + " - " + sd)).append(" AS ").append(names.get(b + 2));
        sql.append(",\n  ").append(warm(ARP_WINDOW, "AVG(range_pct) OVER w" + ARP_WINDOW)).append(" AS ")
                .append(names.get(b + 3));
        sql.append("\nFROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY open_time) AS row_in_series,")
                .append("\n  CASE WHEN open > 0 AND isfinite(open) AND isfinite(high) AND isfinite(low)")
                .append(" AND isfinite((high - low) / open) THEN (high - low) / open ELSE 'NaN'::DOUBLE END")
                .append(" AS range_pct")
                .append("\n  FROM read_parquet('").append(glob).append("', hive_partitioning = true))")
                .append("\nWINDOW ");
        List<Integer> windows = new ArrayList<>();
        for (int w : SMA_WINDOWS) {
            windows.add(w);
        }
        windows.add(ARP_WINDOW);
        for (int k = 0; k < windows.size(); k++) {
            int w = windows.get(k);
            sql.append(k == 0 ? "" : ",\n  ").append("w").append(w).append(" AS (PARTITION BY symbol ORDER BY")
                    .append(" open_time ROWS BETWEEN ").append(w - 1).append(" PRECEDING AND CURRENT ROW)");
        }
        return sql.toString();
    }

    private static String warm(int window, String expr) {
        return "CASE WHEN row_in_series >= " + window + " THEN " + expr + " END";
    }
}
