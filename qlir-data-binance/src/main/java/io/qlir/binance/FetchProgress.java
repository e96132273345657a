package io.qlir.binance;

import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one job stands after a slice: what the command line draws as a progress bar.
 *
 * <p>Throughput and ETA are measured in wall time (how fast this machine and network go), not by the store's
 * clock, which tests and demos fix. In follow mode {@code slicesTotal} is what was due in the current round.
 * <pre>{@code
 * FetchListener bar = new FetchListener() {
 *     public void sliceDone(FetchProgress p) { terminal.redraw(p.describe()); }
 * };
 * // BTCUSDT 1m klines  [#########-----]  612/1044 slices  84k rows/s  ETA 0:41
 * }</pre>
 *
 * @param job the job
 * @param slicesDone slices attempted so far in this run (written, empty or failed)
 * @param slicesTotal slices due at the start of this run
 * @param failed how many of the attempted slices failed
 * @param rows candle rows received so far
 * @param elapsed wall time since the run started
 * @param lastSlice the slice just attempted
 * @param lastVerdict what the store recorded for it
 */
public record FetchProgress(FetchJob job, int slicesDone, int slicesTotal, int failed, long rows, Duration elapsed,
                            SliceKey lastSlice, SliceVerdict lastVerdict) {

    /**
     * The share of the run done.
     *
     * @return in {@code [0, 1]}; 1 when nothing was due
     */
    public double fraction() {
        return slicesTotal <= 0 ? 1.0 : Math.min(1.0, (double) slicesDone / slicesTotal);
    }

    /**
     * Rows received per second of wall time.
     *
     * @return the rate, 0 before the first millisecond has passed
     */
    public double rowsPerSecond() {
        long ms = elapsed.toMillis();
        return ms <= 0 ? 0 : rows * 1000.0 / ms;
    }

    /**
     * The time left at the pace so far.
     *
     * @return the estimate, or empty before the first slice
     */
    public Optional<Duration> eta() {
        if (slicesDone <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, slicesTotal - slicesDone);
        return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() / slicesDone * left)));
    }

    /**
     * One line in the style of the command line's progress bar.
     *
     * @return for example {@code BTCUSDT 1m klines  [#########-----]  612/1044 slices  84k rows/s  ETA 0:41}
     */
    public String describe() {
        int width = 14;
        int filled = (int) Math.round(fraction() * width);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        double rate = rowsPerSecond();
        String rateText = rate >= 10_000 ? Math.round(rate / 1000) + "k" : Long.toString(Math.round(rate));
        return job + "  [" + bar + "]  " + slicesDone + "/" + slicesTotal + " slices  " + rateText + " rows/s"
                + (failed > 0 ? "  " + failed + " failed" : "") + eta().map(d -> "  ETA " + clock(d)).orElse("");
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
