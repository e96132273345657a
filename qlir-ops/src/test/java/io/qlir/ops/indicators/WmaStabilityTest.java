package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** WMA's blocked prefix sums stay within {@code 1e-12} of the exact weighted mean on a long series. */
class WmaStabilityTest {

    private static double exactWma(double[] x, int i, int w) {
        BigDecimal num = BigDecimal.ZERO;
        for (int j = 0; j < w; j++) {
            num = num.add(new BigDecimal(x[i - j]).multiply(BigDecimal.valueOf(w - j)));
        }
        return num.divide(BigDecimal.valueOf((long) w * (w + 1) / 2), new MathContext(40)).doubleValue();
    }

    @Test
    void aMillionRowsAtBitcoinPricesStayExact() {
        int n = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[n];
        double p = 60_000;
        for (int i = 0; i < n; i++) {
            p = Math.max(1, p + (rnd.nextInt(2001) - 1000) * 0.01);
            x[i] = p;
        }
        int[] windows = {1, 2, 30, 1000};
        double[][] out = WeightedSums.means(x, windows);
        double worst = 0;
        for (int k = 0; k < windows.length; k++) {
            for (int s = 0; s < 400; s++) {
                int i = s < 100 ? n - 1 - s : windows[k] - 1 + rnd.nextInt(n - windows[k] + 1);
                double exact = exactWma(x, i, windows[k]);
                worst = Math.max(worst, Math.abs(out[k][i] - exact) / exact);
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-12);
    }
}
