package io.qlir.semantics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where derivation specs and column events are logged, through the SLF4J logger
 * {@value #LOGGER_NAME}.
 *
 * <p>Specs go out at INFO in the line format of {@link RowDerivationSpec#render()}; events at DEBUG. Silence them with
 * your logging configuration (for logback: {@code <logger name="qlir.derivation" level="WARN"/>}).
 */
public final class DerivationLog {

    /** The SLF4J logger name every spec and event is logged under. */
    public static final String LOGGER_NAME = "qlir.derivation";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private DerivationLog() {
    }

    /**
     * Logs one spec line.
     *
     * @param spec the spec of a column that was just written
     */
    public static void log(RowDerivationSpec spec) {
        if (LOG.isInfoEnabled()) {
            LOG.info(spec.render());
        }
    }

    /**
     * Logs one column event.
     *
     * @param event what happened to a column
     */
    public static void log(ColumnEvent event) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(event.render());
        }
    }
}
