package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import io.qlir.s3.S3ReadException;

/**
 * The one template of a command that only reads the store: open the {@link Session}, find the data root, find the
 * series, run the command's own checks (output paths, a stored pipeline), start read-only file logging, and do the
 * work inside the series' job log context. Bad input (a missing root or series, a failed check) is reported before
 * anything is logged to a file or written.
 * <pre>{@code
 * SliceSeries series = ReadOnlyStore.series(this.series, store);           // --symbol --interval --endpoint --limit
 * return ReadOnlyStore.run(context, runtime, series, session -> OutputPaths.requireWritableFile(file, "--out"),
 *         (root, s) -> export(root, s, file));
 * }</pre>
 */
final class ReadOnlyStore {

    private ReadOnlyStore() {
    }

    /** A command's checks that need the session, run before file logging starts. */
    @FunctionalInterface
    interface Checks {
        /** No checks. */
        Checks NONE = session -> { };

        void run(Session session) throws Exception;
    }

    /** A command's work on an existing series, read through the store (the local root or a bucket). */
    @FunctionalInterface
    interface Work<T> {
        T run(StoreSource store, SliceSeries series) throws Exception;
    }

    /** The series named by {@code --symbol --interval --endpoint --limit}, once the limit checked out. */
    static SliceSeries series(SeriesOptions series, EndpointLimitOptions store) throws BadInputException {
        store.validate();
        return StoreLocator.series(store.endpoint, series.symbol, series.interval, store.limit);
    }

    /** Runs a read-only command on an existing series (see the class comment for the order). */
    static <T> T run(CliContext context, RuntimeOptions runtime, SliceSeries series, Checks checks, Work<T> work)
            throws Exception {
        Session session = Session.open(context, runtime, RuntimeConfig.Resolver::acceptRemoteDataRoot);
        try (StoreSource store = session.readableStore(context)) {
            StoreLocator.existing(store, series);
            checks.run(session);
            session.startReadOnlyFileLogging();
            try {
                return Logging.inJob(jobName(series), () -> work.run(store, series));
            } catch (Exception e) {
                throw store.isLocal() ? e : unreadableBucket(e);
            }
        }
    }

    /**
     * A bucket that failed while being read (refused, unreachable, a server that kept failing) is, as at open,
     * one line naming the URL and exit 2; anything else passes unchanged.
     */
    private static Exception unreadableBucket(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof S3ReadException) {
                return new BadInputException(e.getMessage(), e);
            }
        }
        return e;
    }

    /** The job a series' log lines go to, as fetch and serve name it. */
    static String jobName(SliceSeries series) {
        return Logging.jobName(series.venue(), series.endpoint(), series.symbol(), series.interval());
    }
}
