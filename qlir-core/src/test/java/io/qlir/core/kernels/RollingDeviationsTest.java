package io.qlir.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The O(1)-per-row σ of Bollinger bands against the exact (BigDecimal) population σ (within 5e-13 relative), on
 * series built to break running-sum formulas: a steep trend with a tiny spread, a tiny spread at a large price, a
 * jump of four orders of magnitude, values around zero, a window longer than a block, flat runs inside a trend, tiny
 * prices on both sides of the fast path's range; every chunk shape (short periods get chunks of three periods, long
 * ones of one period); and non-finite values, which poison only the windows that hold them, and bands too wide to be
 * finite, which are NaN.
 */
class RollingDeviationsTest {

    private static final int N = 3 * RollingDeviations.BLOCK + 123;

    private static double[] series(IntToDoubleFunction f) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = f.applyAsDouble(i);
        }
        return x;
    }

    private static double exactSigma(double[] x, int i, int period) {
        return ExactStats.variance(x, i - period + 1, i).sqrt(new MathContext(40)).doubleValue();
    }

    /** The worst relative error of σ over the rows around every block boundary plus random rows. */
    private static double worstRelativeError(double[] x, int period) {
        double[] sigma = RollingDeviations.sigma(x, period);
        SplittableRandom rnd = new SplittableRandom(5);
        double worst = 0;
        for (int s = 0; s < 400; s++) {
            int i = s < 100 ? boundaryRow(s) : period - 1 + rnd.nextInt(N - period + 1);
            if (i < period - 1 || i >= N) {
                continue;
            }
            double exact = exactSigma(x, i, period);
            double err = exact == 0 ? Math.abs(sigma[i]) : Math.abs(sigma[i] - exact) / exact;
            worst = Math.max(worst, err);
        }
        return worst;
    }

    private static int boundaryRow(int s) {
        return (1 + s / 25) * RollingDeviations.BLOCK - 12 + s % 25;
    }

    @Test
    void steepTrendWithATinySpreadStaysWithinAFewUlps() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = series(i -> 1000 + i * 0.37 + rnd.nextDouble() * 1e-6);
        assertThat(worstRelativeError(x, 20)).isLessThan(5e-13);
        assertThat(worstRelativeError(x, 5)).isLessThan(5e-13);
    }

    @Test
    void tinySpreadAtALargePrice() {
        SplittableRandom rnd = new SplittableRandom(2);
        double[] x = series(i -> 1_000_000 + rnd.nextInt(-5, 6) * 0.001);
        assertThat(worstRelativeError(x, 20)).isLessThan(5e-13);
    }

    @Test
    void aJumpOfFourOrdersOfMagnitudeAndTheCentWalkAfterIt() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] walk = new double[] {60_000};
        double[] x = series(i -> {
            walk[0] = Math.max(1, walk[0] + (rnd.nextInt(2001) - 1000) * 0.01);
            return i < 5000 && i >= 4000 ? 1e9 + rnd.nextDouble() : walk[0];
        });
        assertThat(worstRelativeError(x, 20)).isLessThan(5e-13);
        assertThat(worstRelativeError(x, 200)).isLessThan(5e-13);
    }

    @Test
    void valuesAroundZero() {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] x = series(i -> rnd.nextGaussian() * 1e-3);
        assertThat(worstRelativeError(x, 14)).isLessThan(5e-13);
    }

    @Test
    void aWindowLongerThanABlock() {
        SplittableRandom rnd = new SplittableRandom(6);
        double[] x = series(i -> 500 + rnd.nextDouble());
        assertThat(worstRelativeError(x, RollingDeviations.BLOCK + 5)).isLessThan(5e-13);
    }

    @Test
    void flatWindowsHaveZeroSigma() {
        double[] x = series(i -> i < 5000 ? 42.5 : 17.25);
        double[] sigma = RollingDeviations.sigma(x, 20);
        assertThat(sigma[100]).isZero();
        assertThat(sigma[6000]).isZero();
        assertThat(sigma[5005]).isPositive();
    }

    @Test
    void aNonFiniteValuePoisonsOnlyTheWindowsThatHoldIt() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = series(i -> 100 + rnd.nextDouble());
        x[5000] = Double.NaN;
        x[9000] = Double.POSITIVE_INFINITY;
        int period = 10;
        double[] sigma = RollingDeviations.sigma(x, period);
        for (int i = 0; i < N; i++) {
            boolean poisoned = i < period - 1 || (i >= 5000 && i < 5000 + period) || (i >= 9000 && i < 9000 + period);
            if (poisoned) {
                assertThat(sigma[i]).as("row %d", i).isNaN();
            } else if (i % 97 == 0 || Math.abs(i - 5000) < 20 || Math.abs(i - 9000) < 20) {
                double exact = exactSigma(x, i, period);
                assertThat(Math.abs(sigma[i] - exact) / exact).as("row %d", i).isLessThan(5e-13);
            }
        }
    }

    /** A cent walk around 30 000 with runs of repeated closes (as in illiquid markets) every few hundred rows. */
    private static double[] centWalkWithFlatRuns(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] walk = new double[] {30_000};
        return series(i -> {
            if (i % 700 >= 60) {
                walk[0] = Math.max(1, walk[0] + (rnd.nextInt(2001) - 1000) * 0.01);
            }
            return walk[0];
        });
    }

    /** The worst relative error of the mean over the same rows as {@link #worstRelativeError}. */
    private static double worstMeanError(double[] x, int period) {
        double[] mean = RollingDeviations.bands(x, period, 2)[0];
        SplittableRandom rnd = new SplittableRandom(9);
        double worst = 0;
        for (int s = 0; s < 200; s++) {
            int i = s < 100 ? boundaryRow(s) : period - 1 + rnd.nextInt(N - period + 1);
            if (i >= period - 1 && i < N) {
                double exact = ExactStats.mean(x, i - period + 1, i);
                worst = Math.max(worst, Math.abs(mean[i] - exact) / Math.abs(exact));
            }
        }
        return worst;
    }

    @Test
    void everyChunkShapeStaysWithinItsBound() {
        double[] x = centWalkWithFlatRuns(10);
        for (int period : new int[] {2, 3, 5, 7, 10, 11, 20, 31, 32, 33, 64, 250}) {
            assertThat(worstRelativeError(x, period)).as("sigma, period %d", period).isLessThan(5e-13);
            assertThat(worstMeanError(x, period)).as("mean, period %d", period).isLessThan(1.5e-14);
            int chunk = Math.max(period, Math.min(32, 3 * period));
            double[] sigma = RollingDeviations.sigma(x, period);
            for (int i = period - 1; i < period - 1 + 3 * chunk; i++) {
                double exact = exactSigma(x, i, period);
                double err = exact == 0 ? Math.abs(sigma[i]) : Math.abs(sigma[i] - exact) / exact;
                assertThat(err).as("sigma, period %d, row %d of the first chunks", period, i).isLessThan(5e-13);
            }
        }
    }

    @Test
    void aPeriodOfOneIsTheValueWithNoSpread() {
        double[] x = centWalkWithFlatRuns(11);
        double[][] lines = RollingDeviations.bands(x, 1, 2);
        for (int i = 0; i < N; i++) {
            assertThat(lines[0][i]).as("mid row %d", i).isEqualTo(x[i]);
            assertThat(lines[1][i]).as("upper row %d", i).isEqualTo(x[i]);
            assertThat(lines[2][i]).as("lower row %d", i).isEqualTo(x[i]);
        }
    }

    @Test
    void flatRunsInsideATrendAreExactlyFlat() {
        // flat at a dyadic level (so its mean is exact) for 100 rows of every 300, a trend of 0.37 a row in between
        double[] x = series(i -> i % 300 < 100 ? 1000 + 0.5 * (i / 300) : 1000 + i * 0.37);
        int period = 20;
        double[][] lines = RollingDeviations.bands(x, period, 2);
        int flat = 0;
        for (int i = period - 1; i < N; i++) {
            if ((i - period + 1) % 300 <= 100 - period && i % 300 < 100) {
                flat++;
                assertThat(lines[0][i]).as("mid row %d", i).isEqualTo(x[i]);
                assertThat(lines[1][i]).as("upper row %d", i).isEqualTo(x[i]);
                assertThat(lines[2][i]).as("lower row %d", i).isEqualTo(x[i]);
            }
        }
        assertThat(flat).isGreaterThan(1000);
        assertThat(worstRelativeError(x, period)).isLessThan(5e-13);
    }

    @Test
    void illiquidMarketsFlatWindowsAndSingleStepsAreExactOnEveryRow() {
        SplittableRandom rnd = new SplittableRandom(14);
        double[] walk = new double[] {30_000};
        double[] x = series(i -> {
            if (rnd.nextInt(20) == 0) {
                walk[0] += (rnd.nextInt(2001) - 1000) * 0.01;
            }
            return walk[0];
        });
        for (int period : new int[] {5, 20}) {
            double[][] lines = RollingDeviations.bands(x, period, 2);
            double[] sigma = RollingDeviations.sigma(x, period);
            for (int i = period - 1; i < N; i++) {
                double exact = exactSigma(x, i, period);
                if (exact == 0) {
                    assertThat(sigma[i]).as("flat sigma, period %d, row %d", period, i).isZero();
                    assertThat(lines[0][i]).as("flat mid, period %d, row %d", period, i).isEqualTo(x[i]);
                    assertThat(lines[1][i]).as("flat upper, period %d, row %d", period, i).isEqualTo(x[i]);
                } else {
                    assertThat(Math.abs(sigma[i] - exact) / exact).as("sigma, period %d, row %d", period, i)
                            .isLessThan(5e-13);
                    double mean = ExactStats.mean(x, i - period + 1, i);
                    assertThat(Math.abs(lines[0][i] - mean) / mean).as("mid, period %d, row %d", period, i)
                            .isLessThan(1.5e-14);
                }
            }
        }
    }

    @Test
    void tinyPricesInsideAndBelowTheFastRange() {
        for (double level : new double[] {1e-120, 1e-150}) {
            SplittableRandom rnd = new SplittableRandom(12);
            double[] x = series(i -> level * (1 + rnd.nextInt(-500, 501) * 1e-4));
            assertThat(worstRelativeError(x, 20)).as("sigma at %s", level).isLessThan(5e-13);
            assertThat(worstMeanError(x, 20)).as("mean at %s", level).isLessThan(1.5e-14);
        }
    }

    @Test
    void veryWideBandsStayExactAndThoseTooWideToBeFiniteAreNaN() {
        double[] x = centWalkWithFlatRuns(13);
        double wide = 1e140;
        double[][] lines = RollingDeviations.bands(x, 20, wide);
        for (int i = 19; i < N; i += 11) {
            double[] exact = ExactStats.bollinger(x, i, 20, wide);
            double scale = Math.max(Math.abs(exact[0]), Math.abs(exact[1]));
            assertThat(Math.abs(lines[1][i] - exact[0])).as("upper row %d", i).isLessThanOrEqualTo(5e-13 * scale);
            assertThat(Math.abs(lines[2][i] - exact[2])).as("lower row %d", i).isLessThanOrEqualTo(5e-13 * scale);
        }
        double[][] huge = RollingDeviations.bands(x, 20, Double.MAX_VALUE);
        double[] sigma = RollingDeviations.sigma(x, 20);
        int overflowing = 0;
        for (int i = 19; i < N; i++) {
            double band = sigma[i] * Double.MAX_VALUE;
            boolean overflows = Double.isInfinite(huge[0][i] + band);
            overflowing += overflows ? 1 : 0;
            assertThat(Math.abs(huge[0][i] - lines[0][i])).as("mid row %d", i).isLessThanOrEqualTo(3e-14 * huge[0][i]);
            if (overflows) {
                assertThat(huge[1][i]).as("upper row %d", i).isNaN();
            } else {
                double upper = huge[0][i] + band;
                assertThat(Math.abs(huge[1][i] - upper)).as("upper row %d", i).isLessThanOrEqualTo(5e-13 * upper);
            }
        }
        assertThat(overflowing).isGreaterThan(N / 2);
    }

    @Test
    void theThreeLinesMatchTheExactBollingerLines() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[] walk = new double[] {30_000};
        double[] x = series(i -> {
            walk[0] = Math.max(1, walk[0] + (rnd.nextInt(2001) - 1000) * 0.01);
            return i % 5000 < 50 ? walk[0] * 1000 : walk[0];
        });
        int period = 20;
        double k = 2.5;
        double[][] lines = RollingDeviations.bands(x, period, k);
        for (int i = period - 1; i < N; i += 7) {
            double[] exact = ExactStats.bollinger(x, i, period, k);
            assertThat(Math.abs(lines[1][i] - exact[0]) / exact[0]).as("upper row %d", i).isLessThan(3e-14);
            assertThat(Math.abs(lines[0][i] - exact[1]) / exact[1]).as("mid row %d", i).isLessThan(3e-14);
            assertThat(Math.abs(lines[2][i] - exact[2]) / exact[2]).as("lower row %d", i).isLessThan(3e-14);
        }
    }
}
