package io.qlir.data.manifest;

import io.qlir.data.file.RowFormat;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Read-only access to a slice directory for loaders: which files cover a time range, and their meta and rows.
 *
 * <p>Takes no lock (a writer may be running): the manifest and journal say which files exist, each file is read
 * whole and is always complete (files are replaced atomically). Entries come in time order. A series is addressed
 * as everywhere in the store: (data root, {@link SliceSeries}). A series that is not there is a
 * {@link NoSuchSeriesException}, one that cannot be read as stored a {@link StoreDamagedException}.
 * <pre>{@code
 * SliceReader reader = SliceReader.open(dataRoot, series);
 * for (SliceEntry e : reader.entries(fromMs, toMs)) {
 *     SliceFile f = reader.read(e);              // f.meta().completedAt(), f.meta().verdict(), f.rows()
 * }
 * }</pre>
 */
public final class SliceReader {

    private final StoreSource source;
    private final Path dir;
    private final Manifest manifest;
    private final RowFormat format;

    private SliceReader(StoreSource source, Path dir, Manifest manifest, RowFormat format) {
        this.source = source;
        this.dir = dir;
        this.manifest = manifest;
        this.format = format;
    }

    /**
     * Opens a series for reading (rows with the open time first, as qlir and the Python qlir write them).
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the reader
     * @throws NoSuchSeriesException when the data root or the series' directory does not exist (naming the path
     *     and listing the series that are there)
     * @throws StoreDamagedException when the directory has no usable qlir manifest (open it once with
     *     {@link SliceDirectory#open} to build one from the files)
     * @throws IOException when the manifest cannot be read at all
     */
    public static SliceReader open(Path dataRoot, SliceSeries series) throws IOException {
        return open(StoreSource.local(dataRoot), series);
    }

    /**
     * Opens a series for reading through a source (the local data root or a bucket a data root was pushed to).
     * Reads the manifest and journal; slice files are read when asked for.
     *
     * @param source where the store is read from; the reader does not close it
     * @param series which slices
     * @return the reader
     * @throws NoSuchSeriesException when the series' directory does not exist (naming it and listing the series
     *     that are there)
     * @throws StoreDamagedException when the directory has no usable qlir manifest
     * @throws IOException when the manifest cannot be read at all
     */
    public static SliceReader open(StoreSource source, SliceSeries series) throws IOException {
        MissingSeries.check(source, series);
        Path dir = series.directory(source.root());
        ManifestLoad load = ManifestStore.load(source, dir, false);
        if (load.manifest() == null || load.foreign() || !load.manifestFound()) {
            String message = "slice directory " + source.describe(dir) + " has no qlir manifest; "
                    + (source.isLocal() ? "`qlir manifest rebuild` (or the next fetch of the series) builds it from"
                    + " the slice files" : "push the local data root again (qlir push), which sends the manifests");
            throw new StoreDamagedException(dir, message, new IOException(message));
        }
        return new SliceReader(source, dir, load.manifest(), RowFormat.OPEN_TIME_FIRST);
    }

    /**
     * Where this reader reads from.
     *
     * @return the source given at open
     */
    public StoreSource source() {
        return source;
    }

    /**
     * The series' directory, resolved from the source's root.
     *
     * @return the directory
     */
    public Path directory() {
        return dir;
    }

    /**
     * The manifest as read at open.
     *
     * @return the manifest
     */
    public Manifest manifest() {
        return manifest;
    }

    /**
     * The file-backed entries whose slices overlap {@code [fromMs, toMs]}, in time order.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return the entries
     */
    public List<SliceEntry> entries(long fromMs, long toMs) {
        List<SliceEntry> out = new ArrayList<>();
        for (SliceEntry e : manifest.fileBacked()) {
            if (e.key().startMs() <= toMs && e.key().endMs() >= fromMs) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Reads one slice file: meta and raw rows.
     *
     * @param entry an entry with a file
     * @return the file's content
     * @throws IllegalArgumentException when the entry has no file
     * @throws StoreDamagedException when the file is damaged (its cause, a
     *     {@link io.qlir.data.file.SliceFileException}, says how)
     * @throws IOException when the file cannot be read
     */
    public SliceFile read(SliceEntry entry) throws IOException {
        if (!entry.hasFile()) {
            throw new IllegalArgumentException("slice " + entry.key() + " has no file (status "
                    + entry.status().wireCode() + ")");
        }
        Path file = Layout.sliceFile(dir, entry.key());
        try {
            return SliceFile.parse(source.read(file), file, format);
        } catch (SliceFileException e) {
            throw new StoreDamagedException(dir, source.isLocal() ? e.getMessage()
                    : e.getMessage() + " (read from " + source.describe(file) + ")", e);
        }
    }

    /**
     * Reads every file overlapping {@code [fromMs, toMs]}, lazily, in time order.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return the files; reading errors surface as {@link UncheckedIOException} (a damaged file as
     *     {@link StoreDamagedException})
     */
    public Stream<SliceFile> files(long fromMs, long toMs) {
        return entries(fromMs, toMs).stream().map(e -> {
            try {
                return read(e);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }
}
