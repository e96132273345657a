package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Tolerance.assertClose;
import static io.qlir.ops.indicators.Tolerance.close;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Where TA-Lib is not exact and qlir is (documented in {@code docs/indicators.md}): BBANDS over a tiny spread on a
 * large price, BBANDS and RSI on sub-cent prices. qlir is checked against an exact BigDecimal reference (or, for RSI,
 * TA-Lib on the series scaled by the exact factor {@code 2^40}); the TA-Lib assertions show the case is real.
 */
class TaLibDeviationsTest {

    private static Table closes(double[] x) {
        return Table.create("t", Columns.doubleColumn("close", x));
    }

    private static double[] series(double level, double tick, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level + rnd.nextInt(-5, 6) * tick;
        }
        return x;
    }

    /** Rows where a result differs from the exact Bollinger lines beyond the tolerance. */
    private static int mismatches(double[][] lines, double[] x, int p, double k) {
        int bad = 0;
        for (int i = p - 1; i < x.length; i++) {
            double[] exact = ExactStats.bollinger(x, i, p, k);
            for (int line = 0; line < 3; line++) {
                if (!close(lines[line][i], exact[line])) {
                    bad++;
                }
            }
        }
        return bad;
    }

    private static double[][] ours(double[] x, int p, double k) {
        Bands b = Bands.bollinger("close", p, k);
        Derived d = Indicators.bollinger(closes(x), "close", p, k);
        return new double[][] {Columns.doubles(d.table(), b.upper()), Columns.doubles(d.table(), b.mid()),
                Columns.doubles(d.table(), b.lower())};
    }

    @Test
    void bollingerStaysExactOnATinySpreadAtALargePriceWhereTaLibCancels() {
        double[] x = series(1_000_000, 0.001, 400, 1);  // σ about 3e-3 on a price of 1e6
        assertThat(mismatches(ours(x, 20, 2), x, 20, 2)).isZero();
        assertThat(mismatches(TaLib.bbands(x, 20, 2), x, 20, 2)).as("TA-Lib rows off the exact value").isPositive();
    }

    @Test
    void bollingerKeepsTheSpreadOfSubCentPricesWhereTaLibReportsZero() {
        double[] x = series(0.0001, 1e-7, 200, 2);   // variance about 1e-13, below TA-Lib's 1e-8 cut-off
        double[][] ours = ours(x, 20, 2);
        assertThat(mismatches(ours, x, 20, 2)).isZero();
        double[][] ta = TaLib.bbands(x, 20, 2);
        assertThat(ta[0][50]).as("TA-Lib's upper band collapses onto the mid").isEqualTo(ta[1][50]);
        assertThat(ours[0][50]).isGreaterThan(ours[1][50]);
    }

    @Test
    void rsiOfSubCentPricesIsTheRealRatioWhereTaLibReportsZero() {
        double[] x = series(1e-6, 1e-10, 200, 3);     // gain + loss about 1e-10, below TA-Lib's 1e-8 TA_IS_ZERO
        double[] ours = Columns.doubles(Indicators.rsi(closes(x), "close", 14).table(), "close_rsi_14");
        double[] scaled = x.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= Math.scalb(1.0, 40);
        }
        assertClose("rsi vs TA-Lib on the exactly scaled series", ours, TaLib.rsi(scaled, 14));
        assertThat(TaLib.rsi(x, 14)[50]).as("TA-Lib unscaled").isZero();
        assertThat(ours[50]).isStrictlyBetween(0.0, 100.0);
    }

    @Test
    void flatPricesGiveWhatTaLibGives() {
        double[] flat = new double[60];
        java.util.Arrays.fill(flat, 42.5);
        Table t = closes(flat);
        assertClose("rsi", Columns.doubles(Indicators.rsi(t, "close", 14).table(), "close_rsi_14"),
                TaLib.rsi(flat, 14));
        double[][] ta = TaLib.bbands(flat, 20, 2);
        double[][] ours = ours(flat, 20, 2);
        for (int line = 0; line < 3; line++) {
            assertClose("bbands line " + line, ours[line], ta[line]);
        }
        assertThat(ours[0][30]).isEqualTo(42.5);
    }
}
