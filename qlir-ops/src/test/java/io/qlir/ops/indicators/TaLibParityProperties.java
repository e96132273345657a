package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Tolerance.assertClose;
import static io.qlir.ops.indicators.Tolerance.close;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tech.tablesaw.api.Table;

/**
 * Parity with TA-Lib's Java port on jqwik-generated price-like series (positive, moves up to 10% a bar), within
 * {@code |a-b| <= 1e-9 * max(1, |b|)}.
 *
 * <p>Two documented exceptions, where TA-Lib itself is not a valid oracle:
 * <ul>
 *   <li>BBANDS: TA-Lib's running {@code Σx²/n - mean²} cancels catastrophically when σ is small against the price,
 *       and it sets σ = 0 when that variance is below 1e-8. Every row is compared with an exact BigDecimal reference;
 *       rows with {@code σ >= mean/1000} and variance {@code >= 2e-8} (where TA-Lib's worst-case error on a 300-row
 *       series stays below the tolerance) are compared with TA-Lib as well.</li>
 *   <li>RSI: TA-Lib returns 0 when {@code gain+loss} is below an absolute 1e-8 (its {@code TA_IS_ZERO}). RSI is
 *       scale-free and scaling by {@code 2^40} is exact in binary floating point, so TA-Lib is run on the scaled
 *       series, which moves that threshold out of reach of real movement; exactly flat windows still give 0.</li>
 * </ul>
 */
class TaLibParityProperties {

    @Provide
    Arbitrary<Table> series() {
        return PriceSeries.candles(300);
    }

    private static double[] col(Derived d, String name) {
        return Columns.doubles(d.table(), name);
    }

    @Property(tries = 60)
    void smaEmaWmaMatchTaLib(@ForAll("series") Table t, @ForAll @IntRange(min = 2, max = 60) int w) {
        double[] close = Columns.doubles(t, "close");
        int other = w + 7;
        Derived sma = Indicators.sma(t, "close", w, other);
        Derived ema = Indicators.ema(t, "close", w, other);
        Derived wma = Indicators.wma(t, "close", w, other);
        for (int p : new int[] {w, other}) {
            assertClose("sma " + p, col(sma, "close_sma_" + p), TaLib.sma(close, p));
            assertClose("ema " + p, col(ema, "close_ema_" + p), TaLib.ema(close, p));
            assertClose("wma " + p, col(wma, "close_wma_" + p), TaLib.wma(close, p));
        }
    }

    @Property(tries = 60)
    void atrMatchesTaLib(@ForAll("series") Table t, @ForAll @IntRange(min = 1, max = 60) int p) {
        Derived d = Indicators.atr(t, p);
        assertClose("atr " + p, col(d, "atr_" + p), TaLib.atr(Columns.doubles(t, "high"),
                Columns.doubles(t, "low"), Columns.doubles(t, "close"), p));
    }

    @Property(tries = 60)
    void rsiMatchesTaLib(@ForAll("series") Table t, @ForAll @IntRange(min = 2, max = 60) int p) {
        double[] close = Columns.doubles(t, "close");
        double scale = Math.scalb(1.0, 40);
        double[] scaled = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            scaled[i] = close[i] * scale;
        }
        Derived d = Indicators.rsi(t, "close", p);
        assertClose("rsi " + p, col(d, "close_rsi_" + p), TaLib.rsi(scaled, p));
    }

    @Property(tries = 60)
    void macdMatchesTaLib(@ForAll("series") Table t, @ForAll @IntRange(min = 2, max = 20) int fast,
            @ForAll @IntRange(min = 1, max = 20) int extra, @ForAll @IntRange(min = 2, max = 15) int signal) {
        int slow = fast + extra;
        String suffix = fast + "_" + slow + "_" + signal;
        Derived d = Indicators.macd(t, "close", fast, slow, signal);
        double[][] ta = TaLib.macd(Columns.doubles(t, "close"), fast, slow, signal);
        assertClose("macd " + suffix, col(d, "close_macd_" + suffix), ta[0]);
        assertClose("signal " + suffix, col(d, "close_macd_signal_" + suffix), ta[1]);
        assertClose("hist " + suffix, col(d, "close_macd_hist_" + suffix), ta[2]);
    }

    @Property(tries = 40)
    void bollingerMatchesExactReferenceAndTaLibWhereTaLibIsStable(@ForAll("series") Table t,
            @ForAll @IntRange(min = 2, max = 40) int p) {
        double k = 2;
        double[] close = Columns.doubles(t, "close");
        Bands b = Bands.bollinger("close", p, k);
        Derived d = Indicators.bollinger(t, "close", p, k);
        double[][] ours = {col(d, b.upper()), col(d, b.mid()), col(d, b.lower())};
        double[][] ta = TaLib.bbands(close, p, k);
        for (int i = 0; i < close.length; i++) {
            if (i < p - 1) {
                assertThat(ours[1][i]).as("warm-up row %d", i).isNaN();
                continue;
            }
            double[] exact = ExactStats.bollinger(close, i, p, k);
            double variance = ExactStats.variance(close, i - p + 1, i).doubleValue();
            boolean taLibStable = variance >= 2e-8 && Math.sqrt(variance) >= exact[1] / 1000;
            for (int line = 0; line < 3; line++) {
                assertThat(close(ours[line][i], exact[line]))
                        .as("line %d row %d: %s vs exact %s", line, i, ours[line][i], exact[line]).isTrue();
                if (taLibStable) {
                    assertThat(close(ours[line][i], ta[line][i]))
                            .as("line %d row %d: %s vs TA-Lib %s", line, i, ours[line][i], ta[line][i]).isTrue();
                }
            }
        }
    }
}
