package io.qlir.data.manifest;

import io.qlir.data.slice.SliceKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The names inside a slice directory, in one place.
 *
 * <pre>
 * &lt;dir&gt;/responses/&lt;slice_id&gt;.json   one file per slice (the truth)
 * &lt;dir&gt;/manifest.json              the compacted index
 * &lt;dir&gt;/manifest.journal           slice updates since the last compaction (JSON lines)
 * &lt;dir&gt;/quarantine/                damaged files, kept with a .reason file
 * &lt;dir&gt;/.lock                      the single-writer lock
 * </pre>
 * <pre>{@code
 * Path file = Layout.sliceFile(dir, key);          // <dir>/responses/<slice_id>.json
 * }</pre>
 */
public final class Layout {

    /** The folder of slice files. */
    public static final String RESPONSES = "responses";
    /** The folder of quarantined files. */
    public static final String QUARANTINE = "quarantine";
    /** The compacted manifest. */
    public static final String MANIFEST = "manifest.json";
    /** The append-only journal. */
    public static final String JOURNAL = "manifest.journal";
    /** The lock file. */
    public static final String LOCK = ".lock";

    private Layout() {
    }

    /**
     * Reads the manifest and journal of a directory given by its path, whatever its path says: for the validator,
     * which also checks directories whose path names no series. Everything above this layer addresses a series as
     * (data root, {@link SliceSeries}); see {@link Manifest#load(Path, SliceSeries)}.
     *
     * @param dir the directory
     * @return the manifest as the store would see it, with the problems found
     * @throws IOException only when the files exist but cannot be read at all
     */
    public static ManifestLoad readManifest(Path dir) throws IOException {
        return ManifestStore.load(dir);
    }

    /**
     * Reads the manifest and journal of a directory through a source, whatever its path says (see
     * {@link #readManifest(Path)}).
     *
     * @param source where the store is read from
     * @param dir the directory, resolved from the source's root
     * @return the manifest as the store would see it, with the problems found
     * @throws IOException only when the files exist but cannot be read at all
     */
    public static ManifestLoad readManifest(StoreSource source, Path dir) throws IOException {
        return ManifestStore.load(source, dir, true);
    }

    /**
     * The file that holds a slice.
     *
     * @param dir the slice directory
     * @param key the slice
     * @return {@code <dir>/responses/<slice_id>.json}
     */
    public static Path sliceFile(Path dir, SliceKey key) {
        return dir.resolve(RESPONSES).resolve(key.id().fileName());
    }

    /**
     * One entry of a directory listing.
     *
     * @param name the file name
     * @param size its size in bytes
     * @param mtimeMs its last-modified time in epoch millis
     * @param regularFile false for directories, links and other non-files
     */
    public record Listed(String name, long size, long mtimeMs, boolean regularFile) {
    }

    /**
     * Starts {@link #listResponses} on a thread of its own, so the listing (one stat per file) overlaps with
     * reading the manifest.
     *
     * @param dir the slice directory
     * @return the listing to come; {@link Pending#get()} waits for it
     */
    public static Pending listResponsesInBackground(Path dir) {
        CompletableFuture<List<Listed>> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(listResponses(dir));
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, "qlir-list " + dir.getFileName());
        t.setDaemon(true);
        t.start();
        return new Pending(f);
    }

    /** A listing being made by {@link #listResponsesInBackground}. */
    public static final class Pending {
        private final CompletableFuture<List<Listed>> future;

        private Pending(CompletableFuture<List<Listed>> future) {
            this.future = future;
        }

        /**
         * Waits for the listing.
         *
         * @return every entry of {@code responses/}
         * @throws IOException when the listing failed, or the wait was interrupted
         */
        public List<Listed> get() throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while listing responses/");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException) {
                    throw (IOException) e.getCause();
                }
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new IOException(e.getCause());
            }
        }
    }

    /**
     * Lists {@code responses/} once, with size and modification time (no file is opened).
     *
     * @param dir the slice directory
     * @return every entry of {@code responses/}, in no particular order; empty when the folder does not exist
     * @throws IOException when the folder cannot be listed
     */
    public static List<Listed> listResponses(Path dir) throws IOException {
        return listResponses(StoreSource.local(dir), dir);
    }

    /**
     * Lists {@code responses/} of a slice directory read through a source (one listing; for an object store, one
     * request per thousand files).
     *
     * @param source where the store is read from
     * @param dir the slice directory, resolved from the source's root
     * @return every entry of {@code responses/}, in no particular order; empty when the folder does not exist
     * @throws IOException when the folder cannot be listed
     */
    public static List<Listed> listResponses(StoreSource source, Path dir) throws IOException {
        return source.list(dir.resolve(RESPONSES));
    }
}
