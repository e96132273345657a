package io.qlir.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.qlir.semantics.DerivationLog;
import org.slf4j.Marker;

/**
 * Keeps two kinds of lines off the console. Lines marked {@link Logging#FILE_ONLY}: the command already told the
 * user in its own words (the file keeps the stack trace). And, unless the profile is {@code debug}, the derivation
 * specs ({@code qlir.derivation} at INFO, one line per column an op creates): they belong in the job files, and
 * {@code qlir indicators --explain} prints them on purpose.
 */
final class ConsoleFilter extends Filter<ILoggingEvent> {

    private final boolean showSpecs;

    ConsoleFilter(boolean showSpecs) {
        this.showSpecs = showSpecs;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getMarkerList() != null) {
            for (Marker m : event.getMarkerList()) {
                if (m.contains(Logging.FILE_ONLY)) {
                    return FilterReply.DENY;
                }
            }
        }
        if (!showSpecs && DerivationLog.LOGGER_NAME.equals(event.getLoggerName())
                && !event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
