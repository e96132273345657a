package io.qlir.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from its process: environment, working and home directories, and whether a person is
 * watching a terminal (progress bars) or output goes to a pipe or file (plain progress lines). Injected so that
 * tests run commands in-process with their own environment.
 */
record CliContext(Map<String, String> environment, Path workingDir, Path homeDir, boolean terminal) {

    CliContext {
        environment = Map.copyOf(environment);
        workingDir = workingDir.toAbsolutePath().normalize();
        homeDir = homeDir.toAbsolutePath().normalize();
    }

    static CliContext system() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                System.console() != null);
    }
}
