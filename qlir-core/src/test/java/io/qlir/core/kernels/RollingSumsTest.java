package io.qlir.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trailing-sum kernel's bounds against exact (BigDecimal) sums: within {@code 1.2e-13} relative on its fast path
 * (positive series), within a few ulps of {@code sum(|x|)} on the compensated one, and no seam at block boundaries.
 */
class RollingSumsTest {

    /** What {@link RollingSums} promises for a positive series: {@code 2^-43} plus a few roundings. */
    private static final double SHIFTED_BOUND = 1.2e-13;

    private static double relativeError(double actual, double exact) {
        return Math.abs(actual - exact) / Math.abs(exact);
    }

    @Test
    void blockBoundariesDoNotShowInTheResult() {
        // a window straddling every block boundary, compared with the exact mean at each boundary
        int n = 3 * RollingSums.BLOCK + 17;
        double[] x = new double[n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = 100 + rnd.nextDouble();
        }
        int w = RollingSums.BLOCK + 5;  // longer than a block
        double[][] out = RollingSums.means(x, new int[] {w, 3});
        for (int b = 1; b <= 3; b++) {
            for (int i = b * RollingSums.BLOCK - 2; i <= b * RollingSums.BLOCK + 2 && i < n; i++) {
                if (i >= w - 1) {
                    assertThat(relativeError(out[0][i], ExactStats.mean(x, i - w + 1, i))).isLessThan(SHIFTED_BOUND);
                }
                assertThat(relativeError(out[1][i], ExactStats.mean(x, i - 2, i))).isLessThan(SHIFTED_BOUND);
            }
        }
    }

    @Test
    void aPositiveSeriesAtTheEdgeOfTheFastPathStaysWithinItsBound() {
        // every block as wide as the fast path admits (L * r just under 340 * (a - r)), values drifting to the top of
        // that range so the prefix grows as large as it can; windows 1..3 are the ones the bound is tightest for
        int n = 3 * RollingSums.BLOCK;
        int[] windows = {1, 2, 3};
        double a = 1000;
        double r = 0.99 * 340 * a / (RollingSums.BLOCK + 3 + 340);
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % RollingSums.BLOCK == 0 ? a : a + r * (0.5 + 0.5 * rnd.nextDouble());
        }
        double[][] out = RollingSums.means(x, windows);
        double worst = 0;
        for (int k = 0; k < windows.length; k++) {
            for (int i = windows[k] - 1; i < n; i += 7) {
                worst = Math.max(worst, relativeError(out[k][i], ExactStats.mean(x, i - windows[k] + 1, i)));
            }
        }
        assertThat(worst).as("worst relative error").isLessThan(SHIFTED_BOUND);
    }

    @Test
    void aSeriesCrossingZeroStaysWithinAFewUlpsOfItsAbsoluteSum() {
        // returns-like values around zero plus level jumps: no shift makes these small, so each window's error must
        // be measured against sum(|x|); a plain prefix of these (about 64 * 2^-53 off per window) fails this check
        int n = 2 * RollingSums.BLOCK + 333;
        SplittableRandom rnd = new SplittableRandom(9);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() - 0.5) + (i / 1000 % 2 == 0 ? 0 : 1e3);
        }
        int[] windows = {4, 50};
        double[][] out = RollingSums.sums(x, windows);
        for (int k = 0; k < windows.length; k++) {
            for (int i = windows[k] - 1; i < n; i++) {
                int from = i - windows[k] + 1;
                double abs = 0;
                for (int j = from; j <= i; j++) {
                    abs += Math.abs(x[j]);
                }
                double exact = ExactStats.sum(x, from, i).doubleValue();
                assertThat(Math.abs(out[k][i] - exact)).as("window %d row %d", windows[k], i)
                        .isLessThanOrEqualTo(4 * Math.ulp(abs));
            }
        }
    }
}
