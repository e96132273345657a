package io.qlir.ops;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.ops.indicators.Bands;
import io.qlir.ops.indicators.Indicators;
import io.qlir.semantics.Alignment;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** The indicators of {@link Indicators} as op-language definitions. */
final class IndicatorOps {

    private static final int MANY = Integer.MAX_VALUE;

    private IndicatorOps() {
    }

    static List<OpDefinition> definitions() {
        return List.of(
                columnWindows("sma", "window", "simple moving average", Indicators::sma),
                columnWindows("ema", "period", "exponential moving average (TA-Lib seeded)", Indicators::ema),
                columnWindows("wma", "window", "linearly weighted moving average", Indicators::wma),
                columnWindows("rsi", "period", "Wilder's RSI (TA-Lib convention)", Indicators::rsi),
                windows("arp", "window", "average range percent, (high-low)/open averaged", Indicators::arp),
                windows("arp_d", "window", "ARP-D bundle: arp_pos, arp_neg, arp_pos_frac, arp_neg_frac",
                        Indicators::arpD),
                windows("arp_pos", "window", "mean range_pct of the bullish bars", Indicators::arpPos),
                windows("arp_neg", "window", "mean range_pct of the bearish bars", Indicators::arpNeg),
                windows("arp_pos_frac", "window", "fraction of bullish bars", Indicators::arpPosFrac),
                windows("arp_neg_frac", "window", "fraction of bearish bars", Indicators::arpNegFrac),
                windows("range_shock", "window", "range_pct over the mean of the w bars before (execution-safe)",
                        Indicators::rangeShock),
                windows("range_shock_hist", "window", "range_pct over the mean of the last w bars incl. this one",
                        (t, ws) -> Indicators.rangeShock(t, Alignment.HISTORICAL, ws)),
                windows("atr", "period", "Wilder's average true range (TA-Lib convention)", Indicators::atr),
                windows("atrp", "period", "ATR divided by close", Indicators::atrp),
                bollinger(),
                bandTouches(),
                macd(),
                new OpDefinition("vwap", "vwap()", "cumulative VWAP of hlc3",
                        a -> {
                            a.arity(0, 0);
                            return Op.of("vwap", List.of(), Indicators::vwap);
                        }),
                new OpDefinition("vwap_session", "vwap_session()", "VWAP of hlc3 restarted every UTC day",
                        a -> {
                            a.arity(0, 0);
                            return Op.of("vwap_session", List.of(), Indicators::vwapSession);
                        }),
                new OpDefinition("vwap_by", "vwap_by(key_column)", "VWAP of hlc3 per value of a key column",
                        a -> {
                            a.arity(1, 1);
                            String key = a.column(0);
                            return Op.of("vwap_by", List.of(key), t -> Indicators.vwapBy(t, key));
                        }));
    }

    /** A column indicator over one or many windows. */
    interface ColumnWindows {
        Derived apply(Table table, String column, int... windows);
    }

    /** A whole-bar indicator over one or many windows. */
    interface Windows {
        Derived apply(Table table, int... windows);
    }

    private static OpDefinition columnWindows(String name, String what, String summary, ColumnWindows body) {
        return new OpDefinition(name, name + "(column, " + what + "...)", summary, a -> {
            a.arity(2, MANY);
            String column = a.column(0);
            int[] ws = a.integersFrom(1, what, 1);
            List<Object> params = new ArrayList<>();
            params.add(column);
            for (int w : ws) {
                params.add(w);
            }
            checkDistinct(a, what, ws);
            return Op.of(name, params, t -> body.apply(t, column, ws.clone()));
        });
    }

    private static OpDefinition windows(String name, String what, String summary, Windows body) {
        return new OpDefinition(name, name + "(" + what + "...)", summary, a -> {
            a.arity(1, MANY);
            int[] ws = a.integersFrom(0, what, 1);
            List<Object> params = new ArrayList<>();
            for (int w : ws) {
                params.add(w);
            }
            checkDistinct(a, what, ws);
            return Op.of(name, params, t -> body.apply(t, ws.clone()));
        });
    }

    private static void checkDistinct(OpArgs a, String what, int[] ws) {
        for (int i = 0; i < ws.length; i++) {
            for (int j = 0; j < i; j++) {
                if (ws[i] == ws[j]) {
                    throw a.error("lists " + what + " " + ws[i] + " twice");
                }
            }
        }
    }

    private static OpDefinition bollinger() {
        return new OpDefinition("bollinger", "bollinger(column[, period=20, k=2])",
                "Bollinger bands: SMA ± k population σ", a -> {
                    a.arity(1, 3);
                    String column = a.column(0);
                    int period = a.size() > 1 ? a.integer(1, "period", 1) : 20;
                    double k = a.decimal(2, "k", 0, 2.0);
                    return Op.of("bollinger", List.of(column, period, k),
                            t -> Indicators.bollinger(t, column, period, k));
                });
    }

    private static OpDefinition bandTouches() {
        return new OpDefinition("band_touches", "band_touches(column, period, k[, eps=0.001])",
                "touch flags and position label against Bollinger bands (computed when absent)", a -> {
                    a.arity(3, 4);
                    String column = a.column(0);
                    int period = a.integer(1, "period", 1);
                    double k = a.decimal(2, "k", 0, 2.0);
                    double eps = a.decimal(3, "eps", 0, Indicators.DEFAULT_TOUCH_EPS);
                    Bands bands = Bands.bollinger(column, period, k);
                    List<Object> params = eps == Indicators.DEFAULT_TOUCH_EPS ? List.of(column, period, k)
                            : List.of(column, period, k, eps);
                    return Op.of("band_touches", params, t -> Indicators.bandTouches(t, bands, eps));
                });
    }

    private static OpDefinition macd() {
        return new OpDefinition("macd", "macd(column[, fast=12, slow=26, signal=9])",
                "MACD line, signal and histogram (TA-Lib alignment)", a -> {
                    if (a.size() != 1 && a.size() != 4) {
                        throw a.error("takes 1 or 4 arguments, got " + a.size() + " " + a.raw());
                    }
                    String column = a.column(0);
                    int fast = a.size() > 1 ? a.integer(1, "fast", 1) : 12;
                    int slow = a.size() > 1 ? a.integer(2, "slow", 1) : 26;
                    int signal = a.size() > 1 ? a.integer(3, "signal", 1) : 9;
                    if (slow <= fast) {
                        throw a.error("needs slow > fast, got fast=" + fast + ", slow=" + slow);
                    }
                    return Op.of("macd", List.of(column, fast, slow, signal),
                            t -> Indicators.macd(t, column, fast, slow, signal));
                });
    }
}
