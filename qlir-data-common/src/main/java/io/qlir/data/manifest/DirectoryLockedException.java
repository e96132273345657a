package io.qlir.data.manifest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second writer tried to open a slice directory that another writer holds.
 *
 * <p>The message names the directory and the holder's process id (and, within one process, the thread that
 * opened it), so the user knows which job to stop.
 * <pre>{@code
 * try (SliceDirectory dir = SliceDirectory.open(root, series)) { ... }
 * catch (DirectoryLockedException e) { log.error(e.getMessage()); }   // "... is locked by pid 4242 ..."
 * }</pre>
 */
public final class DirectoryLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The directory. */
    private final transient Path directory;
    /** The holder's process id, or -1 when unknown. */
    private final long holderPid;

    DirectoryLockedException(Path directory, long holderPid, String holder) {
        super("slice directory " + directory + " is locked by " + holder + "; only one writer may open it. Stop "
                + "that writer or wait for it to finish (read-only tools such as the validator need no lock)");
        this.directory = directory;
        this.holderPid = holderPid;
    }

    /**
     * The locked directory.
     *
     * @return its path
     */
    public Path directory() {
        return directory;
    }

    /**
     * The process id of the writer that holds the lock.
     *
     * @return the pid, or -1 when it could not be read
     */
    public long holderPid() {
        return holderPid;
    }
}
