package io.qlir.data.manifest;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.slice.SliceStatus;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code replaceWithFiles} (what {@code qlir manifest rebuild} runs) leaves a clean directory: a file whose data
 * no longer hashes to its checksum leaves {@code responses/} in the same run, and symlinks and folders there are
 * quarantined instead of staying orphans for good (issue 13 §4 defect 10).
 */
class RebuildInOneRunTest {

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(LATER);

    SliceDirectory open() throws Exception {
        return SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build());
    }

    @Test
    void oneRebuildQuarantinesADamagedFileAndTheValidatorIsCleanAfterIt() throws Exception {
        Path path;
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
            path = dir.path();
        }
        Path damaged = Layout.sliceFile(path, slice(1));
        FileTime mtime = Files.getLastModifiedTime(damaged);
        String text = Files.readString(damaged, StandardCharsets.UTF_8);
        int at = text.indexOf("\"40", text.indexOf("\"data\"")) + 1;
        Files.writeString(damaged, text.substring(0, at) + "5" + text.substring(at + 1), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(damaged, mtime); // reconcile trusts it: same size, same time
        assertThat(ManifestValidator.validate(root, series(), ValidationMode.DEEP).isClean()).isFalse();

        try (SliceDirectory dir = open()) {
            assertThat(dir.replaceWithFiles()).containsExactly(slice(1));
            assertThat(dir.entry(slice(1)).orElseThrow().status()).isEqualTo(SliceStatus.MISSING);
        }
        assertThat(Files.exists(damaged)).as("moved out in the same run").isFalse();
        assertThat(ReconcileTest.names(path.resolve(Layout.QUARANTINE))).contains(damaged.getFileName().toString());
        assertThat(ManifestValidator.validate(root, series(), ValidationMode.DEEP).errors()).isEmpty();
    }

    @Test
    void symlinksAndFoldersInResponsesAreQuarantinedNotLeftAsOrphans() throws Exception {
        Path path;
        try (SliceDirectory dir = open()) {
            dir.setGridAnchor(ANCHOR);
            dir.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            path = dir.path();
        }
        Path responses = path.resolve(Layout.RESPONSES);
        Path link = Files.createSymbolicLink(responses.resolve(slice(1).id().fileName()),
                Layout.sliceFile(path, slice(0)));
        Path folder = Files.createDirectories(responses.resolve("sub"));
        Files.writeString(folder.resolve("note.txt"), "x");

        try (SliceDirectory dir = open()) {
            dir.replaceWithFiles();
        }
        assertThat(ReconcileTest.names(responses)).containsExactly(slice(0).id().fileName());
        assertThat(ReconcileTest.names(path.resolve(Layout.QUARANTINE)))
                .contains(link.getFileName().toString(), "sub");
        assertThat(Files.readString(path.resolve(Layout.QUARANTINE).resolve("sub").resolve("note.txt")))
                .as("nothing deleted").isEqualTo("x");
        assertThat(ManifestValidator.validate(root, series(), ValidationMode.DEEP).errors()).isEmpty();
    }
}
