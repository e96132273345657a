package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.testkit.BinanceRecordings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Parity with TA-Lib's Java port on the four real Binance recordings: every value, including where each output
 * starts (TA-Lib's {@code outBegIdx} equals qlir's warm-up), within {@code |a-b| <= 1e-9 * max(1, |b|)}.
 */
class TaLibParityTest {

    static java.util.List<String> fixtures() {
        return BinanceRecordings.NAMES;
    }

    private static double[] col(Derived d, String name) {
        return Columns.doubles(d.table(), name);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sma(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        int[] windows = {2, 5, 14, 20, 50, 200};
        Derived d = Indicators.sma(t, "close", windows);
        for (int w : windows) {
            assertClose(fixture + " sma " + w, col(d, "close_sma_" + w), TaLib.sma(close, w));
            assertThat(d.spec("close_sma_" + w).warmup()).isEqualTo(w - 1);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void ema(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        int[] periods = {2, 9, 12, 26, 50};
        Derived d = Indicators.ema(t, "close", periods);
        for (int p : periods) {
            assertClose(fixture + " ema " + p, col(d, "close_ema_" + p), TaLib.ema(close, p));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void wma(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        int[] windows = {2, 10, 30, 100};
        Derived d = Indicators.wma(t, "close", windows);
        for (int w : windows) {
            assertClose(fixture + " wma " + w, col(d, "close_wma_" + w), TaLib.wma(close, w));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void atr(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] h = Columns.doubles(t, "high");
        double[] l = Columns.doubles(t, "low");
        double[] c = Columns.doubles(t, "close");
        int[] periods = {1, 7, 14, 30};
        Derived d = Indicators.atr(t, periods);
        Derived dp = Indicators.atrp(t, periods);
        for (int p : periods) {
            double[] expected = TaLib.atr(h, l, c, p);
            assertClose(fixture + " atr " + p, col(d, "atr_" + p), expected);
            double[] expectedPct = new double[expected.length];
            for (int i = 0; i < expected.length; i++) {
                expectedPct[i] = expected[i] / c[i];
            }
            assertClose(fixture + " atrp " + p, col(dp, "atrp_" + p), expectedPct);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void bollinger(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        for (double[] pk : new double[][] {{20, 2}, {10, 1.5}, {50, 3}}) {
            int p = (int) pk[0];
            double k = pk[1];
            Bands b = Bands.bollinger("close", p, k);
            Derived d = Indicators.bollinger(t, "close", p, k);
            double[][] ta = TaLib.bbands(close, p, k);
            assertClose(fixture + " " + b.upper(), col(d, b.upper()), ta[0]);
            assertClose(fixture + " " + b.mid(), col(d, b.mid()), ta[1]);
            assertClose(fixture + " " + b.lower(), col(d, b.lower()), ta[2]);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rsi(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        int[] periods = {2, 6, 14, 30};
        Derived d = Indicators.rsi(t, "close", periods);
        for (int p : periods) {
            assertClose(fixture + " rsi " + p, col(d, "close_rsi_" + p), TaLib.rsi(close, p));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void macd(String fixture) {
        Table t = BinanceRecordings.candles(fixture);
        double[] close = Columns.doubles(t, "close");
        for (int[] fss : new int[][] {{12, 26, 9}, {5, 35, 5}, {2, 3, 2}}) {
            String suffix = fss[0] + "_" + fss[1] + "_" + fss[2];
            Derived d = Indicators.macd(t, "close", fss[0], fss[1], fss[2]);
            double[][] ta = TaLib.macd(close, fss[0], fss[1], fss[2]);
            assertClose(fixture + " macd " + suffix, col(d, "close_macd_" + suffix), ta[0]);
            assertClose(fixture + " signal " + suffix, col(d, "close_macd_signal_" + suffix), ta[1]);
            assertClose(fixture + " hist " + suffix, col(d, "close_macd_hist_" + suffix), ta[2]);
        }
    }
}
