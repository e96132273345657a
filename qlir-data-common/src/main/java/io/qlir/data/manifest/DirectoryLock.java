package io.qlir.data.manifest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer lock of a slice directory: an OS lock on {@code .lock} (refuses other processes) plus a
 * registry of this process's holders (a {@link FileLock} is per process, so it cannot refuse a second job in the
 * same JVM). The lock file holds the holder's pid and is never deleted (deleting lock files races).
 */
final class DirectoryLock implements Closeable {

    private record Holder(long pid, String thread, Instant since) {
    }

    private static final ConcurrentHashMap<Path, Holder> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir, Instant now) throws IOException {
        Path key = dir.toRealPath();
        long pid = ProcessHandle.current().pid();
        Holder me = new Holder(pid, Thread.currentThread().getName(), now);
        Holder other = IN_PROCESS.putIfAbsent(key, me);
        if (other != null) {
            throw new DirectoryLockedException(dir, other.pid(), "pid " + other.pid() + " (this process, thread '"
                    + other.thread() + "', since " + other.since() + ")");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(dir.resolve(Layout.LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String content = read(ch);
                long holderPid = pidOf(content);
                throw new DirectoryLockedException(dir, holderPid, (holderPid < 0 ? "another process" : "pid "
                        + holderPid) + " (" + Layout.LOCK + ": " + content.strip().replace('\n', ' ') + ")");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid=" + pid + "\nsince=" + now + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new DirectoryLock(key, ch, lock);
        } catch (IOException | RuntimeException | Error e) {
            IN_PROCESS.remove(key, me);
            if (ch != null) {
                ch.close();
            }
            throw e;
        }
    }

    /**
     * Whether a writer holds the directory now, without taking the lock (readers never do): a holder in this
     * process, or a live other process named by the lock file.
     */
    static boolean isHeld(Path dir) {
        try {
            if (IN_PROCESS.containsKey(dir.toRealPath())) {
                return true;
            }
            Path file = dir.resolve(Layout.LOCK);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            long pid = pidOf(Files.readString(file, StandardCharsets.UTF_8));
            return pid > 0 && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    static long pidOf(String lockContent) {
        for (String line : lockContent.split("\n")) {
            if (line.startsWith("pid=")) {
                try {
                    return Long.parseLong(line.substring(4).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } finally {
            IN_PROCESS.remove(key);
        }
    }
}
