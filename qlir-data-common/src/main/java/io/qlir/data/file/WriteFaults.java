package io.qlir.data.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A test seam that makes the store's writes fail on demand, as a full or failing disk would ({@code ENOSPC},
 * {@code EIO}): slice files and {@code manifest.json} (both written by {@link AtomicFiles}) fail after part of their
 * temp file was written, journal appends after part of their line. Production code never installs a rule; the check
 * is one volatile read per write.
 * <pre>{@code
 * try (WriteFaults.Installed f = WriteFaults.inject(file -> file.endsWith("manifest.journal")
 *         ? new IOException("No space left on device") : null)) {
 *     dir.write(key, rows, fetch);     // throws, naming the journal; nothing torn is left behind
 * }
 * }</pre>
 */
public final class WriteFaults {

    /** Decides whether a write to a file fails. */
    @FunctionalInterface
    public interface Rule {
        /**
         * The failure for a write to {@code file}, or null to let it succeed.
         *
         * @param file the file being written (the target, not its temp file)
         * @return the exception to throw, or null
         */
        IOException failure(Path file);
    }

    /** An installed rule; closing removes it. */
    public static final class Installed implements AutoCloseable {
        private Installed() {
        }

        /** Removes the rule: writes succeed again. */
        @Override
        public void close() {
            rule = NONE;
        }
    }

    private static final Rule NONE = file -> null;
    private static volatile Rule rule = NONE;

    private WriteFaults() {
    }

    /**
     * Makes writes fail by a rule until the returned handle is closed (one rule at a time, process-wide: match on
     * the test's own temp directory).
     *
     * @param r the rule
     * @return the handle that removes it
     */
    public static Installed inject(Rule r) {
        rule = Objects.requireNonNull(r, "rule");
        return new Installed();
    }

    /**
     * The failure the installed rule wants for a write to {@code file}, for a writer that fails part way itself.
     *
     * @param file the file being written
     * @return the exception to throw, or null when the write may succeed
     */
    public static IOException failure(Path file) {
        Rule r = rule;
        return r == NONE ? null : r.failure(file);
    }

    /**
     * Throws the failure the installed rule wants for a write to {@code file}, if any.
     *
     * @param file the file being written
     * @throws IOException the injected failure
     */
    public static void check(Path file) throws IOException {
        IOException e = failure(file);
        if (e != null) {
            throw e;
        }
    }
}
