package io.qlir.cli;

import io.qlir.cli.logging.Logging;
import picocli.CommandLine;

/**
 * The {@code qlir} command's entry point ({@code ./qlir} runs it).
 *
 * <p>Exit codes: 0 success, 1 runtime failure or validation violations, 2 bad usage or bad input.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs {@code qlir} with the process's environment and exits with the command's exit code.
     *
     * @param args the command line, for example {@code config show --json}
     */
    public static void main(String[] args) {
        int code = commandLine(CliContext.system()).execute(args);
        Logging.stopFiles();
        System.exit(code);
    }

    /** The full command tree with qlir's error handling, for {@link #main} and for in-process tests. */
    static CommandLine commandLine(CliContext context) {
        CommandLine cmd = new CommandLine(QlirCommand.class, new CommandFactory(context));
        ErrorHandlers handlers = new ErrorHandlers();
        cmd.setParameterExceptionHandler(handlers);
        cmd.setExecutionExceptionHandler(handlers);
        cmd.setAbbreviatedOptionsAllowed(false);
        IndicatorsCommand.addOpReference(cmd.getSubcommands().get("indicators"));
        return cmd;
    }
}
