package io.qlir.data.manifest;

import io.qlir.data.file.AtomicFiles;
import io.qlir.data.file.WriteFaults;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only journal: one JSON line per slice update, each written with one write call (so a crash tears at
 * most the last line), fsynced per {@link JournalDurability}. Appends are O(1); fsyncs of concurrent appenders are
 * grouped: whoever fsyncs makes every line written before it durable.
 */
final class ManifestJournal implements Closeable {

    private static final int BATCH_LINES = 64;
    private static final long BATCH_NANOS = 50_000_000L;

    private final Path file;
    private final FileChannel channel;
    private final JournalDurability durability;
    private final Object writeLock = new Object();
    private final ReentrantLock syncLock = new ReentrantLock();
    private long written;
    private volatile long synced;
    private long lastSyncNanos = System.nanoTime();
    private int lines;

    ManifestJournal(Path file, JournalDurability durability) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.channel.position(channel.size());
        this.durability = durability;
    }

    /**
     * Writes one line (one write call) and returns its sequence number for {@link #commit}. A failed write (a full
     * or failing disk) is cut back off the journal, so no torn line stays in the middle of it for the next append
     * to follow.
     */
    long append(byte[] line) throws IOException {
        synchronized (writeLock) {
            long before = channel.position();
            try {
                IOException injected = WriteFaults.failure(file);
                if (injected != null) { // a test seam: the disk fills up half way through the line
                    AtomicFiles.writeFully(channel, ByteBuffer.wrap(line, 0, line.length / 2));
                    throw injected;
                }
                AtomicFiles.writeFully(channel, ByteBuffer.wrap(line));
            } catch (IOException e) {
                try {
                    channel.truncate(before);
                    channel.position(before);
                } catch (IOException cut) {
                    e.addSuppressed(cut); // the next open still ignores a torn last line
                }
                throw e;
            }
            lines++;
            return ++written;
        }
    }

    /** Makes line {@code seq} as durable as the durability asks; call outside any lock to let fsyncs group. */
    void commit(long seq) throws IOException {
        if (durability == JournalDurability.EVERY_APPEND) {
            syncUpTo(seq);
        } else if (seq - synced >= BATCH_LINES || System.nanoTime() - lastSyncNanos >= BATCH_NANOS) {
            syncUpTo(seq);
        }
    }

    /** Makes every line written so far durable. */
    void sync() throws IOException {
        long seq;
        synchronized (writeLock) {
            seq = written;
        }
        syncUpTo(seq);
    }

    private void syncUpTo(long seq) throws IOException {
        if (synced >= seq) {
            return;
        }
        syncLock.lock();
        try {
            if (synced >= seq) {
                return; // another appender's fsync covered this line
            }
            long target;
            synchronized (writeLock) {
                target = written;
            }
            channel.force(false);
            lastSyncNanos = System.nanoTime();
            synced = target;
        } finally {
            syncLock.unlock();
        }
    }

    /** Lines appended since the journal was last emptied. */
    int lines() {
        synchronized (writeLock) {
            return lines;
        }
    }

    /** Empties the journal (after a compaction made its lines part of manifest.json). */
    void truncate() throws IOException {
        synchronized (writeLock) {
            channel.truncate(0);
            channel.position(0);
            channel.force(true);
            lines = 0;
            synced = written;
        }
    }

    /** Closes without a final fsync, as a killed process would. */
    void abandon() throws IOException {
        channel.close();
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            channel.close();
        }
    }
}
