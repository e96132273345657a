package io.qlir.ops.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A pipeline that cannot be stored, read or run: a bad name, an unknown or invalid op, a malformed spec file, a
 * missing pipeline, or an existing one that would be overwritten. The message names the file and the op at fault
 * and says what would be valid.
 *
 * <p>It is an {@link IllegalArgumentException}: every case is bad input from the user (a name, an op text, a file
 * they edited), never a bug.
 */
public final class PipelineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    PipelineException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    PipelineException(String message, Path file) {
        this(message, file, null);
    }

    /**
     * The spec file at fault, if any.
     *
     * @return the file, or empty when the problem is not tied to a file (a bad name or op text)
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
