package io.qlir.parquet;

import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.binance.load.LoadedSlice;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packs a series' slice files into its Parquet months, incrementally: a month is written only when the slices it
 * covers changed (by data checksum, not by mtime) or its sealed state did; a run with nothing new writes nothing
 * and says so ({@link AggregationResult#nothingNew()}).
 *
 * <p>The state is the files themselves: each month file's footer records its lineage (the slices and data
 * checksums it was made from) and whether it was sealed; the expectation comes from the slice manifest. A rerun
 * that finds the manifest, its journal and the month files as the last complete run left them (by checksum), before
 * a forming candle closes or a month ends, has nothing new without parsing the manifest ({@code .agg-state.json}, a
 * cache of that run's checksums beside the lock). Reading
 * the slices takes no lock (like every loader), so it never blocks a fetch or {@code serve}; the month files are
 * written under a per-series lock of the dataset ({@code .agg.lock} in the series folder) so two aggregators
 * never interleave, and each file is replaced atomically, so a kill at any moment leaves the old or the new file
 * of each month and the next run finishes the job. Rows are exactly what {@link CandleLoader} gives for the month
 * (closed candles only). Months are loaded and written in batches of consecutive months, the batches on up to two
 * threads per core: loading the slice files and compressing the months is CPU work, but each month file also waits
 * for its fsync, and a second thread per core keeps the core busy meanwhile.
 * <pre>{@code
 * AggregationResult r = DatasetAggregator.of(dataRoot).aggregate(
 *         new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 1000));
 * log.info(r.describe());
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public final class DatasetAggregator {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetAggregator.class);
    private static final int ATTEMPTS = 3;
    /** Months loaded from JSON at once (bounds memory: six months of 1m candles is about 23 MB). */
    private static final int MONTHS_PER_LOAD = 6;
    /** Batches in flight per core: two, so that one batch's fsyncs overlap another's parsing and compressing. */
    private static final int THREADS_PER_CORE = 2;

    private final Path dataRoot;
    private final Clock clock;
    private final boolean rewriteAll;

    private DatasetAggregator(Path dataRoot, Clock clock, boolean rewriteAll) {
        this.dataRoot = dataRoot;
        this.clock = clock;
        this.rewriteAll = rewriteAll;
    }

    /**
     * An aggregator for a data root, on the system UTC clock.
     *
     * @param dataRoot the data root (slices under {@code <root>/<venue>/...}, the dataset under
     *     {@code <root>/parquet/...})
     * @return the aggregator
     */
    public static DatasetAggregator of(Path dataRoot) {
        return new DatasetAggregator(Objects.requireNonNull(dataRoot, "dataRoot"), Clock.systemUTC(), false);
    }

    /**
     * This aggregator on another clock ("now" decides which months are over and which candles have closed).
     *
     * @param c the clock
     * @return a new aggregator
     */
    public DatasetAggregator clock(Clock c) {
        return new DatasetAggregator(dataRoot, Objects.requireNonNull(c, "clock"), rewriteAll);
    }

    /** A test seam: this aggregator rewriting every month, current or not (the crash test kills it mid-write). */
    DatasetAggregator rewritingEveryMonth() {
        return new DatasetAggregator(dataRoot, clock, true);
    }

    /**
     * Brings one series' months up to date.
     *
     * @param series the slice series
     * @return what was written
     * @throws IllegalArgumentException when the series has no slice directory under the data root (named)
     * @throws UncheckedIOException when the slice directory or the dataset cannot be read or written (named)
     * @throws IllegalStateException when slice files kept changing under a writer through every attempt
     */
    public AggregationResult aggregate(SliceSeries series) {
        Path dir = ParquetLayout.seriesDirectory(dataRoot, series);
        if (!Files.isDirectory(series.directory(dataRoot))) {
            throw new IllegalArgumentException("no slice directory for " + series + " at " + series.directory(dataRoot)
                    + "; valid: a series fetched into this data root (qlir fetch)");
        }
        try {
            Files.createDirectories(dir);
            try (SeriesLock lock = SeriesLock.acquire(dir)) {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    AggregationResult r = attempt(series);
                    if (r != null) {
                        LOG.debug("{}", r.describe()); // the caller reports the result in its own words
                        return r;
                    }
                    LOG.info("{}: slice files changed while aggregating; starting over", series);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("aggregating " + series + " into " + dir + " failed: " + e.getMessage(), e);
        }
        throw new IllegalStateException("slice files of " + series + " kept changing while aggregating (tried "
                + ATTEMPTS + " times); try again");
    }

    /**
     * One pass; null when the slices changed under it. A rerun whose manifest, journal and month files are those the
     * last pass read and left, before time alone changes the answer, has nothing new and ends there ({@link AggState});
     * otherwise the manifest is parsed and every month compared with its footer's lineage.
     */
    private AggregationResult attempt(SliceSeries series) throws IOException {
        Path dir = ParquetLayout.seriesDirectory(dataRoot, series);
        long now = clock.millis();
        AggState.Inputs before = AggState.Inputs.of(dataRoot, series);
        for (Path monthDir : MonthFolders.list(dir)) {
            MonthFolders.deleteTempFiles(monthDir); // a killed run's, never the truth
        }
        int current = rewriteAll ? -1 : AggState.currentMonths(dir, before, now);
        if (current >= 0) {
            return new AggregationResult(series, List.of(), current, List.of(), 0);
        }
        SliceReader reader = SliceReader.open(dataRoot, series);
        TreeMap<YearMonth, SeriesMonths.Month> expected = SeriesMonths.of(reader.manifest(), now);
        List<SeriesMonths.Month> stale = new ArrayList<>();
        int unchanged = 0;
        for (SeriesMonths.Month m : expected.values()) {
            if (!rewriteAll && isCurrent(ParquetLayout.monthFile(dataRoot, series, m.month()), m)) {
                unchanged++;
            } else {
                stale.add(m);
            }
        }
        List<YearMonth> written = new ArrayList<>();
        List<YearMonth> removed = removeOrphans(series, expected);
        long rows = 0;
        for (Batch b : writeBatches(series, reader, batches(stale))) {
            if (b == null) {
                return null;
            }
            written.addAll(b.written());
            removed.addAll(b.removed());
            rows += b.rows();
        }
        AggState.record(dir, before, AggState.Inputs.of(dataRoot, series), expected.values(),
                reader.manifest().fileBacked(), series, now);
        return new AggregationResult(series, written, unchanged, removed, rows);
    }

    private static boolean isCurrent(Path file, SeriesMonths.Month m) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            MonthFile f = MonthFile.read(file);
            return f.sealed() == m.sealed() && m.sameSources(f.lineage()) && f.hasCurrentLayout();
        } catch (IOException e) {
            LOG.warn("{} is unreadable and will be rewritten: {}", file, e.getMessage());
            return false;
        }
    }

    /** What one batch wrote and removed. */
    private record Batch(List<YearMonth> written, List<YearMonth> removed, long rows) {
    }

    /**
     * Writes the batches on up to {@link #THREADS_PER_CORE} threads per core (each batch loads its months' slice
     * files and writes its month files); the results in batch order, null for a batch whose slices changed meanwhile.
     */
    private List<Batch> writeBatches(SliceSeries series, SliceReader reader, List<List<SeriesMonths.Month>> batches)
            throws IOException {
        int threads = Math.min(batches.size(), THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
        List<Batch> out = new ArrayList<>();
        if (threads <= 1) {
            for (List<SeriesMonths.Month> b : batches) {
                out.add(writeBatch(series, reader, b));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qlir-agg-" + series.symbol());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Batch>> futures = new ArrayList<>();
            for (List<SeriesMonths.Month> b : batches) {
                futures.add(pool.submit(() -> writeBatch(series, reader, b)));
            }
            for (Future<Batch> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while aggregating " + series);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Loads a run of consecutive months from the slices (planned from the manifest the pass read) and writes each;
     * null when the slices changed meanwhile.
     */
    private Batch writeBatch(SliceSeries series, SliceReader reader, List<SeriesMonths.Month> batch)
            throws IOException {
        List<YearMonth> written = new ArrayList<>();
        List<YearMonth> removed = new ArrayList<>();
        SeriesMonths.Month first = batch.get(0);
        SeriesMonths.Month last = batch.get(batch.size() - 1);
        LoadResult load = CandleLoader.of(dataRoot, series).reader(reader).clock(clock).dataset(false)
                .between(Instant.ofEpochMilli(first.startMs()), Instant.ofEpochMilli(last.endExclusiveMs() - 1))
                .load();
        Map<String, String> shaByKey = new HashMap<>();
        for (SeriesMonths.Month m : batch) {
            for (SliceEntry e : m.sources()) {
                shaByKey.put(e.key().canonical(), SeriesMonths.sha(e));
            }
        }
        for (LoadedSlice s : load.slices()) {
            String sha = shaByKey.get(s.key().canonical());
            if (sha == null || !sha.equals(s.dataSha256() == null ? "" : s.dataSha256())) {
                return null; // a slice was added or refetched since the manifest was read
            }
        }
        CandleColumns cols = CandleColumns.of(load.candles());
        long rows = 0;
        for (SeriesMonths.Month m : batch) {
            int from = cols.firstAtOrAfter(m.startMs());
            int to = cols.firstAtOrAfter(m.endExclusiveMs());
            Path file = ParquetLayout.monthFile(dataRoot, series, m.month());
            if (from == to) {
                if (Files.deleteIfExists(file)) {
                    removed.add(m.month());
                }
                continue;
            }
            MonthWriter.write(file, cols, from, to, MonthFile.metadata(series.toString(), m.sealed(), m.lineage()));
            written.add(m.month());
            rows += to - from;
            LOG.debug("{} {}: wrote {} candles{}", series, m.month(), to - from, m.sealed() ? " (sealed)" : "");
        }
        return new Batch(written, removed, rows);
    }

    /** Removes month files no slice has rows for any more. */
    private List<YearMonth> removeOrphans(SliceSeries series, TreeMap<YearMonth, SeriesMonths.Month> expected)
            throws IOException {
        List<YearMonth> removed = new ArrayList<>();
        for (Path monthDir : MonthFolders.list(ParquetLayout.seriesDirectory(dataRoot, series))) {
            YearMonth m = MonthFolders.month(monthDir);
            if (m != null && !expected.containsKey(m) && Files.deleteIfExists(monthDir.resolve(ParquetLayout.FILE_NAME))) {
                removed.add(m);
            }
        }
        return removed;
    }

    private static List<List<SeriesMonths.Month>> batches(List<SeriesMonths.Month> stale) {
        List<List<SeriesMonths.Month>> out = new ArrayList<>();
        List<SeriesMonths.Month> cur = new ArrayList<>();
        for (SeriesMonths.Month m : stale) {
            boolean follows = !cur.isEmpty() && cur.get(cur.size() - 1).month().plusMonths(1).equals(m.month());
            if (!cur.isEmpty() && (!follows || cur.size() == MONTHS_PER_LOAD)) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(m);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
