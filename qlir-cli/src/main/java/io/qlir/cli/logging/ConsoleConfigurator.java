package io.qlir.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration (found through {@code META-INF/services}): the console on stderr with the profile
 * of {@code QLIR_LOG_PROFILE}, or {@code info}. It exists so that nothing is logged to stdout (which
 * {@code qlir candles export} uses for data) before a command has resolved its configuration and called
 * {@link Logging#configureConsole}. An invalid {@code QLIR_LOG_PROFILE} falls back to {@code info} here; the
 * command then reports it as bad input.
 */
public final class ConsoleConfigurator extends ContextAwareBase implements Configurator {

    /** Creates the configurator; logback calls it once, when the first logger is asked for. */
    public ConsoleConfigurator() {
        // for ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogProfile profile;
        try {
            String env = System.getenv("QLIR_LOG_PROFILE");
            profile = env == null || env.isBlank() ? LogProfile.INFO : LogProfile.parse(env.trim());
        } catch (IllegalArgumentException e) {
            profile = LogProfile.INFO;
        }
        Logging.configureConsole(context, profile);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
