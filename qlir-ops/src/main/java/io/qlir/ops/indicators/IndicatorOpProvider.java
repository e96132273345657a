package io.qlir.ops.indicators;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.ChartHint;
import io.qlir.core.catalogue.OpArguments;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpOutput;
import io.qlir.core.catalogue.OpParam;
import io.qlir.core.catalogue.OpProvider;
import io.qlir.semantics.Alignment;
import io.qlir.semantics.RowDerivationSpec;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * The indicators of {@link Indicators} as op-catalogue definitions, registered through {@code META-INF/services}:
 * one registration per indicator, holding its params, rows read, output columns and how charts draw them. A new
 * indicator adds its kernel, one entry here, its section of {@code docs/indicators.md} and its tests.
 * <pre>{@code
 * Op op = OpLanguage.parse("bollinger(close,20,2)");   // found here through the standard catalogue
 * }</pre>
 */
public final class IndicatorOpProvider implements OpProvider {

    private static final String TRAILING = "[i-(w-1) .. i], warm-up w-1";
    private static final String RECURSIVE = "[.. i], warm-up p";

    /** A column indicator over one or many windows. */
    private interface ColumnWindows {
        Derived apply(Table table, String column, int... windows);
    }

    /** A whole-bar indicator over one or many windows. */
    private interface Windows {
        Derived apply(Table table, int... windows);
    }

    /** Called by {@link java.util.ServiceLoader}. */
    public IndicatorOpProvider() {
    }

    /**
     * The indicators.
     *
     * @return their definitions
     */
    @Override
    public List<OpDefinition> definitions() {
        return List.of(
                columnWindows("sma", "window", "simple moving average", TRAILING,
                        OpOutput.of("SMA", "{column}_sma_{window}", ChartHint.overlay()), Indicators::sma),
                columnWindows("ema", "period", "exponential moving average (TA-Lib seeded)", "[.. i], warm-up p-1",
                        OpOutput.of("EMA", "{column}_ema_{period}", ChartHint.overlay()), Indicators::ema),
                columnWindows("wma", "window", "linearly weighted moving average", TRAILING,
                        OpOutput.of("WMA", "{column}_wma_{window}", ChartHint.overlay()), Indicators::wma),
                columnWindows("rsi", "period", "Wilder's RSI (TA-Lib convention)", RECURSIVE,
                        OpOutput.of("RSI", "{column}_rsi_{period}", ChartHint.ownPanel()), Indicators::rsi),
                windows(OpDefinition.builder("arp").summary("average range percent, (high-low)/open averaged")
                        .output(OpOutput.of("ARP", "arp_{window}", ChartHint.ownPanel()))
                        .output(OpOutput.of("RANGE_PCT", "range_pct (intermediate, dropped)", ChartHint.ownPanel())),
                        Indicators::arp),
                windows(OpDefinition.builder("arp_d")
                        .summary("ARP-D bundle: arp_pos, arp_neg, arp_pos_frac, arp_neg_frac")
                        .output(OpOutput.of("ARP_POS", "arp_pos_{window}", ChartHint.ownPanel()))
                        .output(OpOutput.of("ARP_NEG", "arp_neg_{window}", ChartHint.ownPanel()))
                        .output(OpOutput.of("ARP_POS_FRAC", "arp_pos_frac_{window}", ChartHint.ownPanel()))
                        .output(OpOutput.of("ARP_NEG_FRAC", "arp_neg_frac_{window}", ChartHint.ownPanel())),
                        Indicators::arpD),
                windows(OpDefinition.builder("arp_pos").summary("mean range_pct of the bullish bars")
                        .output(OpOutput.of("ARP_POS", "arp_pos_{window}", ChartHint.ownPanel())), Indicators::arpPos),
                windows(OpDefinition.builder("arp_neg").summary("mean range_pct of the bearish bars")
                        .output(OpOutput.of("ARP_NEG", "arp_neg_{window}", ChartHint.ownPanel())), Indicators::arpNeg),
                windows(OpDefinition.builder("arp_pos_frac").summary("fraction of bullish bars")
                        .output(OpOutput.of("ARP_POS_FRAC", "arp_pos_frac_{window}", ChartHint.ownPanel())),
                        Indicators::arpPosFrac),
                windows(OpDefinition.builder("arp_neg_frac").summary("fraction of bearish bars")
                        .output(OpOutput.of("ARP_NEG_FRAC", "arp_neg_frac_{window}", ChartHint.ownPanel())),
                        Indicators::arpNegFrac),
                wholeBar(OpDefinition.builder("range_shock")
                        .summary("range_pct over the mean of the w bars before (execution-safe)")
                        .rows("[i-w .. i] (baseline [i-w .. i-1]), warm-up w")
                        .output(OpOutput.of("RANGE_SHOCK", "range_shock_{window}", ChartHint.threshold("range shock"))),
                        "window", Indicators::rangeShock),
                windows(OpDefinition.builder("range_shock_hist")
                        .summary("range_pct over the mean of the last w bars incl. this one")
                        .output(OpOutput.of("RANGE_SHOCK", "range_shock_hist_{window}",
                                ChartHint.threshold("range shock"))),
                        (t, ws) -> Indicators.rangeShock(t, Alignment.HISTORICAL, ws)),
                periods(OpDefinition.builder("atr").summary("Wilder's average true range (TA-Lib convention)")
                        .output(OpOutput.of("ATR", "atr_{period}", ChartHint.ownPanel())), Indicators::atr),
                periods(OpDefinition.builder("atrp").summary("ATR divided by close")
                        .output(OpOutput.of("ATRP", "atrp_{period}", ChartHint.ownPanel())), Indicators::atrp),
                bollinger(),
                bandTouches(),
                macd(),
                vwap("vwap", "cumulative VWAP of hlc3", "vwap", Indicators::vwap),
                vwap("vwap_session", "VWAP of hlc3 restarted every UTC day", "vwap_session", Indicators::vwapSession),
                OpDefinition.builder("vwap_by").summary("VWAP of hlc3 per value of a key column")
                        .params(OpParam.column("key_column")).rows("[.. i], warm-up 0")
                        .output(OpOutput.of("VWAP", "vwap_by_{key_column}", ChartHint.overlay()))
                        .factory(a -> {
                            String key = a.column("key_column");
                            return Op.of("vwap_by", List.of(key), t -> Indicators.vwapBy(t, key));
                        }).build());
    }

    private static OpDefinition columnWindows(String name, String what, String summary, String rows,
            OpOutput output, ColumnWindows body) {
        return OpDefinition.builder(name).summary(summary).rows(rows).output(output)
                .params(OpParam.column("column"), OpParam.windows(what))
                .factory(a -> {
                    String column = a.column("column");
                    int[] ws = a.integers(what);
                    return Op.of(name, OpArguments.params(List.of(column), ws), t -> body.apply(t, column, ws.clone()));
                }).build();
    }

    private static OpDefinition windows(OpDefinition.Builder b, Windows body) {
        return wholeBar(b.rows(TRAILING), "window", body);
    }

    private static OpDefinition periods(OpDefinition.Builder b, Windows body) {
        return wholeBar(b.rows(RECURSIVE), "period", body);
    }

    private static OpDefinition wholeBar(OpDefinition.Builder b, String what, Windows body) {
        return b.params(OpParam.windows(what))
                .factory(a -> {
                    int[] ws = a.integers(what);
                    return Op.of(a.opName(), OpArguments.params(List.of(), ws), t -> body.apply(t, ws.clone()));
                }).build();
    }

    private static OpDefinition vwap(String name, String summary, String column, Function<Table, Derived> body) {
        return OpDefinition.builder(name).summary(summary).rows("[.. i], warm-up 0")
                .output(OpOutput.of("VWAP", column, ChartHint.overlay()))
                .factory(a -> Op.of(name, List.of(), body)).build();
    }

    private static OpDefinition bollinger() {
        return OpDefinition.builder("bollinger").summary("Bollinger bands: SMA ± k population σ")
                .params(OpParam.column("column"), OpParam.whole("period", 1, 20), OpParam.number("k", 0, 2.0))
                .rows("[i-(p-1) .. i], warm-up p-1")
                .output(OpOutput.of("BOLL_MID", "{column}_boll_mid_{period}_{k}", ChartHint.overlay()))
                .output(OpOutput.of("BOLL_UPPER", "{column}_boll_upper_{period}_{k}", ChartHint.overlay()))
                .output(OpOutput.of("BOLL_LOWER", "{column}_boll_lower_{period}_{k}", ChartHint.overlay()))
                .factory(a -> {
                    String column = a.column("column");
                    int period = a.integer("period");
                    double k = a.decimal("k");
                    return Op.of("bollinger", List.of(column, period, k),
                            t -> Indicators.bollinger(t, column, period, k));
                }).build();
    }

    private static OpDefinition bandTouches() {
        return OpDefinition.builder("band_touches")
                .summary("touch flags and position label against Bollinger bands (computed when absent)")
                .params(OpParam.column("column"), OpParam.whole("period", 1), OpParam.number("k", 0),
                        OpParam.number("eps", 0, Indicators.DEFAULT_TOUCH_EPS))
                .rows("[i .. i] of the bands, or [i-(p-1) .. i] of the column when it computes them")
                .output(OpOutput.of("BAND_TOUCH", "{stem}_touch_lower, _touch_mid, _touch_upper",
                        ChartHint.markers(IndicatorOpProvider::touchedLine)))
                .output(OpOutput.of("BAND_POSITION", "{stem}_position (a label, not drawn)", ChartHint.ownPanel()))
                .factory(a -> {
                    String column = a.column("column");
                    int period = a.integer("period");
                    double k = a.decimal("k");
                    double eps = a.decimal("eps");
                    Bands bands = Bands.bollinger(column, period, k);
                    List<Object> params = eps == Indicators.DEFAULT_TOUCH_EPS ? List.of(column, period, k)
                            : List.of(column, period, k, eps);
                    return Op.of("band_touches", params, t -> Indicators.bandTouches(t, bands, eps));
                }).build();
    }

    /** The band line a touch flag refers to, so a chart puts its dots on that line; null when unknown. */
    private static String touchedLine(RowDerivationSpec spec) {
        int index = List.of("lower", "mid", "upper").indexOf(String.valueOf(spec.param("line")));
        if (index < 0) {
            return null;
        }
        if (spec.params().stream().anyMatch(p -> p.name().equals("bands"))) {
            return spec.inputs().size() > 2 ? spec.inputs().get(index) : null;
        }
        Bands b = Bands.bollinger(String.valueOf(spec.param("base_col")), ((Number) spec.param("period")).intValue(),
                ((Number) spec.param("k")).doubleValue());
        return List.of(b.lower(), b.mid(), b.upper()).get(index);
    }

    private static OpDefinition macd() {
        return OpDefinition.builder("macd").summary("MACD line, signal and histogram (TA-Lib alignment)")
                .params(OpParam.column("column"), OpParam.whole("fast", 1, 12), OpParam.whole("slow", 1, 26),
                        OpParam.whole("signal", 1, 9))
                .rows("[.. i], warm-up slow+signal-2")
                .output(OpOutput.of("MACD", "{column}_macd_{fast}_{slow}_{signal}", ChartHint.ownPanel()))
                .output(OpOutput.of("MACD_SIGNAL", "{column}_macd_signal_{fast}_{slow}_{signal}", ChartHint.ownPanel()))
                .output(OpOutput.of("MACD_HIST", "{column}_macd_hist_{fast}_{slow}_{signal}", ChartHint.ownPanel()))
                .factory(a -> {
                    if (a.size() != 1 && a.size() != 4) {
                        throw a.error("takes 1 or 4 arguments, got " + a.size() + " " + a.raw());
                    }
                    String column = a.column("column");
                    int fast = a.integer("fast");
                    int slow = a.integer("slow");
                    int signal = a.integer("signal");
                    if (slow <= fast) {
                        throw a.error("slow must be greater than fast, got fast=" + fast + ", slow=" + slow);
                    }
                    return Op.of("macd", List.of(column, fast, slow, signal),
                            t -> Indicators.macd(t, column, fast, slow, signal));
                }).build();
    }
}
