package io.qlir.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The candle schema every qlir table of market data follows, and the ways to make one.
 *
 * <p>Columns, in order: {@code open_time, open, high, low, close, volume, close_time, quote_volume, trades,
 * taker_buy_base_volume, taker_buy_quote_volume}. Times are {@code LongColumn}s of epoch millis UTC (view one as an
 * {@link Instant} with {@link #openInstant(Table, int)}), {@code trades} is a {@code LongColumn}, everything else a
 * {@code DoubleColumn}. Binance's raw kline rows map onto it one to one (their trailing "ignore" field is dropped).
 * <pre>{@code
 * Table t = Candles.fromRawRows(rows);   // rows as Binance returns them
 * Table u = Candles.fromCsv(Path.of("btcusdt-1m.csv"));
 * Candles.validate(t);                   // one error listing what is missing and what is there
 * }</pre>
 */
public final class Candles {

    /** Open time, epoch millis UTC. */
    public static final String OPEN_TIME = "open_time";
    /** Open price. */
    public static final String OPEN = "open";
    /** High price. */
    public static final String HIGH = "high";
    /** Low price. */
    public static final String LOW = "low";
    /** Close price. */
    public static final String CLOSE = "close";
    /** Base-asset volume. */
    public static final String VOLUME = "volume";
    /** Close time, epoch millis UTC (the next open time minus 1 ms). */
    public static final String CLOSE_TIME = "close_time";
    /** Quote-asset volume. */
    public static final String QUOTE_VOLUME = "quote_volume";
    /** Number of trades. */
    public static final String TRADES = "trades";
    /** Taker buy base-asset volume. */
    public static final String TAKER_BUY_BASE_VOLUME = "taker_buy_base_volume";
    /** Taker buy quote-asset volume. */
    public static final String TAKER_BUY_QUOTE_VOLUME = "taker_buy_quote_volume";

    /** Every schema column, in order. */
    public static final List<String> COLUMNS = List.of(OPEN_TIME, OPEN, HIGH, LOW, CLOSE, VOLUME, CLOSE_TIME,
            QUOTE_VOLUME, TRADES, TAKER_BUY_BASE_VOLUME, TAKER_BUY_QUOTE_VOLUME);

    /** The columns held as {@code LongColumn}s; all others are {@code DoubleColumn}s. */
    public static final List<String> LONG_COLUMNS = List.of(OPEN_TIME, CLOSE_TIME, TRADES);

    private Candles() {
    }

    /**
     * Checks that a table has every schema column with the right type (extra columns are fine).
     *
     * @param table the table to check
     * @return the same table, for chaining
     * @throws IllegalArgumentException listing the missing and mistyped columns and the columns that are there
     */
    public static Table validate(Table table) {
        List<String> missing = new ArrayList<>();
        List<String> mistyped = new ArrayList<>();
        for (String name : COLUMNS) {
            if (!table.containsColumn(name)) {
                missing.add(name);
                continue;
            }
            Column<?> c = table.column(name);
            boolean ok = LONG_COLUMNS.contains(name) ? c instanceof LongColumn : c instanceof DoubleColumn;
            if (!ok) {
                mistyped.add(name + " is " + c.type().name() + " (want "
                        + (LONG_COLUMNS.contains(name) ? "LONG" : "DOUBLE") + ")");
            }
        }
        if (!missing.isEmpty() || !mistyped.isEmpty()) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not a candle table: missing "
                    + missing + ", mistyped " + mistyped + "; it has columns " + table.columnNames());
        }
        return table;
    }

    /**
     * An empty candle table.
     *
     * @return a table with every schema column and no rows
     */
    public static Table empty() {
        return builder(0).build();
    }

    /**
     * A builder that appends candles into primitive arrays and builds the table without copying them.
     *
     * @param expectedRows a capacity hint
     * @return a builder
     */
    public static Builder builder(int expectedRows) {
        return new Builder(expectedRows);
    }

    /**
     * A candle table from raw Binance kline rows
     * ({@code [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote,
     * ignore]}, prices and volumes as strings or numbers).
     *
     * @param rows the rows, as parsed from Binance's JSON
     * @return the candle table
     * @throws IllegalArgumentException naming the row and field that cannot be read
     */
    public static Table fromRawRows(List<? extends List<?>> rows) {
        Builder b = builder(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            if (row == null || row.size() < 11) {
                throw new IllegalArgumentException("raw kline row " + r + " has " + (row == null ? 0 : row.size())
                        + " fields; a Binance kline has 12: " + row);
            }
            b.add(asLong(row, r, 0), asDouble(row, r, 1), asDouble(row, r, 2), asDouble(row, r, 3),
                    asDouble(row, r, 4), asDouble(row, r, 5), asLong(row, r, 6), asDouble(row, r, 7),
                    asLong(row, r, 8), asDouble(row, r, 9), asDouble(row, r, 10));
        }
        return b.build();
    }

    /**
     * A candle table from any OHLCV CSV file (UTF-8): qlir's export, a Yahoo download, a ccxt dump.
     *
     * <p>The table has {@code open_time} and the candle columns the file has (nothing is zero-filled); headers match
     * case-insensitively with common aliases, times may be ISO-8601 or epoch seconds/millis/micros, fields may be
     * separated by {@code ,} or {@code ;} and quoted. {@link CandleCsv} describes the rules; use it directly for
     * choices (such as reading {@code Adj Close}) and to learn how the file was read ({@link CandleCsvRead}: time
     * format, columns, gaps).
     * <pre>{@code
     * Table t = Candles.fromCsv(Path.of("btcusdt-1m.csv"));
     * }</pre>
     *
     * @param file the CSV file
     * @return the candle table
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file has no time column (listing the header's columns), a value
     *     cannot be read (naming the line, column and value), or the rows are not sorted by time
     */
    public static Table fromCsv(Path file) throws IOException {
        return CandleCsv.standard().read(file).candles();
    }

    /**
     * A candle table from CSV text; see {@link #fromCsv(Path)} for the format. The reader is read to the end but not
     * closed.
     *
     * @param csv the CSV text
     * @return the candle table
     * @throws IOException when the reader fails
     * @throws IllegalArgumentException when the text has no time column (listing the header's columns), a value
     *     cannot be read (naming the line, column and value), or the rows are not sorted by time
     */
    public static Table fromCsv(Reader csv) throws IOException {
        return CandleCsv.standard().read(csv, "(reader)").candles();
    }

    /**
     * The open time of a row as an {@link Instant}.
     *
     * @param table a candle table
     * @param row the row index
     * @return the open time
     */
    public static Instant openInstant(Table table, int row) {
        return Instant.ofEpochMilli(table.longColumn(OPEN_TIME).getLong(row));
    }

    /**
     * The close time of a row as an {@link Instant}.
     *
     * @param table a candle table
     * @param row the row index
     * @return the close time
     */
    public static Instant closeInstant(Table table, int row) {
        return Instant.ofEpochMilli(table.longColumn(CLOSE_TIME).getLong(row));
    }

    private static long asLong(List<?> row, int r, int field) {
        Object v = row.get(field);
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("raw kline row " + r + ", field " + COLUMNS.get(field)
                    + ": '" + v + "' is not an integer", e);
        }
    }

    private static double asDouble(List<?> row, int r, int field) {
        Object v = row.get(field);
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("raw kline row " + r + ", field " + COLUMNS.get(field)
                    + ": '" + v + "' is not a number", e);
        }
    }

    /** Appends candles into growable primitive arrays; {@link #build()} wraps them without a copy. */
    public static final class Builder {
        private long[] openTime;
        private long[] closeTime;
        private long[] trades;
        private double[][] values; // open, high, low, close, volume, quote, takerBase, takerQuote
        private int size;

        private Builder(int expectedRows) {
            int cap = Math.max(expectedRows, 16);
            openTime = new long[cap];
            closeTime = new long[cap];
            trades = new long[cap];
            values = new double[8][cap];
        }

        /**
         * Appends one candle.
         *
         * @param openTimeMs open time, epoch millis UTC
         * @param open open price
         * @param high high price
         * @param low low price
         * @param close close price
         * @param volume base volume
         * @param closeTimeMs close time, epoch millis UTC
         * @param quoteVolume quote volume
         * @param tradeCount number of trades
         * @param takerBuyBase taker buy base volume
         * @param takerBuyQuote taker buy quote volume
         * @return this builder
         */
        public Builder add(long openTimeMs, double open, double high, double low, double close, double volume,
                long closeTimeMs, double quoteVolume, long tradeCount, double takerBuyBase, double takerBuyQuote) {
            if (size == openTime.length) {
                grow();
            }
            openTime[size] = openTimeMs;
            closeTime[size] = closeTimeMs;
            trades[size] = tradeCount;
            double[] v = {open, high, low, close, volume, quoteVolume, takerBuyBase, takerBuyQuote};
            for (int k = 0; k < 8; k++) {
                values[k][size] = v[k];
            }
            size++;
            return this;
        }

        /**
         * How many candles were appended.
         *
         * @return the count
         */
        public int size() {
            return size;
        }

        /**
         * Builds the table (named {@code candles}).
         *
         * @return the candle table
         */
        public Table build() {
            return Table.create("candles",
                    Columns.longColumn(OPEN_TIME, Arrays.copyOf(openTime, size)),
                    Columns.doubleColumn(OPEN, trim(values[0])),
                    Columns.doubleColumn(HIGH, trim(values[1])),
                    Columns.doubleColumn(LOW, trim(values[2])),
                    Columns.doubleColumn(CLOSE, trim(values[3])),
                    Columns.doubleColumn(VOLUME, trim(values[4])),
                    Columns.longColumn(CLOSE_TIME, Arrays.copyOf(closeTime, size)),
                    Columns.doubleColumn(QUOTE_VOLUME, trim(values[5])),
                    Columns.longColumn(TRADES, Arrays.copyOf(trades, size)),
                    Columns.doubleColumn(TAKER_BUY_BASE_VOLUME, trim(values[6])),
                    Columns.doubleColumn(TAKER_BUY_QUOTE_VOLUME, trim(values[7])));
        }

        private double[] trim(double[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }

        private void grow() {
            int cap = openTime.length * 2;
            openTime = Arrays.copyOf(openTime, cap);
            closeTime = Arrays.copyOf(closeTime, cap);
            trades = Arrays.copyOf(trades, cap);
            for (int k = 0; k < 8; k++) {
                values[k] = Arrays.copyOf(values[k], cap);
            }
        }
    }
}
