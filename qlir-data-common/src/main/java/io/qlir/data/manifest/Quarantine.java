package io.qlir.data.manifest;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Moves damaged files to {@code quarantine/} with a {@code .reason} file; never deletes, never overwrites. */
final class Quarantine {

    private Quarantine() {
    }

    /** Moves {@code file} into {@code <dir>/quarantine/} and returns the name it got there. */
    static String move(Path dir, Path file, String reason, Instant now) throws IOException {
        Path q = Files.createDirectories(dir.resolve(Layout.QUARANTINE));
        String base = file.getFileName().toString();
        String name = base;
        for (int i = 1; Files.exists(q.resolve(name)) || Files.exists(q.resolve(name + ".reason")); i++) {
            name = base + "." + i;
        }
        AtomicFiles.move(file, q.resolve(name));
        String text = "file: " + dir.relativize(file) + "\nquarantined_at: " + now + "\nreason: " + reason + "\n";
        AtomicFiles.write(q.resolve(name + ".reason"), text.getBytes(StandardCharsets.UTF_8));
        return name;
    }
}
