package io.qlir.ops.indicators;

import io.qlir.core.Op;
import io.qlir.core.catalogue.OpLanguage;
import java.util.List;

/** One op of every indicator in the catalogue (small windows, so that short tables leave the warm-up). */
public final class AllIndicators {

    /** The op texts. */
    public static final List<String> TEXTS = List.of("sma(close,3,5)", "ema(close,3,5)", "wma(close,3,5)",
            "arp(3,5)", "arp_d(3)", "arp_pos(4)", "arp_neg(4)", "arp_pos_frac(4)", "arp_neg_frac(4)",
            "range_shock(3,5)", "range_shock_hist(3)", "atr(1,3)", "atrp(3)", "bollinger(close,5,2)",
            "band_touches(close,5,2)", "band_touches(close,5,2,0.05)", "rsi(close,2,5)", "macd(close,3,6,3)",
            "vwap()", "vwap_session()");

    private AllIndicators() {
    }

    /** The ops. */
    public static List<Op> ops() {
        return TEXTS.stream().map(OpLanguage::parse).toList();
    }
}
