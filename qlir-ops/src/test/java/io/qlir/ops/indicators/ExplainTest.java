package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Derived;
import io.qlir.testkit.BinanceRecordings;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code explain()} prints one readable spec line per column, in the DESIGN format. */
class ExplainTest {

    private final Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);

    @Test
    void smaThenRangeShock() {
        Derived d = Indicators.sma(candles, "close", 20, 50).then(t -> Indicators.rangeShock(t, 14));
        assertThat(d.explain().lines()).containsExactly(
                "SMA(base_col=close, window=20, rows_used=[i-19 .. i], write_col=close_sma_20, write_row=i)",
                "SMA(base_col=close, window=50, rows_used=[i-49 .. i], write_col=close_sma_50, write_row=i)",
                "RANGE_SHOCK(window=14, alignment=EXECUTION_SAFE, baseline=[i-14 .. i-1], rows_used=[i-14 .. i], "
                        + "write_col=range_shock_14, write_row=i)");
        assertThat(d.columns()).containsExactly("close_sma_20", "close_sma_50", "range_shock_14");
        assertThat(candles.columnCount()).isEqualTo(11);
    }

    @Test
    void arpShowsItsIntermediateAndTheDrop() {
        assertThat(Indicators.arp(candles, 14).explain().lines()).containsExactly(
                "RANGE_PCT(rows_used=[i .. i], write_col=range_pct, write_row=i)",
                "ARP(window=14, rows_used=[i-13 .. i], write_col=arp_14, write_row=i)",
                "DROPPED range_pct by ARP (intermediate of arp_14; keepIntermediate=false)");
    }

    @Test
    void everyIndicatorExplainsItself() {
        Derived d = Indicators.ema(candles, "close", 12)
                .then(t -> Indicators.wma(t, "close", 10))
                .then(t -> Indicators.atr(t, 14))
                .then(t -> Indicators.atrp(t, 14))
                .then(t -> Indicators.bollinger(t, "close", 20, 2.5))
                .then(t -> Indicators.rsi(t, "close", 14))
                .then(t -> Indicators.macd(t, "close"))
                .then(t -> Indicators.arpD(t, 14))
                .then(Indicators::vwap);
        assertThat(d.explain().lines()).containsExactly(
                "EMA(base_col=close, period=12, rows_used=[.. i], write_col=close_ema_12, write_row=i)",
                "WMA(base_col=close, window=10, rows_used=[i-9 .. i], write_col=close_wma_10, write_row=i)",
                "ATR(period=14, rows_used=[.. i], write_col=atr_14, write_row=i)",
                "ATRP(period=14, rows_used=[.. i], write_col=atrp_14, write_row=i)",
                "BOLL_MID(base_col=close, period=20, k=2.5, rows_used=[i-19 .. i], write_col=close_boll_mid_20_2p5, "
                        + "write_row=i)",
                "BOLL_UPPER(base_col=close, period=20, k=2.5, rows_used=[i-19 .. i], "
                        + "write_col=close_boll_upper_20_2p5, write_row=i)",
                "BOLL_LOWER(base_col=close, period=20, k=2.5, rows_used=[i-19 .. i], "
                        + "write_col=close_boll_lower_20_2p5, write_row=i)",
                "RSI(base_col=close, period=14, rows_used=[.. i], write_col=close_rsi_14, write_row=i)",
                "MACD(base_col=close, fast=12, slow=26, signal=9, rows_used=[.. i], write_col=close_macd_12_26_9, "
                        + "write_row=i)",
                "MACD_SIGNAL(base_col=close, fast=12, slow=26, signal=9, rows_used=[.. i], "
                        + "write_col=close_macd_signal_12_26_9, write_row=i)",
                "MACD_HIST(base_col=close, fast=12, slow=26, signal=9, rows_used=[.. i], "
                        + "write_col=close_macd_hist_12_26_9, write_row=i)",
                "ARP_POS(window=14, rows_used=[i-13 .. i], write_col=arp_pos_14, write_row=i)",
                "ARP_NEG(window=14, rows_used=[i-13 .. i], write_col=arp_neg_14, write_row=i)",
                "ARP_POS_FRAC(window=14, rows_used=[i-13 .. i], write_col=arp_pos_frac_14, write_row=i)",
                "ARP_NEG_FRAC(window=14, rows_used=[i-13 .. i], write_col=arp_neg_frac_14, write_row=i)",
                "VWAP(price=hlc3, rows_used=[.. i], write_col=vwap, write_row=i)");
    }
}
