package io.qlir.data.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** The file-side steps of {@link SliceDirectory}'s writes, and the entries they produce. */
final class SliceWrites {

    private SliceWrites() {
    }

    static Path createDirectory(Path dataRoot, SliceSeries series) throws IOException {
        if (Files.exists(dataRoot) && !Files.isDirectory(dataRoot)) {
            throw new IOException("data root " + dataRoot + " is not a directory; valid: a directory (created if "
                    + "missing)");
        }
        Path dir = series.directory(dataRoot);
        try {
            Files.createDirectories(dir.resolve(Layout.RESPONSES));
        } catch (IOException e) {
            throw new IOException("cannot create slice directory " + dir + " under data root " + dataRoot + ": " + e
                    + "; valid: a writable data root", e);
        }
        return dir;
    }

    /** Whether storing {@code summary} would replace a file that holds more rows (never done). */
    static boolean wouldShrink(SliceEntry existing, RowSummary summary) {
        return existing != null && existing.hasFile() && existing.rows().count() > summary.count()
                && (existing.status() == SliceStatus.COMPLETE || existing.status() == SliceStatus.PARTIAL);
    }

    /** Writes the slice file atomically and returns its entry (stamped from the file as written). */
    static SliceEntry writeFile(Path dir, SliceSeries series, SliceKey key, ArrayNode rows, FetchInfo fetch,
                                SliceVerdict verdict, RowSummary summary, Instant now, Long anchor) throws IOException {
        Path file = Layout.sliceFile(dir, key);
        SliceMeta written = SliceFile.write(file, SliceMeta.forWrite(key, series.venue(), series.endpoint(), fetch,
                verdict, summary, now, anchor), rows);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new SliceEntry(key, verdict, summary, new FileStamp(a.size(), a.lastModifiedTime().toMillis(),
                written.dataSha256()), now, fetch.requestedAt(), fetch.httpStatus(), null,
                Adopter.isOffGrid(series, key, anchor));
    }

    /** The entry of a failed fetch: the old file (if any) stays in it. */
    static SliceEntry failure(SliceSeries series, SliceKey key, SliceVerdict verdict, SliceEntry old, Instant now,
                              FetchInfo fetch, String message, Long anchor) {
        boolean file = old != null && old.hasFile();
        return new SliceEntry(key, verdict, file ? old.rows() : null, file ? old.file() : null, now,
                fetch.requestedAt(), fetch.httpStatus(), message,
                old != null ? old.offGrid() : Adopter.isOffGrid(series, key, anchor));
    }
}
