package io.qlir.data.manifest;

import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceId;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * The manifest's line for one slice: its status and enough about its file to check it without opening it.
 *
 * <p>Every entry has the same shape in {@code manifest.json} and {@code manifest.journal} (fields without a value
 * are JSON null). An entry with a {@link #file()} is backed by {@code responses/<slice_id>.json}; {@code missing}
 * entries and failures of never-fetched slices have none.
 * <pre>{@code
 * for (SliceEntry e : dir.entries()) if (e.status() == SliceStatus.PARTIAL) log.info("{} {}", e.key(), e.verdict());
 * }</pre>
 *
 * @param key the slice
 * @param verdict its status and reason
 * @param rows the summary of the file's open times, or null when there is no file
 * @param file the file's stamp, or null when there is no file
 * @param completedAt when the file's rows were received (or the failure happened), or null
 * @param requestedAt when the request was sent, or null
 * @param httpStatus the HTTP status of the last answer, or null
 * @param error the last failure's message, or null
 * @param offGrid true when the slice does not lie on the directory's grid (adopted from another writer)
 */
public record SliceEntry(SliceKey key, SliceVerdict verdict, RowSummary rows, FileStamp file, Instant completedAt,
                         Instant requestedAt, Integer httpStatus, String error, boolean offGrid) {

    /**
     * Checks the required parts.
     *
     * @param key the slice
     * @param verdict its status and reason
     * @param rows the summary of the file's open times, or null when there is no file
     * @param file the file's stamp, or null when there is no file
     * @param completedAt when the rows were received (or the failure happened), or null
     * @param requestedAt when the request was sent, or null
     * @param httpStatus the HTTP status of the last answer, or null
     * @param error the last failure's message, or null
     * @param offGrid true when the slice does not lie on the directory's grid
     * @throws NullPointerException when key or verdict is null
     * @throws IllegalArgumentException when only one of rows and file is given
     */
    public SliceEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
        if ((rows == null) != (file == null)) {
            throw new IllegalArgumentException("entry " + key + ": rows and file go together (both or neither)");
        }
    }

    /**
     * A slice without a file.
     *
     * @param key the slice
     * @return a {@code missing} entry
     */
    public static SliceEntry missing(SliceKey key) {
        return new SliceEntry(key, SliceVerdict.MISSING, null, null, null, null, null, null, false);
    }

    /**
     * The status.
     *
     * @return {@code verdict().status()}
     */
    public SliceStatus status() {
        return verdict.status();
    }

    /**
     * The reason.
     *
     * @return {@code verdict().reason()}
     */
    public io.qlir.data.slice.SliceReason reason() {
        return verdict.reason();
    }

    /**
     * The slice id.
     *
     * @return {@code key().id()}
     */
    public SliceId id() {
        return key.id();
    }

    /**
     * Whether a slice file backs this entry.
     *
     * @return true when {@link #file()} is set
     */
    public boolean hasFile() {
        return file != null;
    }

    /**
     * The file's path relative to the slice directory.
     *
     * @return {@code responses/<slice_id>.json}, or null when there is no file
     */
    public String relativePath() {
        return file == null ? null : Layout.RESPONSES + "/" + key.id().fileName();
    }
}
