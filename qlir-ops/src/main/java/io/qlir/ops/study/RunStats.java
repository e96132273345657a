package io.qlir.ops.study;

import java.util.Arrays;
import java.util.List;

/**
 * The completed runs of one SMA window in one direction: their count, summary statistics, distribution and survival
 * curve, with the censored runs kept apart.
 *
 * <p>Every statistic is over <em>completed</em> runs only (both ends seen). Percentiles interpolate linearly between
 * order statistics (Hyndman-Fan type 7, the default of numpy's {@code percentile} and R's {@code quantile}), so the
 * median of lengths {@code 1, 2, 3, 4} is 2.5. With no completed runs the mean, median and percentiles are NaN and
 * {@link #max()} is 0.
 * <pre>{@code
 * RunStats up = result.stats(20, Direction.UP);
 * up.median();          // median length of completed up-runs of the 20-bar SMA
 * up.survival(10);      // P(run >= 10) over completed up-runs
 * }</pre>
 */
public final class RunStats {

    private final int window;
    private final Direction direction;
    private final int[] counts; // counts[len] = completed runs of that length; counts[0] unused
    private final long runs;
    private final List<CensoredRun> censored;

    RunStats(int window, Direction direction, int[] counts, List<CensoredRun> censored) {
        this.window = window;
        this.direction = direction;
        this.counts = counts;
        this.runs = Arrays.stream(counts).asLongStream().sum();
        this.censored = List.copyOf(censored);
    }

    /**
     * The SMA window.
     *
     * @return the window
     */
    public int window() {
        return window;
    }

    /**
     * The direction of the runs.
     *
     * @return the direction
     */
    public Direction direction() {
        return direction;
    }

    /**
     * The number of completed runs.
     *
     * @return the count
     */
    public int runs() {
        return (int) runs;
    }

    /**
     * The runs cut by the edge of the data or by undefined rows, in row order; never part of any other statistic.
     *
     * @return the censored runs
     */
    public List<CensoredRun> censored() {
        return censored;
    }

    /**
     * The longest completed run.
     *
     * @return its length in bars, or 0 when there is none
     */
    public int max() {
        return counts.length - 1;
    }

    /**
     * The mean length of completed runs.
     *
     * @return the mean in bars, or NaN when there is none
     */
    public double mean() {
        if (runs == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int len = 1; len < counts.length; len++) {
            sum += (double) len * counts[len];
        }
        return sum / runs;
    }

    /**
     * The median length of completed runs (type 7 interpolation).
     *
     * @return the median, or NaN when there is none
     */
    public double median() {
        return percentile(0.5);
    }

    /**
     * The 90th percentile of completed run lengths (type 7 interpolation).
     *
     * @return the percentile, or NaN when there is none
     */
    public double p90() {
        return percentile(0.9);
    }

    /**
     * A percentile of completed run lengths, interpolating linearly between order statistics (type 7).
     *
     * @param p the probability, between 0 and 1
     * @return the percentile, or NaN when there is no completed run
     * @throws IllegalArgumentException when {@code p} is outside {@code [0, 1]}
     */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile p must be in [0, 1], got " + p);
        }
        if (runs == 0) {
            return Double.NaN;
        }
        double h = (runs - 1) * p;
        long lo = (long) Math.floor(h);
        int a = orderStatistic(lo);
        int b = lo + 1 < runs ? orderStatistic(lo + 1) : a;
        return a + (h - lo) * (b - a);
    }

    /**
     * How many completed runs had exactly this length.
     *
     * @param length a length in bars
     * @return the count (0 for lengths never seen)
     */
    public int count(int length) {
        return length >= 1 && length < counts.length ? counts[length] : 0;
    }

    /**
     * The share of completed runs with exactly this length.
     *
     * @param length a length in bars
     * @return the share between 0 and 1, or NaN when there is no completed run
     */
    public double share(int length) {
        return runs == 0 ? Double.NaN : (double) count(length) / runs;
    }

    /**
     * How many completed runs lasted at least {@code n} bars.
     *
     * @param n a length in bars
     * @return the count
     */
    public int atLeast(int n) {
        long c = 0;
        for (int len = Math.max(n, 1); len < counts.length; len++) {
            c += counts[len];
        }
        return (int) c;
    }

    /**
     * The survival function {@code P(run >= n)} over completed runs: 1 for {@code n <= 1}, falling to 0 after the
     * longest run.
     *
     * @param n a length in bars
     * @return the probability, or NaN when there is no completed run
     */
    public double survival(int n) {
        return runs == 0 ? Double.NaN : (double) atLeast(n) / runs;
    }

    /** The k-th smallest completed run length (0-based). */
    private int orderStatistic(long k) {
        long seen = 0;
        for (int len = 1; len < counts.length; len++) {
            seen += counts[len];
            if (k < seen) {
                return len;
            }
        }
        throw new IllegalStateException("order statistic " + k + " of " + runs + " runs");
    }

    @Override
    public String toString() {
        return "RunStats[window=" + window + ", " + direction.wireCode() + ", runs=" + runs + ", censored="
                + censored.size() + ", mean=" + mean() + ", median=" + median() + ", p90=" + p90() + ", max="
                + max() + "]";
    }
}
