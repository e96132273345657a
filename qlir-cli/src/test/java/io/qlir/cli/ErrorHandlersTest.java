package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.cli.logging.LogProfile;
import io.qlir.cli.logging.Logging;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    void withLogFilesTheHintNamesTheJobsLogFile() throws Exception {
        Logging.configureConsole(LogProfile.INFO);
        Logging.startFiles(temp.resolve("logs"), LogProfile.INFO);

        String err = fail();

        assertThat(err).contains("The stack trace is in the job's log file");
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
