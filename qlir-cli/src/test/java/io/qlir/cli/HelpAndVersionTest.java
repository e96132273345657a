package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --help} on every command (with examples), {@code --version}, and usage errors. */
class HelpAndVersionTest {

    @TempDir
    Path temp;

    @Test
    void versionNamesQlirItsVersionAndTheJava() {
        CliRunner.Result r = new CliRunner(temp).run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("qlir 0.1.0-SNAPSHOT").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        List<String[]> paths = new ArrayList<>();
        collect(Main.commandLine(new CliRunner(temp).context()), new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("", "config", "config show", "shell");
        for (String[] path : paths) {
            String[] args = new String[path.length + 1];
            System.arraycopy(path, 0, args, 0, path.length);
            args[path.length] = "--help";
            CliRunner.Result r = new CliRunner(temp).run(args);
            String name = String.join(" ", path);
            assertThat(r.exitCode()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: qlir", "Examples:", "-h, --help");
        }
    }

    private static void collect(CommandLine cmd, List<String> prefix, List<String[]> out) {
        if (cmd.getCommandName().equals("help")) {
            return;
        }
        out.add(prefix.toArray(new String[0]));
        for (var sub : cmd.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(prefix);
            next.add(sub.getKey());
            collect(sub.getValue(), next, out);
        }
    }

    @Test
    void noCommandPrintsUsageOnStderrWithExitTwo() {
        CliRunner.Result r = new CliRunner(temp).run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: missing command", "Usage: qlir");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownCommandSuggestsTheClosestOne() {
        CliRunner.Result r = new CliRunner(temp).run("confg");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: Unmatched argument at index 0: 'confg'", "config",
                "Run 'qlir --help'");
    }

    @Test
    void helpSubcommandShowsACommandsHelp() {
        CliRunner.Result r = new CliRunner(temp).run("help", "config");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: qlir config");
    }
}
