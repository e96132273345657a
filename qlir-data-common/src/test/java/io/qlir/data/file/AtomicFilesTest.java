package io.qlir.data.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void createsAndReplaces() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "new content".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("new content");
        assertThat(names()).containsExactly("a.json");
    }

    @Test
    void crashBetweenTempWriteAndRenameLeavesTheOldFileIntact() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        Path[] seenTemp = new Path[1];
        AtomicFiles.CrashPoint crash = (stage, temp) -> {
            if (stage == AtomicFiles.Stage.TEMP_SYNCED) {
                seenTemp[0] = temp;
                throw new AtomicFiles.SimulatedCrash("power loss before rename");
            }
        };
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)), crash))
                .isInstanceOf(AtomicFiles.SimulatedCrash.class);
        assertThat(Files.readString(f)).isEqualTo("old");
        // the complete temp file is left behind like after a real crash, in the same directory, recognisable
        assertThat(seenTemp[0].getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(Files.readString(seenTemp[0])).isEqualTo("new");
        assertThat(AtomicFiles.isTempFile(seenTemp[0].getFileName().toString())).isTrue();
        assertThat(names()).hasSize(2).contains("a.json");
    }

    @Test
    void crashAfterRenameShowsTheNewFile() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.CrashPoint crash = (stage, temp) -> {
            if (stage == AtomicFiles.Stage.RENAMED) {
                throw new AtomicFiles.SimulatedCrash("power loss before directory fsync");
            }
        };
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)), crash))
                .isInstanceOf(AtomicFiles.SimulatedCrash.class);
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(names()).containsExactly("a.json");
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemp() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(names()).containsExactly("a.json");
    }

    @Test
    void moveIsAtomicAndRefusesToOverwrite() throws IOException {
        Path a = dir.resolve("a");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(a, "x");
        AtomicFiles.move(a, sub.resolve("a"));
        assertThat(Files.readString(sub.resolve("a"))).isEqualTo("x");
        Files.writeString(a, "y");
        assertThatThrownBy(() -> AtomicFiles.move(a, sub.resolve("a"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(sub.resolve("a"))).isEqualTo("x");
    }
}
