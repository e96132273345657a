package io.qlir.bench.loader;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.bench.store.SyntheticStore;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.data.file.SliceFile;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.slice.SliceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A data root holding {@code slices} complete slices of 1000 one-minute BTCUSDT klines (of the project's one
 * generator, {@link SyntheticMarket}), built once and reused (a marker file says it is complete). Files are written by
 * {@link SliceFile#write} into a scratch folder on tmpfs (no fsync per file), then copied into place; the first
 * {@link SliceDirectory#open} builds the manifest. Location: {@code -Dqlir.bench.dir}, default
 * {@code <tmp>/qlir-bench-loader}.
 */
public final class LoaderFixture {

    /** The first candle, 2012-01-01T00:00:00Z: five million minutes later is still in the past. */
    static final long ANCHOR = 1325376000000L;
    /** "Now" of every file: long after every slice, so all are complete. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String SYMBOL = "BTCUSDT";
    private static final SyntheticMarket MARKET = SyntheticMarket.of(0, SYMBOL, 30_000);

    private LoaderFixture() {
    }

    static SliceSeries series() {
        return FetchJob.of(Endpoint.KLINES, SYMBOL, Interval.M1).series();
    }

    static Path root() {
        String dir = System.getProperty("qlir.bench.dir", System.getProperty("java.io.tmpdir") + "/qlir-bench-loader");
        return Path.of(dir);
    }

    /**
     * Builds the data root once.
     *
     * @param slices how many slices of 1000 candles
     * @return the data root
     * @throws IOException when the files cannot be written
     */
    static Path ensure(int slices) throws IOException {
        return ensure(root(), slices);
    }

    /**
     * Builds a data root of the same candles in another folder once.
     *
     * @param root the data root
     * @param slices how many slices of 1000 candles
     * @return the data root
     * @throws IOException when the files cannot be written
     */
    static Path ensure(Path root, int slices) throws IOException {
        SliceSeries series = series();
        Path dir = series.directory(root);
        Path ready = SyntheticStore.readyMarker(dir, slices + "-" + ANCHOR);
        if (Files.exists(ready)) {
            return root;
        }
        // a folder built by another generator or cut short is deleted first by writeAll: its candles are not the ones
        // every other run measures
        SyntheticStore.writeAll(root, dir, series.grid(ANCHOR), slices, LoaderFixture::writeSlice);
        try (SliceDirectory d = SliceDirectory.open(root, series,
                StoreOptions.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())) {
            d.setGridAnchor(ANCHOR);
        }
        Files.writeString(ready, "ok\n");
        return root;
    }

    private static void writeSlice(Path dir, Path scratch, SliceKey key) throws IOException {
        long[] opens = new long[key.limit()];
        ArrayNode rows = SyntheticStore.syntheticRows(MARKET, key, opens);
        SyntheticStore.writeSliceFile(dir, scratch, key, opens, rows, "binance", NOW, ANCHOR);
    }

    /**
     * Builds the fixture ahead of the benchmark (it is built on first use otherwise).
     *
     * @param args unused
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path root = ensure(LoaderBenchmark.SLICES);
        System.out.printf("loader fixture ready at %s (%.1f s)%n", root, (System.nanoTime() - t0) / 1e9);
    }
}
