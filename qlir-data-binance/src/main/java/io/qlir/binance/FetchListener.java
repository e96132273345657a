package io.qlir.binance;

import io.qlir.data.manifest.SliceEntry;
import java.util.List;
import java.util.OptionalLong;

/**
 * Hears how fetch jobs progress: for the command line's progress bars, for logs, for tests.
 *
 * <p>Every method has an empty default, so a listener implements only what it draws. Calls come from the jobs'
 * threads (several at once when a data server runs many jobs, or a fetch runs slices concurrently): an
 * implementation must be thread-safe and quick, and must not throw (an exception is logged and ignored). The
 * MDC key {@value BinanceDataServer#MDC_JOB} names the job in every call.
 * <pre>{@code
 * FetchListener bar = new FetchListener() {
 *     public void sliceDone(FetchProgress p) { terminal.redraw(p.describe()); }
 *     public void finished(FetchSummary s) { terminal.println(s.describe()); }
 * };
 * }</pre>
 */
public interface FetchListener {

    /** A listener that ignores everything. */
    FetchListener NONE = new FetchListener() {
    };

    /**
     * One listener that tells several, in order: for example a progress display and a metrics binder.
     * <pre>{@code
     * builder.listener(FetchListener.all(statusLines, metrics));
     * }</pre>
     *
     * @param listeners the listeners
     * @return a listener that calls each of them
     */
    static FetchListener all(FetchListener... listeners) {
        List<FetchListener> ls = List.of(listeners);
        return new FetchListener() {
            @Override
            public void started(FetchJob job, int slicesDue) {
                ls.forEach(l -> l.started(job, slicesDue));
            }

            @Override
            public void sliceDone(FetchProgress progress) {
                ls.forEach(l -> l.sliceDone(progress));
            }

            @Override
            public void finished(FetchSummary summary) {
                ls.forEach(l -> l.finished(summary));
            }

            @Override
            public void sliceRecorded(FetchJob job, SliceEntry entry, int rows) {
                ls.forEach(l -> l.sliceRecorded(job, entry, rows));
            }

            @Override
            public void storeOpened(FetchJob job, OptionalLong newestOpenMs) {
                ls.forEach(l -> l.storeOpened(job, newestOpenMs));
            }

            @Override
            public void jobFailed(FetchJob job, JobFailureKind kind, String message) {
                ls.forEach(l -> l.jobFailed(job, kind, message));
            }
        };
    }

    /**
     * A run has planned its work.
     *
     * @param job the job
     * @param slicesDue how many slices it will attempt
     */
    default void started(FetchJob job, int slicesDue) {
    }

    /**
     * A slice was attempted (written, found empty, or failed).
     *
     * @param progress where the job stands now
     */
    default void sliceDone(FetchProgress progress) {
    }

    /**
     * A fetch-mode run ended (data servers do not finish runs; they report through {@link #sliceDone}).
     *
     * @param summary what it did
     */
    default void finished(FetchSummary summary) {
    }

    /**
     * A slice's outcome was recorded in the store (written, found empty, or marked failed): what a metrics binder
     * counts as slices and candles written, and how it tracks the newest stored candle.
     *
     * @param job the job
     * @param entry the slice's manifest entry as recorded; {@code entry.rows().lastOpenMs()} is its newest candle
     * @param rows candle rows written with it (0 when nothing was written)
     */
    default void sliceRecorded(FetchJob job, SliceEntry entry, int rows) {
    }

    /**
     * A data-server job opened its slice directory: what the store already holds.
     *
     * @param job the job
     * @param newestOpenMs the open time of the newest stored candle, or empty when the store holds none
     */
    default void storeOpened(FetchJob job, OptionalLong newestOpenMs) {
    }

    /**
     * A data-server job's step failed; it backs off and tries again (or ends, for an unknown symbol).
     *
     * @param job the job
     * @param kind why, from a closed set
     * @param message the failure in words
     */
    default void jobFailed(FetchJob job, JobFailureKind kind, String message) {
    }
}
