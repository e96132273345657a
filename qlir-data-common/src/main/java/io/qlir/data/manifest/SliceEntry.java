package io.qlir.data.manifest;

import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceId;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * The manifest's line for one slice: its status and enough about its file to check it without opening it.
 *
 * <p>Every entry has the same shape in {@code manifest.json} and {@code manifest.journal} (fields without a value
 * are JSON null). An entry with a {@link #file()} is backed by {@code responses/<slice_id>.json}; {@code missing}
 * entries and failures of never-fetched slices have none. An immutable value (equal when all its parts are); the
 * slice id is computed once per entry.
 * <pre>{@code
 * for (SliceEntry e : dir.entries()) if (e.status() == SliceStatus.PARTIAL) log.info("{} {}", e.key(), e.verdict());
 * }</pre>
 */
public final class SliceEntry {

    private final SliceKey key;
    private final SliceVerdict verdict;
    private final RowSummary rows;
    private final FileStamp file;
    private final Instant completedAt;
    private final Instant requestedAt;
    private final Integer httpStatus;
    private final String error;
    private final boolean offGrid;
    private SliceId id;

    /**
     * Builds an entry.
     *
     * @param key the slice
     * @param verdict its status and reason
     * @param rows the summary of the file's open times, or null when there is no file
     * @param file the file's stamp, or null when there is no file
     * @param completedAt when the rows were received (or the failure happened), or null
     * @param requestedAt when the request was sent, or null
     * @param httpStatus the HTTP status of the last answer, or null
     * @param error the last failure's message, or null
     * @param offGrid true when the slice does not lie on the directory's grid (adopted from another writer)
     * @throws NullPointerException when key or verdict is null
     * @throws IllegalArgumentException when only one of rows and file is given
     */
    public SliceEntry(SliceKey key, SliceVerdict verdict, RowSummary rows, FileStamp file, Instant completedAt,
                      Instant requestedAt, Integer httpStatus, String error, boolean offGrid) {
        this.key = Objects.requireNonNull(key, "key");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        if ((rows == null) != (file == null)) {
            throw new IllegalArgumentException("entry " + key + ": rows and file go together (both or neither)");
        }
        this.rows = rows;
        this.file = file;
        this.completedAt = completedAt;
        this.requestedAt = requestedAt;
        this.httpStatus = httpStatus;
        this.error = error;
        this.offGrid = offGrid;
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
     * This entry with another off-grid flag.
     *
     * @param offGrid true when the slice does not lie on the directory's grid
     * @return a copy, or this entry when the flag is the same
     */
    public SliceEntry withOffGrid(boolean offGrid) {
        return offGrid == this.offGrid ? this
                : new SliceEntry(key, verdict, rows, file, completedAt, requestedAt, httpStatus, error, offGrid);
    }

    /**
     * The slice.
     *
     * @return the key
     */
    public SliceKey key() {
        return key;
    }

    /**
     * The status and reason.
     *
     * @return the verdict
     */
    public SliceVerdict verdict() {
        return verdict;
    }

    /**
     * The summary of the file's open times.
     *
     * @return the summary, or null when there is no file
     */
    public RowSummary rows() {
        return rows;
    }

    /**
     * The file's stamp.
     *
     * @return the stamp, or null when there is no file
     */
    public FileStamp file() {
        return file;
    }

    /**
     * When the file's rows were received (or the failure happened).
     *
     * @return the time, or null
     */
    public Instant completedAt() {
        return completedAt;
    }

    /**
     * When the request was sent.
     *
     * @return the time, or null
     */
    public Instant requestedAt() {
        return requestedAt;
    }

    /**
     * The HTTP status of the last answer.
     *
     * @return the status, or null
     */
    public Integer httpStatus() {
        return httpStatus;
    }

    /**
     * The last failure's message.
     *
     * @return the message, or null
     */
    public String error() {
        return error;
    }

    /**
     * Whether the slice does not lie on the directory's grid (adopted from another writer).
     *
     * @return true when off the grid
     */
    public boolean offGrid() {
        return offGrid;
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
    public SliceReason reason() {
        return verdict.reason();
    }

    /**
     * The slice id (computed once).
     *
     * @return {@code key().id()}
     */
    public SliceId id() {
        SliceId i = id;
        if (i == null) {
            i = key.id();
            id = i;
        }
        return i;
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
        return file == null ? null : Layout.RESPONSES + "/" + id().fileName();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SliceEntry)) {
            return false;
        }
        SliceEntry e = (SliceEntry) o;
        return offGrid == e.offGrid && key.equals(e.key) && verdict.equals(e.verdict) && Objects.equals(rows, e.rows)
                && Objects.equals(file, e.file) && Objects.equals(completedAt, e.completedAt)
                && Objects.equals(requestedAt, e.requestedAt) && Objects.equals(httpStatus, e.httpStatus)
                && Objects.equals(error, e.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, verdict, rows, file, completedAt, requestedAt, httpStatus, error, offGrid);
    }

    /**
     * A description for logs and test failures.
     *
     * @return the key, verdict, and the parts that are set
     */
    @Override
    public String toString() {
        return "SliceEntry[" + key + " " + verdict + (rows == null ? "" : " " + rows) + (file == null ? "" : " " + file)
                + (completedAt == null ? "" : " completed_at=" + completedAt) + (error == null ? "" : " error=" + error)
                + (offGrid ? " off_grid" : "") + "]";
    }
}
