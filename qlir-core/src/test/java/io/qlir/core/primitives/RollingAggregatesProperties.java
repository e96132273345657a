package io.qlir.core.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.kernels.RollingDeviations;
import io.qlir.core.kernels.RollingSums;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The trailing aggregates the core ops use (the shared kernels for sums, means and deviations, the block scan for
 * extremes) against naive per-window loops (two-pass for the deviation).
 */
class RollingAggregatesProperties {

    @Property(tries = 200)
    void matchNaiveWindows(@ForAll long seed, @ForAll @IntRange(min = 0, max = 120) int n,
            @ForAll @IntRange(min = 1, max = 30) int w, @ForAll @DoubleRange(min = 0, max = 0.1) double nanRate,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double level) {
        double[] x = series(seed, n, nanRate, level, 1 + Math.abs(level) * 1e-3);

        assertSame(RollingSums.sums(x, new int[] {w})[0], naive(x, w, Agg.SUM));
        assertSame(RollingSums.means(x, new int[] {w})[0], naive(x, w, Agg.MEAN));
        assertSame(RollingExtremes.min(x, w), naive(x, w, Agg.MIN));
        assertSame(RollingExtremes.max(x, w), naive(x, w, Agg.MAX));
        assertSame(RollingDeviations.sigma(x, w, 0), naive(x, w, Agg.POP_STD));
        if (w >= 2) {
            assertSame(RollingDeviations.sigma(x, w, 1), naive(x, w, Agg.SAMPLE_STD));
        }
    }

    @Test
    void noDriftOverAMillionRowsFarFromZero() {
        // prices near 1e6 with small moves: a running sum of squares would lose most digits of the variance, and a
        // running sum would carry its rounding forward for the whole million rows
        double[] x = series(42, 1_000_000, 0, 1e6, 0.5);
        double[] mean = RollingSums.means(x, new int[] {20})[0];
        double[] std = RollingDeviations.sigma(x, 20, 1);
        double[] refMean = naive(Arrays.copyOfRange(x, x.length - 100, x.length), 20, Agg.MEAN);
        double[] refStd = naive(Arrays.copyOfRange(x, x.length - 100, x.length), 20, Agg.SAMPLE_STD);
        for (int k = 19; k < 100; k++) {
            int i = x.length - 100 + k;
            assertThat(Math.abs(mean[i] - refMean[k])).as("mean row %d", i).isLessThanOrEqualTo(1e-9 * 1e6);
            assertThat(Math.abs(std[i] - refStd[k])).as("std row %d", i)
                    .isLessThanOrEqualTo(1e-9 * Math.max(1, refStd[k]));
        }
    }

    @Test
    void aChangeOutsideTheWindowLeavesTheExtremesBitForBitEqual() {
        double[] x = series(3, 50, 0, 100, 5);
        double[] changed = x.clone();
        changed[10] = changed[10] * 3 + 1000;
        for (int i = 17; i < 50; i++) {
            assertThat(RollingExtremes.max(changed, 7)[i]).as("row %d", i).isEqualTo(RollingExtremes.max(x, 7)[i]);
            assertThat(RollingExtremes.min(changed, 7)[i]).as("row %d", i).isEqualTo(RollingExtremes.min(x, 7)[i]);
        }
    }

    @Test
    void aChangeOutsideTheWindowMovesTheDeviationByRoundingAtMost() {
        // the shared kernel differences prefix sums, so a change outside a window may move its last bits (never more:
        // Causality's tolerance is 1e-9 relative); a window whose bound check fails is recomputed on its own
        double[] x = series(3, 50, 0, 100, 5);
        double[] changed = x.clone();
        changed[10] = changed[10] * 3 + 1000;
        double[] a = RollingDeviations.sigma(x, 7, 1);
        double[] b = RollingDeviations.sigma(changed, 7, 1);
        for (int i = 17; i < 50; i++) {
            assertThat(Math.abs(b[i] - a[i])).as("row %d", i).isLessThanOrEqualTo(1e-12 * a[i]);
        }
    }

    enum Agg {
        SUM, MEAN, MIN, MAX, POP_STD, SAMPLE_STD
    }

    static double[] naive(double[] x, int w, Agg agg) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        for (int i = w - 1; i < x.length; i++) {
            double[] win = Arrays.copyOfRange(x, i - w + 1, i + 1);
            if (Arrays.stream(win).anyMatch(Double::isNaN)) {
                continue;
            }
            double sum = 0;
            for (double v : win) {
                sum += v;
            }
            double mean = sum / w;
            double ss = 0;
            for (double v : win) {
                ss += (v - mean) * (v - mean);
            }
            out[i] = switch (agg) {
                case SUM -> sum;
                case MEAN -> mean;
                case MIN -> Arrays.stream(win).min().getAsDouble();
                case MAX -> Arrays.stream(win).max().getAsDouble();
                case POP_STD -> Math.sqrt(ss / w);
                case SAMPLE_STD -> Math.sqrt(ss / (w - 1));
            };
        }
        return out;
    }

    static double[] series(long seed, int n, double nanRate, double level, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() < nanRate ? Double.NaN : level + (rnd.nextDouble() - 0.5) * scale;
        }
        return x;
    }

    private static void assertSame(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("row %d", i).isNaN();
            } else {
                double scale = Math.max(1, Math.abs(expected[i]));
                assertThat(Math.abs(actual[i] - expected[i])).as("row %d: %s vs %s", i, actual[i], expected[i])
                        .isLessThanOrEqualTo(1e-9 * scale);
            }
        }
    }
}
