package io.qlir.cli;

import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.SliceSeries;
import java.nio.file.Path;

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

    /** A command's work on an existing series. */
    @FunctionalInterface
    interface Work<T> {
        T run(Path dataRoot, SliceSeries series) throws Exception;
    }

    /** The series named by {@code --symbol --interval --endpoint --limit}, once the limit checked out. */
    static SliceSeries series(SeriesOptions series, EndpointLimitOptions store) throws BadInputException {
        store.validate();
        return StoreLocator.series(store.endpoint, series.symbol, series.interval, store.limit);
    }

    /** Runs a read-only command on an existing series (see the class comment for the order). */
    static <T> T run(CliContext context, RuntimeOptions runtime, SliceSeries series, Checks checks, Work<T> work)
            throws Exception {
        Session session = Session.open(context, runtime);
        Path root = session.existingDataRoot();
        StoreLocator.existing(root, series);
        checks.run(session);
        session.startReadOnlyFileLogging();
        return Logging.inJob(jobName(series), () -> work.run(root, series));
    }

    /** The job a series' log lines go to, as fetch and serve name it. */
    static String jobName(SliceSeries series) {
        return Logging.jobName(series.venue(), series.endpoint(), series.symbol(), series.interval());
    }
}
