package io.qlir.binance;

import io.qlir.data.manifest.ManifestSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What one fetch-mode run did: the slices it attempted and how they ended, the rows and requests it took, and the
 * state of the whole store afterwards.
 *
 * <p>Counts are of this run only ({@code complete + partial + empty + failed == attempted}); {@link #store()} counts
 * every slice of the directory. A run that met a Binance refusal (other than an unknown symbol, which fails before
 * anything is written) or was stopped says so in {@link #stoppedBy()}.
 * <pre>{@code
 * FetchSummary s = fetcher.fetch(job, from, to);
 * System.out.println(s.describe());
 * // BTCUSDT 1m klines: 1044 slices attempted (1043 complete, 1 partial, 0 failed), 1043512 rows, 1046 requests
 * //   (3 retries, 0 x 429, 0 x 418) in 0:41; store: 1044 slices (1043 complete, 1 partial: still_forming)
 * if (!s.isClean()) System.exit(1);
 * }</pre>
 *
 * @param job the job
 * @param from the first open time fetched (after clipping to the first candle), or null when Binance has none
 * @param to the last time fetched (after clipping to now), or null when Binance has none
 * @param slicesInRange the grid slices overlapping the range
 * @param attempted the slices that were due and attempted
 * @param complete attempted slices now {@code complete}
 * @param partial attempted slices now {@code partial} (the forming one, or an upstream that lags)
 * @param empty attempted slices Binance had no rows for
 * @param failed attempted slices that failed (after the client's retries)
 * @param rows candle rows received
 * @param requests HTTP requests sent, the first-candle probe included
 * @param retries requests repeated after network faults, 5xx or bad bodies
 * @param http429 HTTP 429 answers waited out
 * @param http418 HTTP 418 answers waited out
 * @param elapsed wall time of the run
 * @param store the directory's counts after the run, or null when no directory was opened
 * @param stoppedBy why the run ended early (a Binance refusal, a stop request), or null when it ran to the end
 */
public record FetchSummary(FetchJob job, Instant from, Instant to, int slicesInRange, int attempted, int complete,
                           int partial, int empty, int failed, long rows, int requests, int retries, int http429,
                           int http418, Duration elapsed, ManifestSummary store, String stoppedBy) {

    /**
     * Whether the run ended as asked and every attempted slice was stored.
     *
     * @return true when nothing failed and the run was not stopped early
     */
    public boolean isClean() {
        return failed == 0 && stoppedBy == null;
    }

    /**
     * Why the run ended early.
     *
     * @return the reason, or empty when it ran to the end
     */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stoppedBy);
    }

    /**
     * One paragraph for logs and the command line.
     *
     * @return the counts in words
     */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d slices attempted (%d complete, %d partial, %d empty, %d failed), "
                        + "%d rows, %d requests (%d retries, %d x 429, %d x 418) in %s%s%s", job, attempted, complete,
                partial, empty, failed, rows, requests, retries, http429, http418, FetchProgress.clock(elapsed),
                store == null ? "; nothing stored (Binance has no candles yet)" : "; store: " + store.describe(),
                stoppedBy == null ? "" : "; stopped early: " + stoppedBy);
    }
}
