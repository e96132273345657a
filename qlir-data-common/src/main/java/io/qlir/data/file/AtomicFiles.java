package io.qlir.data.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that a reader never sees half done and a crash never leaves half done.
 *
 * <p>{@link #write} writes a temp file in the target's directory, fsyncs it, renames it over the target atomically
 * and fsyncs the directory so the rename itself survives a power loss. Before the rename the old file is untouched;
 * after it the new one is complete. A crash can leave a temp file behind (named {@code .<target>.<random>.tmp});
 * it was never the truth and {@link #isTempFile} recognises it.
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("manifest.json"), out -> mapper.writeValue(out, manifest));
 * }</pre>
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";

    /** Writes a file's content to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out where to write (buffered; do not close)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Where a write stands, for the crash test seam. */
    enum Stage {
        /** The temp file is written and fsynced; the target is still the old file. */
        TEMP_SYNCED,
        /** The temp file has been renamed over the target; the directory is not yet fsynced. */
        RENAMED
    }

    /** A test seam: called at each stage; a test throws {@link SimulatedCrash} to stop the write there. */
    interface CrashPoint {
        void reached(Stage stage, Path temp);
    }

    /** Stops a write like a crash would: nothing is cleaned up. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private static final CrashPoint NO_CRASH = (stage, temp) -> { };

    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) a file with the given bytes.
     *
     * @param target the file to write; its directory must exist
     * @param content the bytes
     * @throws IOException when the write fails; the old file, if any, is then unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content), NO_CRASH);
    }

    /**
     * Atomically replaces (or creates) a file with content written to a stream.
     *
     * @param target the file to write; its directory must exist
     * @param content writes the content
     * @throws IOException when the write fails; the old file, if any, is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, NO_CRASH);
    }

    static void write(Path target, Content content, CrashPoint crashPoint) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong() & Long.MAX_VALUE) + TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                WriteFaults.check(target); // a test seam: a full or failing disk, after part of the temp file
                out.flush();
                ch.force(true);
            }
            crashPoint.reached(Stage.TEMP_SYNCED, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        crashPoint.reached(Stage.RENAMED, temp);
        fsyncDirectory(dir);
    }

    /**
     * Writes bytes to a channel completely (a channel write may write less than asked).
     *
     * @param channel the channel
     * @param bytes the bytes
     * @throws IOException when writing fails
     */
    public static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Moves a file within one file system atomically and makes both directory entries durable.
     *
     * @param source the file to move
     * @param target where it goes; must not exist (checked first: callers hold the directory's lock)
     * @throws java.nio.file.FileAlreadyExistsException when the target exists (nothing is overwritten)
     * @throws IOException when the move fails (the source is then where it was)
     */
    public static void move(Path source, Path target) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString(), null,
                    "refusing to overwrite it with " + source);
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.toAbsolutePath().getParent());
        fsyncDirectory(source.toAbsolutePath().getParent());
    }

    /**
     * Makes a directory's entries (creations, renames) durable. A no-op where the platform cannot open a
     * directory for sync (Windows), which orders its metadata writes itself.
     *
     * @param dir the directory
     * @throws IOException when the sync itself fails
     */
    public static void fsyncDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot open directory {} for fsync on this platform: {}", dir, e.toString());
            return;
        }
        try (ch) {
            ch.force(true);
        }
    }

    /**
     * Whether a file name is a temp file left by an interrupted {@link #write}.
     *
     * @param fileName a file name (no directory)
     * @return true for {@code .<name>.<hex>.tmp}
     */
    public static boolean isTempFile(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }
}
