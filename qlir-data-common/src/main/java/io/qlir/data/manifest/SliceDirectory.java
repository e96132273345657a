package io.qlir.data.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceGrid;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one slice directory: lock, reconcile, plan, write slices, record failures, summarize.
 *
 * <p>{@link #open} takes the directory's lock (a second writer, in this process or another, gets a
 * {@link DirectoryLockedException} naming the holder's pid) and reconciles the manifest with the files before
 * anything else. Each {@link #write} fsyncs the slice file first (the truth), then appends one journal line (the
 * index); {@link #close} compacts the journal into {@code manifest.json}. Methods are thread-safe: several fetch
 * threads may write different slices at once, and their journal fsyncs are grouped.
 * <pre>{@code
 * try (SliceDirectory dir = SliceDirectory.open(dataRoot, series, StoreOptions.builder().clock(clock).build())) {
 *     if (dir.gridAnchor().isEmpty()) dir.setGridAnchor(probeFirstCandle());
 *     dir.plan(fromMs, toMs);
 *     for (SliceEntry due : dir.due(fromMs, toMs)) {
 *         try { dir.write(due.key(), fetchRows(due.key()), fetchInfo); }
 *         catch (HttpFailure f) { dir.recordFailure(due.key(), SliceReason.HTTP_ERROR, f.getMessage(), fetchInfo); }
 *     }
 *     log.info(dir.summary().describe());
 * }
 * }</pre>
 */
public final class SliceDirectory implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SliceDirectory.class);

    private final Path dir;
    private final SliceSeries series;
    private final StoreOptions options;
    private final DirectoryLock lock;
    private final ManifestJournal journal;
    private TreeMap<Long, SliceEntry> entries = new TreeMap<>();
    private Long anchor;
    private ReconcileReport lastReconcile;
    private boolean closed;
    private volatile IOException writeFailure;

    private SliceDirectory(Path dir, SliceSeries series, StoreOptions options, DirectoryLock lock,
                           ManifestJournal journal) {
        this.dir = dir;
        this.series = series;
        this.options = options;
        this.lock = lock;
        this.journal = journal;
    }

    /**
     * Opens (creating if needed) a series' directory for writing with default options.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the open directory, reconciled
     * @throws DirectoryLockedException when another writer holds the directory
     * @throws IOException when the directory cannot be created, locked or read
     */
    public static SliceDirectory open(Path dataRoot, SliceSeries series) throws IOException {
        return open(dataRoot, series, StoreOptions.defaults());
    }

    /**
     * Opens (creating if needed) a series' directory for writing: takes the lock, then reconciles.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @param options clock, policy, row format, journal durability
     * @return the open directory, reconciled ({@link #lastReconcile()} tells what that did)
     * @throws DirectoryLockedException when another writer holds the directory
     * @throws IOException when the directory cannot be created, locked or read
     */
    public static SliceDirectory open(Path dataRoot, SliceSeries series, StoreOptions options) throws IOException {
        Path dir = SliceWrites.createDirectory(dataRoot, series);
        DirectoryLock lock = DirectoryLock.acquire(dir, options.clock().instant());
        ManifestJournal journal = null;
        try {
            journal = new ManifestJournal(dir.resolve(Layout.JOURNAL), options.durability());
            SliceDirectory d = new SliceDirectory(dir, series, options, lock, journal);
            d.reconcile();
            return d;
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Brings the manifest in line with the files (run by {@link #open}; run again to pick up outside changes).
     *
     * <p>A missing manifest is rebuilt from the files; files the manifest does not know are adopted (or
     * quarantined when unreadable, zero-byte or mismatched); entries whose file is gone become {@code missing}.
     * Only the directory is listed; files are opened only when new or changed.
     *
     * @return what it found and did
     * @throws IOException when the directory cannot be read or a quarantine move fails
     */
    public synchronized ReconcileReport reconcile() throws IOException {
        ensureOpen();
        Reconciler r = new Reconciler(dir, series, options);
        ReconcileReport report = r.reconcile();
        entries = r.entries;
        anchor = r.anchor;
        if (r.mustCompact) {
            compact();
        }
        lastReconcile = report;
        LOG.info("{}: {}; {}", dir, report.describe(), summary().describe());
        return report;
    }

    /**
     * Whether a writer (a fetch or serve job, in this process or a live other one) has a slice directory open now.
     * Readers take no lock; the validator asks this to tell files a running writer just wrote from real damage.
     *
     * @param dir the slice directory
     * @return true while a writer holds its lock
     */
    public static boolean hasLiveWriter(Path dir) {
        return DirectoryLock.isHeld(dir);
    }

    /**
     * What the last reconcile (the one at open, unless run again) found and did.
     *
     * @return the report
     */
    public synchronized ReconcileReport lastReconcile() {
        return lastReconcile;
    }

    /**
     * A manifest built from the slice files alone, ignoring {@code manifest.json} and the journal; nothing is
     * written. Equals {@link #manifest()} for every slice whose last event was a file write (plans and failures
     * live only in the manifest).
     *
     * @return the rebuilt manifest
     * @throws IOException when the files cannot be read
     */
    public Manifest rebuild() throws IOException {
        ensureOpen();
        return Reconciler.rebuild(dir, series, options);
    }

    /**
     * Makes the slice files the whole truth and compacts (writing nothing when the manifest already agrees with
     * them): every slice with a usable file takes the entry its file
     * gives, an entry whose file is not usable becomes {@code missing}, and plans and failures of slices without a
     * file stay; every entry of {@code responses/} that cannot be a slice of this series (unreadable, mismatched,
     * a symlink or folder, a stray name) is moved to {@code quarantine/} in the same run. {@link #reconcile} trusts an
     * entry whose file kept its size and modification time; this reads every
     * file, for a manifest that was edited or damaged by hand.
     *
     * <pre>{@code
     * List<SliceKey> changed = dir.replaceWithFiles();   // what `qlir manifest rebuild` does when they differ
     * }</pre>
     *
     * @return the slices whose entry changed, in time order
     * @throws IOException when the files cannot be read or the manifest cannot be written
     */
    public synchronized List<SliceKey> replaceWithFiles() throws IOException {
        ensureOpen();
        Map<String, String> unusable = new LinkedHashMap<>();
        Manifest fromFiles = Reconciler.rebuild(dir, series, options, unusable);
        // a file that cannot be a slice of this series leaves responses/ in the same run (never deleted)
        Reconciler.quarantineUnusable(dir, unusable, options.clock().instant());
        TreeMap<Long, SliceEntry> next = Reconciler.filesOver(entries, fromFiles);
        List<SliceKey> changed = new ArrayList<>();
        for (SliceEntry e : next.values()) {
            if (!e.equals(entries.get(e.key().startMs()))) {
                changed.add(e.key());
            }
        }
        Long fileAnchor = fromFiles.gridAnchor().isPresent() ? fromFiles.gridAnchor().getAsLong() : anchor;
        if (changed.isEmpty() && Objects.equals(fileAnchor, anchor)) {
            return changed; // nothing to repair: nothing is written
        }
        entries = next;
        anchor = fileAnchor;
        compact();
        LOG.info("{}: replaced {} entries with what their files say; {}", dir, changed.size(), summary().describe());
        return changed;
    }

    /**
     * The stored grid anchor (the open time of the series' first candle).
     *
     * @return the anchor, or empty when not yet probed
     */
    public synchronized OptionalLong gridAnchor() {
        return anchor == null ? OptionalLong.empty() : OptionalLong.of(anchor);
    }

    /**
     * Stores the grid anchor, probed once from the venue (its first candle), and compacts the manifest.
     *
     * @param firstOpenMs the open time of the series' first candle
     * @throws IllegalArgumentException when it is not an open time of the interval, or a different anchor is
     *     already stored (the grid never moves: slice names depend on it)
     * @throws IOException when the manifest cannot be written
     */
    public synchronized void setGridAnchor(long firstOpenMs) throws IOException {
        ensureOpen();
        if (anchor != null) {
            if (anchor == firstOpenMs) {
                return;
            }
            throw new IllegalArgumentException("grid anchor of " + dir + " is already " + anchor + "; refusing to "
                    + "move it to " + firstOpenMs + " (slice files are named by it); valid: " + anchor);
        }
        series.grid(firstOpenMs); // checks alignment
        anchor = firstOpenMs;
        Reconciler.applyAnchor(entries, series, anchor);
        compact();
    }

    /**
     * The slice grid of this directory.
     *
     * @return the grid
     * @throws IllegalStateException when no anchor is stored yet
     */
    public synchronized SliceGrid grid() {
        if (anchor == null) {
            throw new IllegalStateException("no grid anchor stored in " + dir + "; probe the first candle (for "
                    + "example startTime=0&limit=1) and call setGridAnchor");
        }
        return series.grid(anchor);
    }

    /**
     * Adds a {@code missing} entry for every grid slice overlapping {@code [fromMs, toMs]} that the manifest does
     * not know, up to now (no slice that starts in the future). One manifest write, however many slices.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return every slice overlapping the range (known or new), in time order
     * @throws IllegalStateException when no grid anchor is stored
     * @throws IllegalArgumentException when {@code fromMs > toMs}
     * @throws IOException when the manifest cannot be written
     */
    public synchronized List<SliceKey> plan(long fromMs, long toMs) throws IOException {
        ensureOpen();
        if (fromMs > toMs) {
            throw new IllegalArgumentException("range start " + fromMs + " is after its end " + toMs
                    + "; valid: start <= end");
        }
        long to = Math.min(toMs, options.clock().millis());
        if (to < fromMs) {
            return List.of();
        }
        List<SliceKey> keys = grid().covering(fromMs, to);
        int added = 0;
        for (SliceKey k : keys) {
            if (!entries.containsKey(k.startMs())) {
                entries.put(k.startMs(), SliceEntry.missing(k));
                added++;
            }
        }
        if (added > 0) {
            compact();
            LOG.info("{}: planned {} new slices ({} in range)", dir, added, keys.size());
        }
        return keys;
    }

    /**
     * Every slice due for fetching now, in time order (see {@link io.qlir.data.slice.StatusPolicy#dueAt}).
     *
     * @return the due entries
     */
    public List<SliceEntry> due() {
        return due(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The slices overlapping {@code [fromMs, toMs]} that are due for fetching now, in time order: missing, failed
     * and needs_refresh ones, and partial (or early empty) ones whose re-check time has come.
     *
     * @param fromMs the first time wanted, inclusive
     * @param toMs the last time wanted, inclusive
     * @return the due entries
     */
    public synchronized List<SliceEntry> due(long fromMs, long toMs) {
        return Scheduling.due(entries.values(), options.policy(), options.clock().instant(), fromMs, toMs);
    }

    /**
     * When the next slice that is not due yet becomes due (for a worker that waits).
     *
     * @return the earliest future due time, or empty when nothing will become due by itself
     */
    public synchronized Optional<Instant> nextDue() {
        return Scheduling.nextDue(entries.values(), options.policy(), options.clock().instant());
    }

    /**
     * Stores a slice's rows as received: classifies them, writes the slice file atomically (fsynced), then
     * appends its journal line.
     *
     * <p>Rows the slice cannot hold (outside it, duplicated, out of order, without an open time) are not written:
     * the slice is recorded {@code failed/invalid_response} and the old file, if any, stays. A file is never
     * replaced by one with fewer rows (the upstream never takes candles back; a short answer is a glitch): the
     * existing entry is returned and a warning logged.
     *
     * @param key the slice (of this directory's series)
     * @param rows the raw rows exactly as received (a JSON array of rows)
     * @param fetch the request (URL, params, HTTP status, requested-at) to record in the meta
     * @return the slice's entry now
     * @throws IllegalArgumentException when the key is not of this directory's series
     * @throws IOException when the file or journal cannot be written (the old file is then unchanged)
     */
    public SliceEntry write(SliceKey key, ArrayNode rows, FetchInfo fetch) throws IOException {
        ensureOpen();
        requireWritable();
        requireSeries(key);
        long[] opens;
        try {
            opens = options.rowFormat().openTimes(rows);
        } catch (IllegalArgumentException e) {
            return recordFailure(key, SliceReason.INVALID_RESPONSE, e.getMessage(), fetch);
        }
        Instant now = options.clock().instant();
        RowSummary summary = RowSummary.of(key, opens);
        SliceVerdict verdict = options.policy().classify(key, summary, now);
        if (verdict.status() == SliceStatus.FAILED) {
            return recordFailure(key, verdict.reason(), "rows do not fit the slice: " + summary, fetch);
        }
        Long anchorNow;
        synchronized (this) {
            SliceEntry existing = entries.get(key.startMs());
            if (SliceWrites.wouldShrink(existing, summary)) {
                LOG.warn("{}: {} answered {} rows but {} are on disk; keeping the file", dir, key, summary.count(),
                        existing.rows().count());
                return existing;
            }
            anchorNow = anchor;
        }
        SliceEntry entry;
        try {
            entry = SliceWrites.writeFile(dir, series, key, rows, fetch, verdict, summary, now, anchorNow);
        } catch (IOException e) {
            throw stopWriting(Layout.sliceFile(dir, key), e);
        }
        record(entry);
        LOG.debug("{}: wrote {} ({} rows, {})", dir, key, summary.count(), verdict);
        return entry;
    }

    /**
     * Records a failed fetch; the slice's file, if any, stays on disk and in the entry.
     *
     * @param key the slice (of this directory's series)
     * @param reason how it failed: {@code http_error}, {@code network_unavailable}, {@code invalid_response} or
     *     {@code exception}
     * @param message what happened, for the manifest and logs
     * @param fetch the request as far as it got
     * @return the slice's entry now ({@code failed})
     * @throws IllegalArgumentException when the key is not of this series or the reason is not a failure
     * @throws IOException when the journal cannot be written
     */
    public SliceEntry recordFailure(SliceKey key, SliceReason reason, String message, FetchInfo fetch)
            throws IOException {
        ensureOpen();
        requireWritable();
        requireSeries(key);
        SliceVerdict verdict = SliceVerdict.failed(reason);
        Instant now = options.clock().instant();
        SliceEntry entry;
        synchronized (this) {
            entry = SliceWrites.failure(series, key, verdict, entries.get(key.startMs()), now, fetch, message, anchor);
        }
        record(entry);
        LOG.warn("{}: {} failed ({}): {}", dir, key, reason.wireCode(), message);
        return entry;
    }

    private void record(SliceEntry entry) throws IOException {
        byte[] line = ManifestStore.journalLine(entry);
        long seq;
        synchronized (this) {
            ensureOpen();
            entries.put(entry.key().startMs(), entry);
            try {
                seq = journal.append(line);
            } catch (IOException e) {
                throw stopWriting(dir.resolve(Layout.JOURNAL), e);
            }
        }
        try {
            journal.commit(seq); // outside the lock, so concurrent writers share fsyncs
        } catch (IOException e) {
            throw stopWriting(dir.resolve(Layout.JOURNAL), e);
        }
        synchronized (this) {
            if (!closed && journal.lines() >= Math.max(options.compactAfterLines(), entries.size())) {
                compact();
            }
        }
    }

    /**
     * Rewrites {@code manifest.json} atomically from the current entries and empties the journal. O(n); runs at
     * open when needed, when the journal grows as long as the manifest (so O(1) per update, amortized), and at
     * close.
     *
     * @throws IOException when the manifest cannot be written
     */
    public synchronized void compact() throws IOException {
        ensureOpen();
        long t0 = System.nanoTime();
        try {
            ManifestStore.write(dir, manifest(), options.clock().instant());
        } catch (IOException e) {
            throw stopWriting(dir.resolve(Layout.MANIFEST), e);
        }
        journal.truncate();
        LOG.debug("{}: compacted {} entries in {} ms", dir, entries.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * A snapshot of the manifest as it stands.
     *
     * @return the manifest
     */
    public synchronized Manifest manifest() {
        return new Manifest(series, anchor, entries.values());
    }

    /**
     * Every entry, in time order.
     *
     * @return a snapshot list
     */
    public synchronized List<SliceEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The entry of one slice.
     *
     * @param key the slice
     * @return its entry, or empty when the manifest does not know it
     */
    public synchronized Optional<SliceEntry> entry(SliceKey key) {
        SliceEntry e = entries.get(key.startMs());
        return e != null && e.key().equals(key) ? Optional.of(e) : Optional.empty();
    }

    /**
     * The counts per status (they sum to the number of entries).
     *
     * @return the summary
     */
    public synchronized ManifestSummary summary() {
        return ManifestSummary.of(entries.values());
    }

    /**
     * The directory.
     *
     * @return its path
     */
    public Path path() {
        return dir;
    }

    /**
     * The series this directory holds.
     *
     * @return the series
     */
    public SliceSeries series() {
        return series;
    }

    /**
     * The options this directory was opened with.
     *
     * @return the options
     */
    public StoreOptions options() {
        return options;
    }

    /**
     * Compacts the journal into {@code manifest.json} and releases the lock. A later open then changes nothing.
     *
     * @throws IOException when the final compaction fails (the lock is released anyway)
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (journal.lines() > 0) {
                compact();
            }
        } finally {
            closed = true;
            try {
                journal.close();
            } finally {
                lock.close();
            }
        }
    }

    /** Drops lock and journal without compacting, as a killed process would (tests of crash recovery). */
    synchronized void abandon() throws IOException {
        closed = true;
        try {
            journal.abandon();
        } finally {
            lock.close();
        }
    }

    /**
     * Records the first write that failed (a full or failing disk) and returns the one-line error naming the file:
     * the store then stops writing slices (each later write fails at once with the same line), so nothing is
     * written on top of a disk that is failing. What is on disk stays consistent: a slice file is whole or absent
     * (written to a temp file first), a journal line that did not fit is cut off again, and a failed compaction
     * leaves the old {@code manifest.json} and the journal; the next open reconciles the manifest with the files.
     */
    private IOException stopWriting(Path file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().replace(file.toString() + ": ", "");
        IOException stop = new IOException("cannot write " + file + ": " + why + " (the store stopped writing; every "
                + "file is whole or absent and the next run continues from them: free space or fix the disk, then run "
                + "the same command again)", e);
        if (writeFailure == null) {
            writeFailure = stop;
        }
        return stop;
    }

    /** Refuses a write once one failed: a failing disk is not written on. */
    private void requireWritable() throws IOException {
        IOException first = writeFailure;
        if (first != null) {
            throw new IOException(first.getMessage(), first);
        }
    }

    private void requireSeries(SliceKey key) {
        if (!series.contains(key)) {
            throw new IllegalArgumentException("slice " + key + " is not of " + dir + "; valid: " + series.symbol()
                    + ":" + series.interval().wireCode() + ":<startMs>:" + series.limit());
        }
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("slice directory " + dir + " is closed");
        }
    }
}
