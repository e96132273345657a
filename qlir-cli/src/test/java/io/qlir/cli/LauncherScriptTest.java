package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./qlir} launcher at the repository root: present, executable, valid bash. */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "qlir").toAbsolutePath().normalize();

    @Test
    void theLauncherIsAnExecutableBashScript() throws Exception {
        assertThat(SCRIPT).exists();
        assertThat(Files.isExecutable(SCRIPT)).as("executable bit on " + SCRIPT).isTrue();
        assertThat(Files.readAllLines(SCRIPT).get(0)).isEqualTo("#!/usr/bin/env bash");
        Process p = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
