package io.qlir.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The aggregators' lock of one series in the dataset ({@code .agg.lock}, a hidden file that engines skip): an
 * in-process lock plus an OS file lock, waited for (an aggregation is short), so two aggregators of one series
 * never interleave their writes. It is not the slice directory's lock: aggregating never blocks a fetch.
 */
final class SeriesLock implements Closeable {

    static final String FILE = ".agg.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private SeriesLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static SeriesLock acquire(Path seriesDir) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(seriesDir.toRealPath(), k -> new ReentrantLock());
        local.lock();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(seriesDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new SeriesLock(local, ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
