package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.LogProfile;
import io.qlir.cli.logging.Logging;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 13 defect 12: a runtime failure points at the log file only when one is being written. */
class ErrorHandlersTest {

    @TempDir
    Path temp;

    @AfterEach
    void tearDown() {
        Logging.stopFiles();
    }

    @Test
    void withoutLogFilesTheHintIsTheDebugProfileNotAFileThatDoesNotExist() {
        Logging.configureConsole(LogProfile.INFO);
        Logging.stopFiles();

        String err = fail();

        assertThat(err).contains("qlir: probe failed: disk on fire")
                .contains("Rerun with --log-profile debug to see the stack trace.")
                .doesNotContain("log file");
    }

    @Test
    void withLogFilesTheHintNamesTheFileThatHoldsTheStackTrace() throws Exception {
        Logging.configureConsole(LogProfile.INFO);
        Logging.startFiles(temp.resolve("logs"), LogProfile.INFO);

        String err = fail();

        // outside any job the failure is logged to qlir.log: the hint names that file, which then holds the trace
        Path file = temp.resolve("logs").toAbsolutePath().normalize().resolve("qlir.log");
        assertThat(err).contains("The stack trace is in " + file + " (or rerun with --log-profile debug).");
        Logging.stopFiles();
        assertThat(Files.readString(file)).contains("disk on fire").contains("stack_trace");
    }

    private static String fail() {
        CommandLine cmd = new CommandLine(new ProbeCommand(CliContext.system()));
        StringWriter text = new StringWriter();
        cmd.setErr(new PrintWriter(text));
        int code = new ErrorHandlers().handleExecutionException(new IllegalStateException("disk on fire"), cmd, null);
        assertThat(code).isEqualTo(Exit.FAILURE);
        return text.toString();
    }
}
