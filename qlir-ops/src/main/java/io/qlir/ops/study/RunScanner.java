package io.qlir.ops.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the up and down runs of one series in one pass.
 *
 * <p>Bar {@code i}'s direction is the sign of {@code r(x[i]) - r(x[i-1])}, where {@code r} rounds to the given
 * decimals (or is the identity); it is undefined when either value is not finite (the SMA's warm-up, gaps). A run is
 * a maximal stretch of bars with one direction, up or down; a flat bar ends it. A run is complete when the bars on
 * both sides of it have a defined direction; otherwise it is censored at that side.
 */
final class RunScanner {

    private static final byte UNDEFINED = 0;
    private static final byte UP = 1;
    private static final byte DOWN = 2;
    private static final byte FLAT = 3;

    private final int window;
    private final int[][] counts = {null, new int[16], new int[16]};
    private final List<CensoredRun> censored = new ArrayList<>();
    private int firstDefined = -1;
    private final int[] bars = new int[4];

    private RunScanner(int window) {
        this.window = window;
    }

    /** One window's findings. */
    record Result(RunStats up, RunStats down, WindowBars bars) {
    }

    /**
     * Scans a series.
     *
     * @param x the series (an SMA); non-finite values are undefined
     * @param scale {@code 10^decimals} to round with, or NaN for no rounding
     * @param window the window, carried into the results
     */
    static Result scan(double[] x, double scale, int window) {
        RunScanner s = new RunScanner(window);
        s.run(x, scale);
        return s.result();
    }

    private void run(double[] x, double scale) {
        boolean round = !Double.isNaN(scale);
        double previous = Double.NaN;
        byte previousDirection = UNDEFINED;
        int runStart = -1;
        byte runDirection = UNDEFINED;
        boolean cutAtStart = false;
        for (int i = 0; i < x.length; i++) {
            double v = round ? Math.rint(x[i] * scale) / scale : x[i];
            byte d = direction(previous, v);
            previous = v;
            bars[d]++;
            if (d != UNDEFINED && firstDefined < 0) {
                firstDefined = i;
            }
            if (runStart >= 0 && d != runDirection) {
                close(runDirection, runStart, i - 1, cutAtStart, d == UNDEFINED);
                runStart = -1;
            }
            if (runStart < 0 && (d == UP || d == DOWN)) {
                runStart = i;
                runDirection = d;
                cutAtStart = previousDirection == UNDEFINED;
            }
            previousDirection = d;
        }
        if (runStart >= 0) {
            close(runDirection, runStart, x.length - 1, cutAtStart, true);
        }
    }

    private static byte direction(double previous, double v) {
        if (!Double.isFinite(previous) || !Double.isFinite(v)) {
            return UNDEFINED;
        }
        return v > previous ? UP : v < previous ? DOWN : FLAT;
    }

    private void close(byte d, int start, int end, boolean cutAtStart, boolean cutAtEnd) {
        int length = end - start + 1;
        Direction dir = d == UP ? Direction.UP : Direction.DOWN;
        if (cutAtStart || cutAtEnd) {
            Censoring c = cutAtStart && cutAtEnd ? Censoring.BOTH : cutAtStart ? Censoring.START : Censoring.END;
            censored.add(new CensoredRun(window, dir, c, start, length));
            return;
        }
        if (length >= counts[d].length) {
            counts[d] = Arrays.copyOf(counts[d], Math.max(length + 1, counts[d].length * 2));
        }
        counts[d][length]++;
    }

    private Result result() {
        List<CensoredRun> up = new ArrayList<>();
        List<CensoredRun> down = new ArrayList<>();
        for (CensoredRun c : censored) {
            (c.direction() == Direction.UP ? up : down).add(c);
        }
        int defined = bars[UP] + bars[DOWN] + bars[FLAT];
        return new Result(new RunStats(window, Direction.UP, trimmed(counts[UP]), up),
                new RunStats(window, Direction.DOWN, trimmed(counts[DOWN]), down),
                new WindowBars(window, firstDefined, defined, bars[UP], bars[DOWN], bars[FLAT]));
    }

    /** The counts cut after the longest run seen, so that {@code length - 1} is the maximum. */
    private static int[] trimmed(int[] c) {
        int last = c.length - 1;
        while (last > 0 && c[last] == 0) {
            last--;
        }
        return Arrays.copyOf(c, last + 1);
    }
}
