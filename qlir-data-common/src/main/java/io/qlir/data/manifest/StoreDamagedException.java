package io.qlir.data.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one error for "store damaged": a series' directory exists but cannot be read as one (no qlir manifest, or a
 * slice file that is truncated, malformed or holds bad rows). Nothing was changed on disk.
 *
 * <p>Unchecked, like {@link NoSuchSeriesException}, so that readers and loaders throw both the same way; it is an
 * {@link UncheckedIOException} whose cause says what was found (a {@link io.qlir.data.file.SliceFileException}
 * for a damaged file). Opening the directory for writing ({@link SliceDirectory#open}, {@code qlir manifest
 * rebuild}) repairs it: files are the truth, damaged ones are moved to {@code quarantine/}.
 * <pre>{@code
 * try { reader.read(entry); }
 * catch (StoreDamagedException e) { log.error("{}: {}; run 'qlir manifest rebuild'", e.directory(), e.getMessage()); }
 * }</pre>
 */
public final class StoreDamagedException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /** The damaged series' directory. */
    private final transient Path directory;

    /**
     * Builds the error.
     *
     * @param directory the series' directory
     * @param message what is damaged, naming the file
     * @param cause what reading found
     */
    public StoreDamagedException(Path directory, String message, IOException cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The damaged series' directory.
     *
     * @return its path
     */
    public Path directory() {
        return directory;
    }
}
