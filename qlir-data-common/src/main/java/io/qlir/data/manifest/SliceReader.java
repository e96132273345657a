package io.qlir.data.manifest;

import io.qlir.data.file.RowFormat;
import io.qlir.data.file.SliceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Read-only access to a slice directory for loaders: which files cover a time range, and their meta and rows.
 *
 * <p>Takes no lock (a writer may be running): the manifest and journal say which files exist, each file is read
 * whole and is always complete (files are replaced atomically). Entries come in time order.
 * <pre>{@code
 * SliceReader reader = SliceReader.open(dataRoot, series);
 * for (SliceEntry e : reader.entries(fromMs, toMs)) {
 *     SliceFile f = reader.read(e);              // f.meta().completedAt(), f.meta().verdict(), f.rows()
 * }
 * }</pre>
 */
public final class SliceReader {

    private final Path dir;
    private final Manifest manifest;
    private final RowFormat format;

    private SliceReader(Path dir, Manifest manifest, RowFormat format) {
        this.dir = dir;
        this.manifest = manifest;
        this.format = format;
    }

    /**
     * Opens a series' directory for reading.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the reader
     * @throws IOException when the directory does not exist (naming it) or its manifest cannot be read
     */
    public static SliceReader open(Path dataRoot, SliceSeries series) throws IOException {
        return open(series.directory(dataRoot), RowFormat.OPEN_TIME_FIRST);
    }

    /**
     * Opens a slice directory for reading.
     *
     * @param dir the slice directory
     * @param format where rows keep their open time
     * @return the reader
     * @throws IOException when the directory does not exist (naming it), has no usable manifest (open it once with
     *     {@link SliceDirectory#open} to build one), or cannot be read
     */
    public static SliceReader open(Path dir, RowFormat format) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no slice directory at " + dir + "; valid: <dataRoot>/<venue>/<endpoint>/raw/"
                    + "<SYMBOL>/<interval>/limit=<limit>, created by a fetch");
        }
        ManifestLoad load = ManifestStore.load(dir, false);
        if (load.manifest() == null || load.foreign() || !load.manifestFound()) {
            throw new IOException("slice directory " + dir + " has no qlir manifest; `qlir manifest rebuild` (or the "
                    + "next fetch of the series) builds it from the slice files");
        }
        return new SliceReader(dir, load.manifest(), format);
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
     * @throws IOException when the file cannot be read ({@link io.qlir.data.file.SliceFileException} when damaged)
     */
    public SliceFile read(SliceEntry entry) throws IOException {
        if (!entry.hasFile()) {
            throw new IllegalArgumentException("slice " + entry.key() + " has no file (status "
                    + entry.status().wireCode() + ")");
        }
        return SliceFile.read(Layout.sliceFile(dir, entry.key()), format);
    }

    /**
     * Reads every file overlapping {@code [fromMs, toMs]}, lazily, in time order.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return the files; reading errors surface as {@link UncheckedIOException}
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
