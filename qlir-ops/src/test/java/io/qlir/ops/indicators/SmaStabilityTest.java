package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * SMA over 10 million rows stays within {@code 1e-12} relative of the exact (BigDecimal) mean, where a running sum
 * drifts; windows that contain a non-finite value are NaN and the ones after it recover. The kernel's own bounds are
 * tested in qlir-core ({@code io.qlir.core.kernels.RollingSumsTest}).
 */
class SmaStabilityTest {

    private static final int N = 10_000_000;

    private static double relativeError(double actual, double exact) {
        return Math.abs(actual - exact) / Math.abs(exact);
    }

    /** A random walk around 60 000 with cent ticks, after 1000 rows at 1e9 (a bad print, or another scale). */
    private static double[] series() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[N];
        double p = 60_000;
        for (int i = 0; i < N; i++) {
            p = Math.max(1, p + (rnd.nextInt(2001) - 1000) * 0.01);
            x[i] = i < 1000 ? 1e9 + rnd.nextDouble() : p;
        }
        return x;
    }

    /** What a TA-Lib-style running sum gives at row i (for comparison; that is what qlir must not do). */
    private static double[] runningSumSma(double[] x, int w) {
        double[] out = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
            if (i >= w) {
                s -= x[i - w];
            }
            out[i] = s / w;
        }
        return out;
    }

    @Test
    void tenMillionRowsStayWithinOneInATrillionOfTheExactMean() {
        double[] x = series();
        Table t = Table.create("walk", Columns.doubleColumn("x", x));
        int[] windows = {5, 200};
        Derived d = Indicators.sma(t, "x", windows);
        SplittableRandom rows = new SplittableRandom(11);
        double worst = 0;
        double worstRunning = 0;
        for (int w : windows) {
            double[] sma = Columns.doubles(d.table(), "x_sma_" + w);
            double[] running = runningSumSma(x, w);
            for (int s = 0; s < 3000; s++) {
                int i = s < 1000 ? N - 1 - s : 1000 + w + rows.nextInt(N - 1000 - w);
                double exact = ExactStats.mean(x, i - w + 1, i);
                worst = Math.max(worst, relativeError(sma[i], exact));
                worstRunning = Math.max(worstRunning, relativeError(running[i], exact));
            }
        }
        assertThat(worst).as("qlir SMA worst relative error").isLessThanOrEqualTo(1e-12);
        // the same check catches a drifting implementation: a running sum carries the 1e9 rows' rounding forever
        // (about 5e-11 here, fifty times the bound)
        assertThat(worstRunning).as("running-sum SMA worst relative error").isGreaterThan(1e-11);
    }

    @Test
    void aNonFiniteValuePoisonsOnlyTheWindowsThatContainIt() {
        double[] x = {1, 2, 3, Double.NaN, 5, 6, 7, Double.POSITIVE_INFINITY, 9, 10};
        Table t = Table.create("t", Columns.doubleColumn("x", x));
        double[] sma = Columns.doubles(Indicators.sma(t, "x", 2).table(), "x_sma_2");
        double nan = Double.NaN;
        Tolerance.assertClose("x_sma_2", sma, new double[] {nan, 1.5, 2.5, nan, nan, 5.5, 6.5, nan, nan, 9.5});
    }

    @Test
    void windowsLongerThanTheTableAndEmptyTablesAreAllNaN() {
        Table t = Table.create("t", Columns.doubleColumn("x", new double[] {1, 2, 3}));
        assertThat(Columns.doubles(Indicators.sma(t, "x", 4).table(), "x_sma_4")).containsOnly(Double.NaN);
        Table empty = Table.create("t", Columns.doubleColumn("x", new double[0]));
        assertThat(Indicators.sma(empty, "x", 4, 1).table().rowCount()).isZero();
    }
}
