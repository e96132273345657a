package io.qlir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code qlir} in-process with its own environment and folders, capturing stdout, stderr and the exit code. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path workingDir;
    private final Path homeDir;
    private final Map<String, Class<?>> extraCommands = new HashMap<>();

    CliRunner(Path tempDir) {
        this.workingDir = mkdirs(tempDir.resolve("work"));
        this.homeDir = mkdirs(tempDir.resolve("home"));
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Adds a (test-only) command class, built per run with this runner's context. */
    CliRunner withCommand(String name, Class<?> command) {
        extraCommands.put(name, command);
        return this;
    }

    Path workingDir() {
        return workingDir;
    }

    Path homeDir() {
        return homeDir;
    }

    CliContext context() {
        return new CliContext(env, workingDir, homeDir, false);
    }

    Result run(String... args) {
        CliContext context = context();
        CommandLine cmd = Main.commandLine(context);
        extraCommands.forEach((name, type) -> cmd.addSubcommand(name, new CommandLine(type, new CommandFactory(context))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file under a folder (relative paths, sorted); empty when the folder does not exist. */
    static List<String> filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
