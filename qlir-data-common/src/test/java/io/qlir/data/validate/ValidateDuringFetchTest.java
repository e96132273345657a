package io.qlir.data.validate;

import static io.qlir.data.testing.StoreFixtures.ANCHOR;
import static io.qlir.data.testing.StoreFixtures.LATER;
import static io.qlir.data.testing.StoreFixtures.fetch;
import static io.qlir.data.testing.StoreFixtures.rows;
import static io.qlir.data.testing.StoreFixtures.series;
import static io.qlir.data.testing.StoreFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.testing.StoreFixtures.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest validate} while a fetch writes (issue 13 §4 defect 12): files the writer wrote after the validator
 * read the manifest are warnings, not "missing file" or "orphan file" errors; without a writer the same file is an
 * error.
 */
class ValidateDuringFetchTest {

    @TempDir
    Path root;

    @Test
    void aFileWrittenAfterTheManifestWasReadIsAWarningOnlyWhileAWriterHoldsTheDirectory() throws Exception {
        MutableClock clock = new MutableClock(LATER);
        Path dir;
        Path copy;
        try (SliceDirectory d = SliceDirectory.open(root, series(), StoreOptions.builder().clock(clock).build())) {
            d.setGridAnchor(ANCHOR);
            d.write(slice(0), rows(slice(0), 0, 9), fetch(slice(0), LATER));
            dir = d.path();
            // what the writer's next write puts on disk just after the validator read manifest and journal
            copy = dir.resolve("slice1-elsewhere.json");
            try (SliceDirectory other = SliceDirectory.open(root.resolve("other"), series(),
                    StoreOptions.builder().clock(clock).build())) {
                other.setGridAnchor(ANCHOR);
                other.write(slice(1), rows(slice(1), 0, 9), fetch(slice(1), LATER));
                Files.copy(Layout.sliceFile(other.path(), slice(1)), copy);
            }
            Files.move(copy, Layout.sliceFile(dir, slice(1)));

            ValidationReport during = ManifestValidator.validate(dir, ValidationMode.METADATA);
            assertThat(during.errors()).as(during.describe()).isEmpty();
            assertThat(during.warnings()).extracting(Violation::message)
                    .anySatisfy(m -> assertThat(m).contains("written after the manifest was read"));
        }
        // no writer any more, and the manifest does not know the file: a real orphan
        ValidationReport after = ManifestValidator.validate(dir, ValidationMode.METADATA);
        assertThat(after.errors()).isNotEmpty();
    }
}
