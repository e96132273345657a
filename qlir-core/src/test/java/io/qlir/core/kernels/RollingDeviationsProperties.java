package io.qlir.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.MathContext;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every row of the O(1) Bollinger kernel against exact BigDecimal statistics, on jqwik-chosen series that move its
 * every path: price levels from 1e-6 to 1e12, moves from 1e-13 to 10% of the price (so σ from a few ulps of the price
 * to a tenth of it), runs of unchanged values from none to most rows (flat windows), periods from 1 to 70 (chunks of
 * three periods, of 32 rows, of one period). σ must be within 5e-13 relative (exactly 0 for a flat window), the mean
 * within 1.5e-14.
 */
class RollingDeviationsProperties {

    private static double[] series(int n, int levelExp, int moveExp, int stayPercent, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double move = Math.pow(10, moveExp);
        double[] x = new double[n];
        double v = Math.pow(10, levelExp) * (1 + rnd.nextDouble());
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(100) >= stayPercent) {
                v *= 1 + move * (2 * rnd.nextDouble() - 1);
            }
            x[i] = v;
        }
        return x;
    }

    /** Flat by comparison: the 60-digit reference mean of a flat window can be an ulp of its own off the value. */
    private static boolean flat(double[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            if (x[j] != x[to]) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 40)
    void everyRowMatchesTheExactStatistics(@ForAll @IntRange(min = -6, max = 12) int levelExp,
            @ForAll @IntRange(min = -13, max = -1) int moveExp, @ForAll @IntRange(min = 0, max = 95) int stayPercent,
            @ForAll @IntRange(min = 1, max = 70) int period, @ForAll long seed) {
        double[] x = series(300, levelExp, moveExp, stayPercent, seed);
        double[] mean = RollingDeviations.bands(x, period, 2)[0];
        double[] sigma = RollingDeviations.sigma(x, period);
        for (int i = period - 1; i < x.length; i++) {
            int from = i - period + 1;
            if (flat(x, from, i)) {
                assertThat(sigma[i]).as("flat sigma, row %d", i).isZero();
            } else {
                double exactSigma = ExactStats.variance(x, from, i).sqrt(new MathContext(40)).doubleValue();
                assertThat(Math.abs(sigma[i] - exactSigma) / exactSigma).as("sigma, row %d", i).isLessThan(5e-13);
            }
            double exactMean = ExactStats.mean(x, from, i);
            assertThat(Math.abs(mean[i] - exactMean) / exactMean).as("mean, row %d", i).isLessThan(1.5e-14);
        }
    }
}
