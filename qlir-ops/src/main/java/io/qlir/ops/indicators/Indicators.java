package io.qlir.ops.indicators;

import io.qlir.core.Derived;
import io.qlir.semantics.Alignment;
import tech.tablesaw.api.Table;

/**
 * Technical indicators over candle tables: moving averages, the range family (ARP, ARP-D, range shock), ATR,
 * Bollinger bands and band touches, RSI, MACD and VWAP.
 *
 * <p>Every method returns a {@link Derived}: a new table that shares the input's columns (nothing is copied or
 * mutated) plus the new columns, each with a {@code RowDerivationSpec} saying which rows relative to the written row
 * {@code i} it read; {@link Derived#explain()} prints them. Methods that take a window take one or many ("one vs
 * many"): {@code sma(t, "close", 14)} or {@code sma(t, "close", 5, 10, 20)}, the many computed in one pass.
 * <pre>{@code
 * Derived d = Indicators.sma(candles, "close", 20, 50).then(t -> Indicators.rangeShock(t, 14));
 * System.out.println(d.explain());
 * }</pre>
 *
 * <p>Conventions: rows are counted, not time; an undefined value (warm-up, zero divisor, non-finite input) is NaN,
 * never ±inf; indicators with a TA-Lib twin follow TA-Lib's warm-up and seeding. In windowed indicators a non-finite
 * input makes the windows that contain it NaN; in recursive ones (EMA, ATR, RSI, MACD, VWAP) it makes that row and
 * every later row (of its VWAP group) NaN, because the recursion's state is then unknown. The class is stateless and
 * thread-safe. Ratios (ARP, range_pct, ATRP) are fractions: 0.012 means 1.2%.
 */
public final class Indicators {

    /** The default tolerance of {@link #bandTouches(Table, Bands, double)}, as a fraction of the band width. */
    public static final double DEFAULT_TOUCH_EPS = BandTouches.DEFAULT_EPS;

    private Indicators() {
    }

    /**
     * Simple moving average, {@code mean(x[i-w+1 .. i])}, for one or many windows in one pass.
     *
     * <p>Columns {@code {column}_sma_{w}}; reads {@code [i-(w-1) .. i]}; warm-up {@code w-1} (earlier rows NaN);
     * execution-safe. Computed from blocked, compensated prefix sums re-anchored every few thousand rows, so it does
     * not drift however long the series (relative error a few ulps; a plain running sum carries its rounding
     * forever). Matches TA-Lib {@code SMA}.
     * <pre>{@code
     * Derived d = Indicators.sma(candles, "close", 5, 10, 20);   // close_sma_5, close_sma_10, close_sma_20
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column, for example {@code close}
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus one column per window
     * @throws IllegalArgumentException when the column is missing or not numeric, or a window is invalid
     */
    public static Derived sma(Table table, String column, int... windows) {
        return MovingAverages.sma(table, column, windows);
    }

    /**
     * Exponential moving average, TA-Lib-seeded: the first value at row {@code p-1} is the mean of rows
     * {@code [0 .. p-1]}, then {@code ema = (x - ema) * k + ema} with {@code k = 2/(p+1)}.
     *
     * <p>Columns {@code {column}_ema_{p}}; reads {@code [.. i]} (every earlier row); warm-up {@code p-1}. Matches
     * TA-Lib {@code EMA}; pandas' {@code ewm(span=p, adjust=False)} seeds with the first value instead and differs
     * over the first few dozen rows.
     * <pre>{@code
     * Derived d = Indicators.ema(candles, "close", 12, 26);
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @param periods one or more distinct periods, each at least 1
     * @return the input's columns plus one column per period
     * @throws IllegalArgumentException when the column is missing or not numeric, or a period is invalid
     */
    public static Derived ema(Table table, String column, int... periods) {
        return MovingAverages.ema(table, column, periods);
    }

    /**
     * Linearly weighted moving average, {@code Σ (w-j)·x[i-j] / (w(w+1)/2)} for {@code j = 0 .. w-1} (the newest
     * row weighs {@code w}, the oldest 1).
     *
     * <p>Columns {@code {column}_wma_{w}}; reads {@code [i-(w-1) .. i]}; warm-up {@code w-1}. Matches TA-Lib
     * {@code WMA}. Many windows share one blocked pass.
     * <pre>{@code
     * Derived d = Indicators.wma(candles, "close", 10);
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus one column per window
     * @throws IllegalArgumentException when the column is missing or not numeric, or a window is invalid
     */
    public static Derived wma(Table table, String column, int... windows) {
        return MovingAverages.wma(table, column, windows);
    }

    /**
     * Average range percent, dropping the intermediate {@code range_pct} (with a DROPPED event); see
     * {@link #arp(Table, boolean, int...)}.
     * <pre>{@code
     * Derived d = Indicators.arp(candles, 14);   // arp_14
     * }</pre>
     *
     * @param table a candle table with open, high and low; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_{w}} per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arp(Table table, int... windows) {
        return RangeIndicators.arp(table, false, windows);
    }

    /**
     * Average range percent: {@code range_pct[i] = (high[i]-low[i]) / open[i]} as a fraction (0.012 = 1.2%), and
     * {@code arp_w[i] = mean(range_pct[i-w+1 .. i])}.
     *
     * <p>An open {@code <= 0} or a non-finite input makes {@code range_pct} NaN, and so every window containing it.
     * Columns {@code arp_{w}}; reads {@code [i-(w-1) .. i]} of open, high, low; warm-up {@code w-1}. The intermediate
     * {@code range_pct} (reads {@code [i .. i]}) is created with its spec and either kept or dropped with a DROPPED
     * event; keeping it makes a later {@code arp} on the result refuse to overwrite it.
     * <pre>{@code
     * Derived d = Indicators.arp(candles, true, 14, 50);   // range_pct, arp_14, arp_50
     * }</pre>
     *
     * @param table a candle table with open, high and low; not modified
     * @param keepIntermediate whether {@code range_pct} stays in the result
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_{w}} per window (and {@code range_pct} when kept)
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arp(Table table, boolean keepIntermediate, int... windows) {
        return RangeIndicators.arp(table, keepIntermediate, windows);
    }

    /**
     * Mean {@code range_pct} of the bullish bars ({@code close > open}) among the last {@code w} bars; NaN when there
     * are none. Dojis ({@code close == open}) count for neither side.
     *
     * <p>Columns {@code arp_pos_{w}}; reads {@code [i-(w-1) .. i]} of open, high, low, close; warm-up {@code w-1}.
     * A bullish bar with undefined {@code range_pct}, or a bar with a non-finite open or close, makes the window NaN.
     * <pre>{@code
     * Derived d = Indicators.arpPos(candles, 14);   // arp_pos_14
     * }</pre>
     *
     * @param table a candle table with open, high, low and close; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_pos_{w}} per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arpPos(Table table, int... windows) {
        return RangeIndicators.directionalMean(table, RangeIndicators.Direction.POS, windows);
    }

    /**
     * Mean {@code range_pct} of the bearish bars ({@code close < open}) among the last {@code w} bars; NaN when there
     * are none. Dojis count for neither side.
     *
     * <p>Columns {@code arp_neg_{w}}; reads {@code [i-(w-1) .. i]} of open, high, low, close; warm-up {@code w-1}.
     * <pre>{@code
     * Derived d = Indicators.arpNeg(candles, 14);   // arp_neg_14
     * }</pre>
     *
     * @param table a candle table with open, high, low and close; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_neg_{w}} per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arpNeg(Table table, int... windows) {
        return RangeIndicators.directionalMean(table, RangeIndicators.Direction.NEG, windows);
    }

    /**
     * The fraction of the last {@code w} bars that are bullish ({@code close > open}), between 0 and 1.
     *
     * <p>Columns {@code arp_pos_frac_{w}}; reads {@code [i-(w-1) .. i]} of open and close; warm-up {@code w-1}; a
     * non-finite open or close makes the window NaN.
     * <pre>{@code
     * Derived d = Indicators.arpPosFrac(candles, 14);   // arp_pos_frac_14
     * }</pre>
     *
     * @param table a candle table with open and close; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_pos_frac_{w}} per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arpPosFrac(Table table, int... windows) {
        return RangeIndicators.directionalFraction(table, RangeIndicators.Direction.POS, windows);
    }

    /**
     * The fraction of the last {@code w} bars that are bearish ({@code close < open}), between 0 and 1.
     *
     * <p>Columns {@code arp_neg_frac_{w}}; reads {@code [i-(w-1) .. i]} of open and close; warm-up {@code w-1}.
     * <pre>{@code
     * Derived d = Indicators.arpNegFrac(candles, 14);   // arp_neg_frac_14
     * }</pre>
     *
     * @param table a candle table with open and close; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus {@code arp_neg_frac_{w}} per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arpNegFrac(Table table, int... windows) {
        return RangeIndicators.directionalFraction(table, RangeIndicators.Direction.NEG, windows);
    }

    /**
     * ARP-D, the directional ARP bundle: {@link #arpPos}, {@link #arpNeg}, {@link #arpPosFrac} and
     * {@link #arpNegFrac} in that order, each for every window.
     * <pre>{@code
     * Derived d = Indicators.arpD(candles, 14);   // arp_pos_14, arp_neg_14, arp_pos_frac_14, arp_neg_frac_14
     * }</pre>
     *
     * @param table a candle table with open, high, low and close; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus four columns per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived arpD(Table table, int... windows) {
        return RangeIndicators.arpD(table, windows);
    }

    /**
     * Execution-safe range shock: {@code range_pct[i] / mean(range_pct[i-w .. i-1])}, the bar's range against the
     * average of the {@code w} bars before it, so it is usable at the close of bar {@code i}.
     *
     * <p>Columns {@code range_shock_{w}}; reads {@code [i-w .. i]} (baseline {@code [i-w .. i-1]}); warm-up
     * {@code w}. A zero or NaN baseline gives NaN. The spec shows {@code alignment} and {@code baseline} as params.
     * <pre>{@code
     * Derived d = Indicators.rangeShock(candles, 14);   // range_shock_14
     * }</pre>
     *
     * @param table a candle table with open, high and low; not modified
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus one column per window
     * @throws IllegalArgumentException when a column is missing or a window is invalid
     */
    public static Derived rangeShock(Table table, int... windows) {
        return RangeIndicators.rangeShock(table, Alignment.EXECUTION_SAFE, windows);
    }

    /**
     * Range shock with a chosen alignment. {@code EXECUTION_SAFE} (the default of
     * {@link #rangeShock(Table, int...)}) divides by the mean of {@code [i-w .. i-1]}; {@code HISTORICAL} puts bar
     * {@code i} in its own baseline ({@code [i-w+1 .. i]}), which describes history but damps the shock it measures
     * and is not usable at the bar's close.
     *
     * <p>Columns {@code range_shock_{w}} (execution-safe, warm-up {@code w}) or {@code range_shock_hist_{w}}
     * (historical, reads {@code [i-(w-1) .. i]}, warm-up {@code w-1}).
     * <pre>{@code
     * Derived d = Indicators.rangeShock(candles, Alignment.HISTORICAL, 14);   // range_shock_hist_14
     * }</pre>
     *
     * @param table a candle table with open, high and low; not modified
     * @param alignment where the baseline ends
     * @param windows one or more distinct windows, each at least 1
     * @return the input's columns plus one column per window
     * @throws IllegalArgumentException when a column is missing, the alignment is null, or a window is invalid
     */
    public static Derived rangeShock(Table table, Alignment alignment, int... windows) {
        return RangeIndicators.rangeShock(table, alignment, windows);
    }

    /**
     * Average true range, Wilder-smoothed in TA-Lib's convention: true range from row 1
     * ({@code max(high-low, |high-close[i-1]|, |low-close[i-1]|)}), the first ATR at row {@code p} is the mean of the
     * first {@code p} true ranges, then {@code atr = (atr·(p-1) + tr) / p}.
     *
     * <p>Columns {@code atr_{p}}; reads {@code [.. i]} of high, low, close; warm-up {@code p}. Matches TA-Lib
     * {@code ATR}; ta4j starts its smoothing at row 0 with the bar's high-low and differs early on.
     * <pre>{@code
     * Derived d = Indicators.atr(candles, 14);   // atr_14
     * }</pre>
     *
     * @param table a candle table with high, low and close; not modified
     * @param periods one or more distinct periods, each at least 1
     * @return the input's columns plus one column per period
     * @throws IllegalArgumentException when a column is missing or a period is invalid
     */
    public static Derived atr(Table table, int... periods) {
        return Atr.atr(table, periods);
    }

    /**
     * ATR as a fraction of the close, {@code atr_p[i] / close[i]} (TA-Lib's {@code NATR} is the same times 100);
     * NaN when the close is not positive.
     *
     * <p>Columns {@code atrp_{p}}; reads {@code [.. i]} of high, low, close; warm-up {@code p}.
     * <pre>{@code
     * Derived d = Indicators.atrp(candles, 14);   // atrp_14
     * }</pre>
     *
     * @param table a candle table with high, low and close; not modified
     * @param periods one or more distinct periods, each at least 1
     * @return the input's columns plus one column per period
     * @throws IllegalArgumentException when a column is missing or a period is invalid
     */
    public static Derived atrp(Table table, int... periods) {
        return Atr.atrp(table, periods);
    }

    /**
     * Bollinger bands with the classic period 20 and width 2; see {@link #bollinger(Table, String, int, double)}.
     * <pre>{@code
     * Derived d = Indicators.bollinger(candles, "close");   // close_boll_mid_20_2, ..._upper_20_2, ..._lower_20_2
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @return the input's columns plus mid, upper and lower
     * @throws IllegalArgumentException when the column is missing or not numeric
     */
    public static Derived bollinger(Table table, String column) {
        return Bollinger.bollinger(table, column, 20, 2.0);
    }

    /**
     * Bollinger bands: {@code mid = SMA(p)}, {@code upper/lower = mid ± k·σ} with σ the <em>population</em> standard
     * deviation of the same window (TA-Lib {@code BBANDS}; pandas' {@code rolling().std()} is the sample σ).
     *
     * <p>Columns {@code {column}_boll_mid_{p}_{k}}, {@code _upper_}, {@code _lower_} ({@code k=2.5} writes
     * {@code 2p5}); reads {@code [i-(p-1) .. i]}; warm-up {@code p-1}. σ is computed in O(1) per row from
     * deviations from a nearby value, each window checked against a rigorous rounding bound and recomputed exactly
     * when it fails (mean within 1.5e-14, σ within 5e-13 relative), so it stays exact when the spread is tiny against
     * the price; TA-Lib's running sum of squares loses those digits and reports σ = 0 whenever the variance is below
     * 1e-8 (any sub-cent-priced asset), so there qlir is the more exact one.
     * <pre>{@code
     * Derived d = Indicators.bollinger(candles, "close", 20, 2.5);   // close_boll_mid_20_2p5, ...
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @param period the window, at least 1
     * @param k the width in standard deviations, finite and at least 0
     * @return the input's columns plus mid, upper and lower
     * @throws IllegalArgumentException when the column is missing or not numeric, or a parameter is invalid
     */
    public static Derived bollinger(Table table, String column, int period, double k) {
        return Bollinger.bollinger(table, column, period, k);
    }

    /**
     * Band touches with the default tolerance {@value #DEFAULT_TOUCH_EPS}; see
     * {@link #bandTouches(Table, Bands, double)}.
     * <pre>{@code
     * Derived d = Indicators.bandTouches(candles, Bands.bollinger("close", 20, 2));
     * }</pre>
     *
     * @param table a candle table with high, low and close (and the band columns, unless Bollinger bands are to be
     *     computed here); not modified
     * @param bands the three lines
     * @return the input's columns plus three touch flags and a position label
     * @throws IllegalArgumentException when a column is missing
     */
    public static Derived bandTouches(Table table, Bands bands) {
        return BandTouches.touches(table, bands, DEFAULT_TOUCH_EPS);
    }

    /**
     * Which band lines each bar touched, and where the bar sits: a line is touched when
     * {@code low <= line <= high} or {@code |close - line| <= eps·(upper - lower)}.
     *
     * <p>Columns {@code {stem}_touch_lower}, {@code _touch_mid}, {@code _touch_upper} (booleans) and
     * {@code {stem}_position} (wire codes of {@link BandPosition}; decode with {@link BandPosition#CODEC}), where the
     * stem is the bands' stem ({@code close_boll_20_2}) plus {@code _eps_{eps}} for a non-default eps. Rows are
     * missing (not false) where a line, high, low or close is not finite, where {@code low > high}, or where the lines
     * are out of order; so before the bands' warm-up. When the band columns are in the table the specs read
     * {@code [i .. i]} of them; when they are not and {@code bands} are Bollinger bands, they are computed first and
     * added to the result, and the touch specs read {@code [i-(p-1) .. i]} of the base column.
     * <pre>{@code
     * Derived d = Indicators.bollinger(candles, "close", 20, 2)
     *         .then(t -> Indicators.bandTouches(t, Bands.bollinger("close", 20, 2), 0.002));
     * }</pre>
     *
     * @param table a candle table with high, low and close; not modified
     * @param bands the three lines
     * @param eps the close tolerance as a fraction of the band width, finite and at least 0
     * @return the input's columns plus three touch flags and a position label
     * @throws IllegalArgumentException when a column is missing or eps is invalid
     */
    public static Derived bandTouches(Table table, Bands bands, double eps) {
        return BandTouches.touches(table, bands, eps);
    }

    /**
     * Relative strength index, Wilder-smoothed in TA-Lib's convention: average gain and loss over the first
     * {@code p} changes give the first value at row {@code p}, then {@code avg = (avg·(p-1) + move) / p};
     * {@code rsi = 100·gain/(gain+loss)}.
     *
     * <p>Columns {@code {column}_rsi_{p}}; reads {@code [.. i]}; warm-up {@code p}. A window without any movement
     * (flat prices) gives 0, exactly as TA-Lib does. TA-Lib also returns 0 when {@code gain+loss} is non-zero but
     * below {@code 1e-8} (tiny-priced assets); qlir computes the ratio there.
     * <pre>{@code
     * Derived d = Indicators.rsi(candles, "close", 14);   // close_rsi_14
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @param periods one or more distinct periods, each at least 1
     * @return the input's columns plus one column per period
     * @throws IllegalArgumentException when the column is missing or not numeric, or a period is invalid
     */
    public static Derived rsi(Table table, String column, int... periods) {
        return Oscillators.rsi(table, column, periods);
    }

    /**
     * MACD with the classic 12, 26, 9; see {@link #macd(Table, String, int, int, int)}.
     * <pre>{@code
     * Derived d = Indicators.macd(candles, "close");
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @return the input's columns plus the MACD line, signal and histogram
     * @throws IllegalArgumentException when the column is missing or not numeric
     */
    public static Derived macd(Table table, String column) {
        return Oscillators.macd(table, column, 12, 26, 9);
    }

    /**
     * MACD exactly as TA-Lib's {@code TA_MACD} computes it from row 0: the slow EMA is seeded with the mean of rows
     * {@code [0 .. slow-1]}, the fast EMA with the mean of {@code [slow-fast .. slow-1]} so both start at
     * {@code slow-1}; {@code macd = fast - slow}; the signal is an EMA of the MACD line seeded with its first
     * {@code signal} values; {@code hist = macd - signal}.
     *
     * <p>Columns {@code {column}_macd_{f}_{s}_{g}}, {@code {column}_macd_signal_{f}_{s}_{g}},
     * {@code {column}_macd_hist_{f}_{s}_{g}}; all three read {@code [.. i]} and start at row {@code slow+signal-2}.
     * pandas/ta4j-style MACDs seed both EMAs at row 0 and publish earlier, different values.
     * <pre>{@code
     * Derived d = Indicators.macd(candles, "close", 12, 26, 9);   // close_macd_12_26_9, ...
     * }</pre>
     *
     * @param table the input table; not modified
     * @param column a numeric column
     * @param fast the fast period, at least 1
     * @param slow the slow period, greater than fast
     * @param signal the signal period, at least 1
     * @return the input's columns plus the MACD line, signal and histogram
     * @throws IllegalArgumentException when the column is missing or not numeric, or a period is invalid
     */
    public static Derived macd(Table table, String column, int fast, int slow, int signal) {
        return Oscillators.macd(table, column, fast, slow, signal);
    }

    /**
     * Cumulative VWAP from the first row: {@code Σ(hlc3·volume) / Σvolume} with {@code hlc3 = (high+low+close)/3}.
     *
     * <p>Column {@code vwap}; reads {@code [.. i]} of high, low, close, volume; warm-up 0. Zero cumulative volume
     * gives NaN; a non-finite input makes that row and every later one NaN. Sums are compensated.
     * <pre>{@code
     * Derived d = Indicators.vwap(candles);   // vwap
     * }</pre>
     *
     * @param table a candle table with high, low, close and volume; not modified
     * @return the input's columns plus {@code vwap}
     * @throws IllegalArgumentException when a column is missing
     */
    public static Derived vwap(Table table) {
        return Vwap.cumulative(table);
    }

    /**
     * VWAP accumulated separately for each value of a key column (rows of a key need not be contiguous; a missing key
     * gives NaN).
     *
     * <p>Column {@code vwap_by_{key}}; reads {@code [.. i]} of high, low, close, volume and the key; warm-up 0.
     * <pre>{@code
     * Derived d = Indicators.vwapBy(trades, "symbol");   // vwap_by_symbol
     * }</pre>
     *
     * @param table a table with high, low, close, volume and the key column; not modified
     * @param keyColumn the column whose values form the groups (any type)
     * @return the input's columns plus {@code vwap_by_{key}}
     * @throws IllegalArgumentException when a column is missing
     */
    public static Derived vwapBy(Table table, String keyColumn) {
        return Vwap.byGroup(table, keyColumn);
    }

    /**
     * VWAP restarted every UTC day: a bar opening at 00:00 UTC starts the new session (as does the first bar of a
     * day whose 00:00 bar is missing).
     *
     * <p>Column {@code vwap_session}; reads {@code [.. i]} of high, low, close, volume (and {@code open_time}, which
     * decides the session); warm-up 0.
     * <pre>{@code
     * Derived d = Indicators.vwapSession(candles);   // vwap_session
     * }</pre>
     *
     * @param table a candle table with open_time, high, low, close and volume; not modified
     * @return the input's columns plus {@code vwap_session}
     * @throws IllegalArgumentException when a column is missing or open_time is not a LONG column
     */
    public static Derived vwapSession(Table table) {
        return Vwap.session(table);
    }
}
