package io.qlir.talib;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.indicators.Indicators;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Where qlir has its own kernel (SMA, EMA, WMA, ATR, Bollinger, RSI, MACD), it and {@code talib(...)} agree on every
 * real recording, row for row (NaN where the other is NaN), within qlir's tolerance {@code 1e-9·max(1,|b|)}.
 * docs/talib.md says which to prefer.
 */
class TaLibAgreesWithQlirKernelsTest {

    static java.util.List<String> fixtures() {
        return TaLibFixtures.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyQlirKernelAgreesWithItsTaLibFunction(String fixture) {
        Table t = TaLibFixtures.load(fixture);
        agree(Indicators.sma(t, "close", 20), "close_sma_20", talib(t, "talib(SMA,20)"), "talib_sma_20");
        agree(Indicators.ema(t, "close", 20), "close_ema_20", talib(t, "talib(EMA,20)"), "talib_ema_20");
        agree(Indicators.wma(t, "close", 10), "close_wma_10", talib(t, "talib(WMA,10)"), "talib_wma_10");
        agree(Indicators.rsi(t, "close", 14), "close_rsi_14", talib(t, "talib(RSI,14)"), "talib_rsi_14");
        agree(Indicators.atr(t, 14), "atr_14", talib(t, "talib(ATR,14)"), "talib_atr_14");
        Derived boll = Indicators.bollinger(t, "close", 20, 2);
        Derived bbands = talib(t, "talib(BBANDS,20,2,2)");
        for (Map.Entry<String, String> e : Map.of("mid", "middleband", "upper", "upperband", "lower", "lowerband")
                .entrySet()) {
            agree(boll, "close_boll_" + e.getKey() + "_20_2", bbands, "talib_bbands_20_2_2_" + e.getValue());
        }
        Derived macd = Indicators.macd(t, "close", 12, 26, 9);
        Derived taMacd = talib(t, "talib(MACD,12,26,9)");
        agree(macd, "close_macd_12_26_9", taMacd, "talib_macd_12_26_9_macd");
        agree(macd, "close_macd_signal_12_26_9", taMacd, "talib_macd_12_26_9_macdsignal");
        agree(macd, "close_macd_hist_12_26_9", taMacd, "talib_macd_12_26_9_macdhist");
    }

    private static Derived talib(Table t, String op) {
        return OpLanguage.parse(op).apply(t);
    }

    private static void agree(Derived qlir, String qlirColumn, Derived ta, String taColumn) {
        double[] a = Columns.doubles(qlir.table(), qlirColumn);
        double[] b = Columns.doubles(ta.table(), taColumn);
        assertThat(a).hasSameSizeAs(b);
        int defined = 0;
        for (int i = 0; i < a.length; i++) {
            String at = qlirColumn + " vs " + taColumn + " row " + i;
            assertThat(Double.isNaN(a[i])).as(at + " NaN").isEqualTo(Double.isNaN(b[i]));
            if (!Double.isNaN(b[i])) {
                assertThat(Math.abs(a[i] - b[i])).as(at + ": " + a[i] + " vs " + b[i])
                        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(b[i])));
                defined++;
            }
        }
        assertThat(defined).as(taColumn + " has defined rows").isGreaterThan(a.length / 2);
        assertThat(qlir.spec(qlirColumn).warmup()).as(qlirColumn + " warm-up").isEqualTo(ta.spec(taColumn).warmup());
    }
}
