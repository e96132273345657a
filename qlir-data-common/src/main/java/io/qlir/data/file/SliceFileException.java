package io.qlir.data.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A slice file that exists but cannot be read as one: names the file and what is wrong with it.
 *
 * <pre>{@code
 * try { SliceFile.read(path); } catch (SliceFileException e) { log.warn("{}: {}", e.file(), e.problem()); }
 * }</pre>
 */
public final class SliceFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The damaged file. */
    private final transient Path file;
    /** What kind of damage. */
    private final SliceScan.Problem problem;

    /**
     * Builds the error.
     *
     * @param file the damaged file
     * @param problem what kind of damage
     * @param message what the reader found
     */
    public SliceFileException(Path file, SliceScan.Problem problem, String message) {
        super("unreadable slice file " + file + " (" + problem.name().toLowerCase(java.util.Locale.ROOT) + "): "
                + message);
        this.file = file;
        this.problem = problem;
    }

    /**
     * The damaged file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * What kind of damage.
     *
     * @return the problem
     */
    public SliceScan.Problem problem() {
        return problem;
    }
}
