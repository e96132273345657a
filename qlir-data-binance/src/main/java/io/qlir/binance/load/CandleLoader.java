package io.qlir.binance.load;

import io.qlir.data.file.SliceFileException;
import io.qlir.data.manifest.NoSuchSeriesException;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreDamagedException;
import io.qlir.data.manifest.StoreSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a slice directory into one clean candle table: every stored slice merged, sorted by open time, each open
 * time once.
 *
 * <p>Rules, in the order they matter:
 * <ul>
 *   <li>{@code from} and {@code to} are inclusive bounds on the open time; without them, everything stored.</li>
 *   <li>Where files overlap, the closed version of a candle beats a forming one, and among closed (or among
 *       forming) versions the one written last wins.</li>
 *   <li>A candle that was still forming when its file was written (close time at or after the file's
 *       {@code completed_at}) is left out unless {@link #includeForming(boolean)} asks for it, because its values
 *       were not final.</li>
 *   <li>{@link #reindex(boolean)} puts every open time of the grid in the table (see {@link GapReport} for the
 *       grid's bounds), gaps as rows of NaN with their open and close times set, so row counts equal time.</li>
 * </ul>
 * The loader takes no lock (a writer may be running): it reads the manifest once, plans the table's exact size
 * from it, then streams each file's rows into presized primitive columns, with no object per candle and no copy
 * when the table is made. If a writer replaces a file in between (its size or data checksum is no longer the
 * manifest's), the load notices and starts over (three times at most). {@link LoadResult#slices()} names the files
 * whose rows are in the table, with the checksums read from them in the same pass.
 * <pre>{@code
 * LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M1)
 *         .between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-31T23:59:00Z"))
 *         .reindex(true)
 *         .load();
 * Table t = r.candles();
 * }</pre>
 * Instances are immutable and thread-safe; each {@code with}-style method returns a new loader.
 */
public final class CandleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CandleLoader.class);
    private static final int ATTEMPTS = 3;

    private final StoreSource store;
    private final SliceSeries series;
    private final Long fromMs;
    private final Long toMs;
    private final boolean includeForming;
    private final boolean reindex;
    private final Clock clock;
    private final boolean dataset;
    /** The manifest to plan the first attempt from, already read by the caller; null to read it. */
    private final SliceReader reader;

    private CandleLoader(StoreSource store, SliceSeries series, Long fromMs, Long toMs, boolean includeForming,
                         boolean reindex, Clock clock) {
        this(store, series, fromMs, toMs, includeForming, reindex, clock, true, null);
    }

    private CandleLoader(StoreSource store, SliceSeries series, Long fromMs, Long toMs, boolean includeForming,
                         boolean reindex, Clock clock, boolean dataset, SliceReader reader) {
        this.reader = reader;
        this.store = store;
        this.series = series;
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.includeForming = includeForming;
        this.reindex = reindex;
        this.clock = clock;
        this.dataset = dataset;
    }

    /**
     * A loader for one slice series under a data root, with no bounds, forming candles left out, no reindexing.
     *
     * @param dataRoot the data root
     * @param series which slices (venue, endpoint, symbol, interval, limit)
     * @return the loader
     */
    public static CandleLoader of(Path dataRoot, SliceSeries series) {
        return of(StoreSource.local(Objects.requireNonNull(dataRoot, "dataRoot")), series);
    }

    /**
     * A loader for one slice series read through a source: the local data root, or a bucket a data root was
     * pushed to ({@code StoreSource.open("s3://research/qlir")}, with qlir-s3 on the class path). From a remote
     * source the slice files are read into memory, never cached on disk, and the Parquet dataset's fast path is
     * not used (the answer is the same).
     * <pre>{@code
     * try (StoreSource s3 = StoreSource.open("s3://research/qlir")) {
     *     Table t = CandleLoader.of(s3, series).load().candles();
     * }
     * }</pre>
     *
     * @param store where the store is read from; the loader does not close it
     * @param series which slices (venue, endpoint, symbol, interval, limit)
     * @return the loader
     */
    public static CandleLoader of(StoreSource store, SliceSeries series) {
        return new CandleLoader(Objects.requireNonNull(store, "store"), Objects.requireNonNull(series, "series"),
                null, null, false, false, Clock.systemUTC());
    }

    /**
     * This loader with both bounds.
     *
     * @param from the first open time, inclusive
     * @param to the last open time, inclusive
     * @return a new loader
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public CandleLoader between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("load range start " + from + " is after its end " + to
                    + "; valid: from <= to");
        }
        return new CandleLoader(store, series, from.toEpochMilli(), to.toEpochMilli(), includeForming, reindex,
                clock, dataset, reader);
    }

    /**
     * This loader with a lower bound.
     *
     * @param from the first open time, inclusive; null for the first candle stored
     * @return a new loader
     */
    public CandleLoader from(Instant from) {
        return new CandleLoader(store, series, from == null ? null : from.toEpochMilli(), toMs, includeForming,
                reindex, clock, dataset, reader);
    }

    /**
     * This loader with an upper bound.
     *
     * @param to the last open time, inclusive; null for the last candle stored
     * @return a new loader
     */
    public CandleLoader to(Instant to) {
        return new CandleLoader(store, series, fromMs, to == null ? null : to.toEpochMilli(), includeForming,
                reindex, clock, dataset, reader);
    }

    /**
     * This loader reading slices of another size (default 1000: the directory {@code limit=<limit>}).
     *
     * @param candlesPerSlice 1 to 1000
     * @return a new loader
     * @throws IllegalArgumentException outside 1 to 1000
     */
    public CandleLoader limit(int candlesPerSlice) {
        if (candlesPerSlice < 1 || candlesPerSlice > 1000) {
            throw new IllegalArgumentException("limit " + candlesPerSlice + " is out of range; valid: 1 to 1000");
        }
        return new CandleLoader(store, new SliceSeries(series.venue(), series.endpoint(), series.symbol(),
                series.interval(), candlesPerSlice), fromMs, toMs, includeForming, reindex, clock, dataset, reader);
    }

    /**
     * Whether candles that were still forming when written are kept (default false).
     *
     * @param include true to keep them (their values were not final)
     * @return a new loader
     */
    public CandleLoader includeForming(boolean include) {
        return new CandleLoader(store, series, fromMs, toMs, include, reindex, clock, dataset, reader);
    }

    /**
     * Whether the table gets a row for every open time of the grid, gaps as NaN rows (default false).
     *
     * @param onGrid true for one row per interval
     * @return a new loader
     */
    public CandleLoader reindex(boolean onGrid) {
        return new CandleLoader(store, series, fromMs, toMs, includeForming, onGrid, clock, dataset, reader);
    }

    /**
     * The clock that says which candles can have closed by now, bounding a grid with an explicit {@code to}
     * (default the system UTC clock).
     *
     * @param c the clock
     * @return a new loader
     */
    public CandleLoader clock(Clock c) {
        return new CandleLoader(store, series, fromMs, toMs, includeForming, reindex,
                Objects.requireNonNull(c, "clock"), dataset, reader);
    }

    /**
     * Whether sealed months may come from a faster stored form of the same candles (default true): a
     * {@link StoredMonths} service on the class path, such as qlir-parquet's dataset. The answer is the same either
     * way (a month is taken only when its lineage proves it equal to the slice files); false reads only the slice
     * files, as the aggregator that writes the dataset does.
     *
     * @param use false to read only slice files
     * @return a new loader
     */
    public CandleLoader dataset(boolean use) {
        return new CandleLoader(store, series, fromMs, toMs, includeForming, reindex, clock, use, reader);
    }

    /**
     * This loader planning its first attempt from a manifest the caller already read, instead of reading it again:
     * for a caller that loads several ranges of one series from one snapshot, as the aggregator does for its
     * batches of months (each manifest read costs about as much as parsing a few thousand candles). If files changed
     * since that read, the next attempt reads the manifest afresh, as always.
     * <pre>{@code
     * SliceReader snapshot = SliceReader.open(dataRoot, series);
     * LoadResult march = CandleLoader.of(dataRoot, series).reader(snapshot).between(from, to).load();
     * }</pre>
     *
     * @param snapshot an open reader of this loader's series and store
     * @return a new loader
     */
    public CandleLoader reader(SliceReader snapshot) {
        return new CandleLoader(store, series, fromMs, toMs, includeForming, reindex, clock, dataset,
                Objects.requireNonNull(snapshot, "snapshot"));
    }

    /**
     * The series this loader reads.
     *
     * @return the series
     */
    public SliceSeries series() {
        return series;
    }

    /**
     * Loads the candles.
     *
     * @return the table, its gap report and counts
     * @throws NoSuchSeriesException when the data root or the series' directory does not exist (the message
     *     names the path and lists what is there)
     * @throws StoreDamagedException when the directory has no qlir manifest or a file is damaged (named)
     * @throws UncheckedIOException when the directory or a file cannot be read
     * @throws IllegalStateException when files kept changing under a writer through every attempt
     * @throws IllegalArgumentException when the {@link #reader} given reads another series or store
     */
    public LoadResult load() {
        Path dir = series.directory(store.root());
        boolean useDataset = dataset && !includeForming && store.isLocal();
        for (int attempt = 1; ; attempt++) {
            try {
                LoadResult r = attempt(dir, useDataset, attempt == 1 ? snapshot(dir) : null);
                if (r != null) {
                    LOG.debug("{}: {}", dir, r.describe());
                    return r;
                }
            } catch (SliceFileException e) {
                throw new StoreDamagedException(dir, "loading " + series + " from " + store.describe(dir) + " failed: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("loading " + series + " from " + store.describe(dir) + " failed: "
                        + e.getMessage(), e);
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("slice files in " + dir + " kept changing while loading (a writer "
                        + "is running, or the manifest no longer matches the files: a fetch reconciles it); tried "
                        + ATTEMPTS + " times; try again");
            }
            if (useDataset) {
                LOG.info("{}: the stored months or the slice files changed while loading; loading again from the "
                        + "slice files alone", dir);
                useDataset = false;
                continue;
            }
            LOG.info("{}: a writer changed files while loading; loading again", dir);
        }
    }

    /** The caller's reader, checked to be of this loader's series; null when there is none. */
    private SliceReader snapshot(Path dir) {
        if (reader != null && !reader.directory().equals(dir)) {
            throw new IllegalArgumentException("the reader given reads " + reader.directory() + " but this loader "
                    + "reads " + dir + "; valid: a reader of the same series (same limit) and store");
        }
        return reader;
    }

    /** One load, from the given manifest or a fresh one; null when the files changed under it. */
    private LoadResult attempt(Path dir, boolean useDataset, SliceReader given) throws IOException {
        SliceReader reader = given != null ? given : SliceReader.open(store, series);
        List<SliceEntry> entries = reader.entries(fromMs == null ? Long.MIN_VALUE : fromMs,
                toMs == null ? Long.MAX_VALUE : toMs);
        Grid grid = new Grid(series.interval());
        LoadPlan plan = LoadPlan.make(store, dir, entries, reader.manifest().gridAnchor(), grid,
                new LoadPlan.Bounds(fromMs, toMs, includeForming, clock.millis()));
        int rows = plan.isEmpty() ? 0 : reindex ? grid.count(plan.lo, plan.hi) : plan.present.cardinality();
        CandleArrays arrays = new CandleArrays(rows, reindex);
        if (reindex && rows > 0) {
            arrays.gridTimes(grid, plan.lo);
        }
        SliceFiller filler = new SliceFiller(plan, arrays, reindex);
        List<StoredMonths.Month> months = useDataset && !plan.isEmpty()
                ? DatasetMonths.usable(store.root(), series, reader.manifest(), plan.spanLo, plan.spanHi,
                        clock.millis())
                : List.of();
        int read = 0;
        for (LoadPlan.Source s : plan.sources) {
            if (s.entry().rows().lastOpenMs() >= plan.spanLo && s.entry().rows().firstOpenMs() <= plan.spanHi) {
                if (SliceFiller.within(months, s)) {
                    filler.adopt(s);
                } else {
                    filler.read(s);
                }
                read++;
            }
        }
        for (StoredMonths.Month m : months) {
            filler.fill(m);
        }
        if (!filler.consistent()) {
            return null;
        }
        if (filler.unaligned > 0) {
            LOG.warn("{}: {} rows with open times off the {} grid were left out", dir, filler.unaligned,
                    series.interval().wireCode());
        }
        String name = series.symbol() + " " + series.interval().wireCode() + " " + series.endpoint();
        return new LoadResult(arrays.table(name), GapReport.of(plan), dir, read, filler.rowsRead, filler.replaced,
                filler.formingLeftOut, filler.slices());
    }
}
