package io.qlir.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.ReconcileReport;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceGrid;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import io.qlir.testkit.SyntheticKlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Synthetic slice directories for the store benchmarks, built once and reused (a marker file says it is complete).
 *
 * <p>Files are produced by {@link SliceFile#write} in a scratch folder on tmpfs (so building 170,000 of them does
 * not cost 340,000 fsyncs), then copied into place; the first {@link SliceDirectory#open} builds the manifest from
 * them (a full rebuild, timed and printed). Run {@code java -cp qlir-benchmarks.jar io.qlir.bench.store.SyntheticStore}
 * to build both fixtures ahead of the benchmarks.
 */
public final class SyntheticStore {

    /** BTCUSDT's first candle on Binance (2017-08-17T04:00:00Z), aligned to every interval up to 1h. */
    static final long ANCHOR = 1502942400000L;
    /** "Now" for every fixture: long after every slice, so all are final. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * Which candles a fixture holds, part of every fixture's READY marker ({@link #readyMarker}): a folder built by
     * another generator is rebuilt rather than measured, so every machine measures the same bytes. Earlier
     * generators: a cent-tick random walk with constant volumes (no name in its marker), then {@link SyntheticMarket}
     * with eight random decimals in every price and volume ({@code synthetic-market-8dp}). Now: prices on a tick,
     * base volumes in lots of 1e-6, as Binance quotes them. Change it whenever the generator's numbers change.
     */
    public static final String GENERATOR = "synthetic-market-ticks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticStore() {
    }

    static Path root() {
        return Path.of(System.getProperty("qlir.bench.dir", System.getProperty("java.io.tmpdir") + "/qlir-bench-store"));
    }

    static StoreOptions options() {
        return StoreOptions.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** 170,000 slices of 1s candles, 10 per slice (the slice count of one symbol's 1s history; small files). */
    static SliceSeries manySlices() {
        return new SliceSeries("bench", "klines", "BTCUSDT", Interval.S1, 10);
    }

    /** 1,000 slices of 1,000 1m candles: one million candles for deep validation. */
    static SliceSeries manyCandles() {
        return new SliceSeries("bench", "klines", "BTCUSDT", Interval.M1, 1000);
    }

    /**
     * Builds (once) a directory of {@code slices} full slices of a series.
     *
     * @param series the series
     * @param slices how many slices
     * @return the slice directory
     * @throws IOException when the files cannot be written
     */
    static Path ensure(SliceSeries series, int slices) throws IOException {
        Path root = root();
        Path dir = series.directory(root);
        Path ready = readyMarker(dir, Integer.toString(slices));
        if (Files.exists(ready)) {
            return dir;
        }
        long t0 = System.nanoTime();
        writeAll(root, dir, series.grid(ANCHOR), slices, SyntheticStore::writeSlice);
        long t1 = System.nanoTime();
        ReconcileReport r;
        try (SliceDirectory d = SliceDirectory.open(root, series, options())) {
            r = d.lastReconcile();
            d.setGridAnchor(ANCHOR);
        }
        long t2 = System.nanoTime();
        System.out.printf("built %s: %d files in %.1f s; first open rebuilt the manifest in %.1f s (%s)%n", dir,
                slices, (t1 - t0) / 1e9, (t2 - t1) / 1e9, r.describe());
        Files.writeString(ready, "ok\n");
        return dir;
    }

    /**
     * The marker file that says a fixture folder is complete: it names the fixture's shape and the generator
     * ({@link #GENERATOR}), so a folder built by an earlier generator has no marker and is rebuilt.
     * <pre>{@code
     * Path ready = SyntheticStore.readyMarker(dir, slices + "-" + anchor);
     * }</pre>
     *
     * @param dir the fixture's folder
     * @param shape what else decides its contents (slice count, anchor, ...)
     * @return {@code dir/READY-<shape>-<generator>}
     */
    public static Path readyMarker(Path dir, String shape) {
        return dir.resolve("READY-" + shape + "-" + GENERATOR);
    }

    /** Writes one slice's file into a slice directory, using a scratch folder for its temporary file. */
    @FunctionalInterface
    public interface SliceMaker {
        /**
         * Writes the file of one slice.
         *
         * @param dir the slice directory
         * @param scratch a folder for temporary files
         * @param key the slice
         * @throws IOException when the file cannot be written
         */
        void write(Path dir, Path scratch, SliceKey key) throws IOException;
    }

    /**
     * Empties {@code dir}, then writes slices {@code 0 .. slices-1} of the grid with {@code maker}, many threads at
     * once, through one scratch folder (in {@code /dev/shm} when there is one) that is deleted afterwards.
     *
     * @param root the data root (the scratch folder's parent when there is no {@code /dev/shm})
     * @param dir the slice directory
     * @param grid the series' grid
     * @param slices how many slices
     * @param maker writes one slice's file
     * @throws IOException when the directory cannot be prepared or a file cannot be written
     */
    public static void writeAll(Path root, Path dir, SliceGrid grid, int slices, SliceMaker maker)
            throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir.resolve(Layout.RESPONSES));
        Path shm = Path.of("/dev/shm");
        Path scratch = Files.createTempDirectory(Files.isDirectory(shm) ? shm : root, "qlir-gen");
        try {
            IntStream.range(0, slices).parallel().forEach(k -> {
                try {
                    maker.write(dir, scratch, grid.slice(k));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            deleteTree(scratch);
        }
    }

    private static void writeSlice(Path dir, Path scratch, SliceKey key) throws IOException {
        long[] opens = new long[key.limit()];
        ArrayNode rows = syntheticRows(SyntheticMarket.of(0, key.symbol(), 20_000), key, opens);
        writeSliceFile(dir, scratch, key, opens, rows, "bench", NOW, ANCHOR);
    }

    /**
     * The raw kline rows of a full slice of closed candles of the project's one generator, as the fake Binance
     * serves them ({@link SyntheticKlines}).
     *
     * @param market the market
     * @param key the slice
     * @param opens filled with the rows' open times ({@code key.limit()} of them)
     * @return the rows
     */
    public static ArrayNode syntheticRows(SyntheticMarket market, SliceKey key, long[] opens) {
        for (int i = 0; i < key.limit(); i++) {
            opens[i] = key.interval().plus(key.startMs(), i);
        }
        try {
            return (ArrayNode) JSON.readTree(SyntheticKlines.rowsJson(market, key.interval(), key.startMs(),
                    key.limit()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one slice file of made-up rows as the store would (meta, verdict and hash), through a per-thread scratch
     * file so that many threads can build a fixture at once.
     *
     * @param dir the slice directory
     * @param scratch a folder for temporary files
     * @param key the slice
     * @param opens the rows' open times
     * @param rows the raw rows
     * @param venue the venue written into the meta
     * @param now the fixture's "now"
     * @param anchor the grid anchor written into the meta
     * @throws IOException when the file cannot be written
     */
    public static void writeSliceFile(Path dir, Path scratch, SliceKey key, long[] opens, ArrayNode rows, String venue,
            Instant now, long anchor) throws IOException {
        RowSummary summary = RowSummary.of(key, opens);
        SliceVerdict v = StatusPolicy.defaults().classify(key, summary, now);
        FetchInfo fetch = new FetchInfo("https://venue.example/api/v3/klines", Map.of("symbol", key.symbol(),
                "interval", key.interval().wireCode(), "startTime", Long.toString(key.startMs()), "limit",
                Integer.toString(key.limit())), 200, now);
        Path tmp = scratch.resolve(Thread.currentThread().getId() + ".json");
        SliceFile.write(tmp, SliceMeta.forWrite(key, venue, "klines", fetch, v, summary, now, anchor), rows);
        Files.write(Layout.sliceFile(dir, key), Files.readAllBytes(tmp));
    }

    /**
     * Deletes a folder and everything in it; nothing when it does not exist.
     *
     * @param p the folder
     * @throws IOException when something cannot be deleted
     */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }

    /**
     * Builds both fixtures (run before the benchmarks to keep their setup short).
     *
     * @param args unused
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        ensure(manySlices(), 170_000);
        ensure(manyCandles(), 1_000);
    }
}
