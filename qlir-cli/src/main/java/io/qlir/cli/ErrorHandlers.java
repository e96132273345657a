package io.qlir.cli;

import io.qlir.cli.logging.Logging;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code: bad usage and bad input give
 * {@link Exit#BAD_INPUT} with a pointer to {@code --help} (not the whole usage text); anything else is a runtime
 * failure, {@link Exit#FAILURE}, whose stack trace goes to the job log file when one is being written (and to the
 * console with {@code --log-profile debug}).
 */
final class ErrorHandlers implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("qlir: " + ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        err.flush();
        return Exit.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof BadInputException) {
            err.println(cmd.getColorScheme().errorText("qlir: " + ex.getMessage()));
            err.flush();
            return Exit.BAD_INPUT;
        }
        err.println(cmd.getColorScheme().errorText("qlir: " + cmd.getCommandSpec().qualifiedName() + " failed: "
                + describe(ex)));
        java.util.Optional<java.nio.file.Path> logFile = Logging.currentFile();
        if (LOG.isDebugEnabled()) {
            ex.printStackTrace(err);
        } else if (logFile.isPresent()) {
            err.println("The stack trace is in " + logFile.get() + " (or rerun with --log-profile debug).");
        } else { // the command failed before its data root, and so its log folder, checked out: no file is written
            err.println("Rerun with --log-profile debug to see the stack trace.");
        }
        err.flush();
        LOG.error(Logging.FILE_ONLY, "{} failed", cmd.getCommandSpec().qualifiedName(), ex);
        return Exit.FAILURE;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}
