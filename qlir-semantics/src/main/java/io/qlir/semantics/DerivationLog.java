package io.qlir.semantics;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where derivation specs and column events are logged, through the SLF4J logger
 * {@value #LOGGER_NAME}.
 *
 * <p>Specs go out at INFO in the line format of {@link RowDerivationSpec#render()}; events at DEBUG. Silence them with
 * your logging configuration (for logback: {@code <logger name="qlir.derivation" level="WARN"/>}). Code that runs
 * an op many times only to test it (such as {@code Causality.check}) wraps the runs in {@link #muted(Supplier)}, so
 * the log shows what a researcher computed, not hundreds of trial runs.
 */
public final class DerivationLog {

    /** The SLF4J logger name every spec and event is logged under. */
    public static final String LOGGER_NAME = "qlir.derivation";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    /** How many {@link #muted(Supplier)} calls enclose the current thread's work. */
    private static final ThreadLocal<int[]> MUTED = ThreadLocal.withInitial(() -> new int[1]);

    private DerivationLog() {
    }

    /**
     * Logs one spec line.
     *
     * @param spec the spec of a column that was just written
     */
    public static void log(RowDerivationSpec spec) {
        if (LOG.isInfoEnabled() && !isMuted()) {
            LOG.info(spec.render());
        }
    }

    /**
     * Logs one column event.
     *
     * @param event what happened to a column
     */
    public static void log(ColumnEvent event) {
        if (LOG.isDebugEnabled() && !isMuted()) {
            LOG.debug(event.render());
        }
    }

    /**
     * Runs {@code action} on this thread with spec and event logging switched off, then restores it.
     *
     * <pre>{@code
     * Derived d = DerivationLog.muted(() -> op.apply(trialTable));   // logs nothing
     * }</pre>
     *
     * @param action the work whose derivations should not be logged
     * @param <T> the result type
     * @return what {@code action} returned
     */
    public static <T> T muted(Supplier<T> action) {
        int[] depth = MUTED.get();
        depth[0]++;
        try {
            return action.get();
        } finally {
            depth[0]--;
        }
    }

    /**
     * Whether logging is switched off on this thread by an enclosing {@link #muted(Supplier)}.
     *
     * @return true inside {@code muted}
     */
    public static boolean isMuted() {
        return MUTED.get()[0] > 0;
    }
}
