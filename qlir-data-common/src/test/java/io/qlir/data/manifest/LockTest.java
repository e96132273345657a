package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTest {

    @TempDir
    Path root;

    @Test
    void secondWriterInTheSameProcessIsRefused() throws IOException {
        long pid = ProcessHandle.current().pid();
        try (SliceDirectory first = SliceDirectory.open(root, series())) {
            assertThatThrownBy(() -> SliceDirectory.open(root, series()))
                    .isInstanceOf(DirectoryLockedException.class)
                    .hasMessageContaining(first.path().toString())
                    .hasMessageContaining("pid " + pid)
                    .hasMessageContaining("this process")
                    .satisfies(e -> assertThat(((DirectoryLockedException) e).holderPid()).isEqualTo(pid));
        }
        try (SliceDirectory again = SliceDirectory.open(root, series())) {
            assertThat(again.path()).isDirectory();
        }
    }

    @Test
    void secondWriterInAnotherProcessIsRefusedWithTheHoldersPid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), root.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("LOCKED"));
            assertThat(line).as("child output").isNotNull();
            assertThatThrownBy(() -> SliceDirectory.open(root, series()))
                    .isInstanceOf(DirectoryLockedException.class)
                    .hasMessageContaining(series().directory(root).toString())
                    .hasMessageContaining("pid " + child.pid())
                    .satisfies(e -> assertThat(((DirectoryLockedException) e).holderPid()).isEqualTo(child.pid()));
        } finally {
            child.getOutputStream().close(); // the child exits when its stdin closes
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        try (SliceDirectory after = SliceDirectory.open(root, series())) {
            assertThat(after.lastReconcile()).isNotNull();
        }
    }
}
