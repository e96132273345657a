package io.qlir.bench.endtoend;

import io.qlir.bench.store.SyntheticStore;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.slice.SliceKey;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data root of the end-to-end benchmark: {@value #SERIES} one-minute series of {@value #SLICES} slices of 1,000
 * candles each (525,000 candles, a year less 600 minutes, from 2025-01-01; 10.5 M candles in all), written as slice
 * files of the project's one generator ({@link SyntheticMarket}, one walk per symbol) and then packed into the
 * Parquet dataset by qlir's own aggregator ({@link DatasetAggregator}, the code behind {@code qlir agg}). The slice
 * files are built once (a marker file says they are complete); the dataset is brought up to date on every use (a
 * no-op unless the build writes another layout). Location: {@code <tmp>/qlir-bench-endtoend}. {@code main} builds
 * it ahead of the benchmark.
 */
public final class EndToEndFixture {

    static final int SERIES = 20;
    static final int SLICES = 525;
    static final int CANDLES = SERIES * SLICES * 1_000;
    /** The first candle: 2025-01-01T00:00:00Z. */
    static final long ANCHOR = 1735689600000L;
    /** "Now" of every file and of the aggregator: after every slice, so every slice is complete. */
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String[] BASES = {"BTC", "ETH", "BNB", "SOL", "XRP", "DOGE", "ADA", "TRX", "AVAX", "LINK",
        "DOT", "LTC", "BCH", "UNI", "ATOM", "XLM", "NEAR", "APT", "FIL", "ETC"};

    private EndToEndFixture() {
    }

    static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "qlir-bench-endtoend");
    }

    /**
     * The first {@code count} series (one-minute klines of {@code BTCUSDT}, {@code ETHUSDT}, ...).
     *
     * @param count how many, at most {@value #SERIES}
     * @return the series
     */
    static List<SliceSeries> series(int count) {
        List<SliceSeries> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(FetchJob.of(Endpoint.KLINES, BASES[i] + "USDT", Interval.M1).series());
        }
        return out;
    }

    /**
     * Builds a data root of {@code seriesCount} series of {@code slices} slices from {@code anchor}, and its dataset,
     * once.
     *
     * @param root the data root
     * @param seriesCount how many series
     * @param slices slices of 1,000 candles per series
     * @param anchor the first candle's open time
     * @return the data root
     * @throws IOException when the files cannot be written
     */
    static Path ensure(Path root, int seriesCount, int slices, long anchor) throws IOException {
        // names the generator: slice files of an earlier one are rewritten, then re-aggregated (their checksums moved)
        Path ready = SyntheticStore.readyMarker(root, seriesCount + "x" + slices + "-" + anchor);
        List<SliceSeries> all = series(seriesCount);
        if (!Files.exists(ready)) {
            for (int i = 0; i < all.size(); i++) {
                SliceSeries s = all.get(i);
                SyntheticMarket market = SyntheticMarket.of(15, s.symbol(), 30_000.0 / (1 + i));
                SyntheticStore.writeAll(root, s.directory(root), s.grid(anchor), slices,
                        (d, scratch, key) -> writeSlice(market, d, scratch, key, anchor));
                try (SliceDirectory d = SliceDirectory.open(root, s,
                        StoreOptions.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())) {
                    d.setGridAnchor(anchor);
                }
            }
            Files.writeString(ready, "ok\n");
        }
        // the dataset is brought up to date every time: nothing to do unless this build writes another layout
        DatasetAggregator agg = DatasetAggregator.of(root).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        for (SliceSeries s : all) {
            AggregationResult r = agg.aggregate(s);
            if (!r.nothingNew() && r.rowsWritten() != slices * 1_000L) {
                throw new IllegalStateException("end-to-end fixture: " + r.describe());
            }
        }
        return root;
    }

    private static void writeSlice(SyntheticMarket market, Path dir, Path scratch, SliceKey key, long anchor)
            throws IOException {
        long[] opens = new long[key.limit()];
        SyntheticStore.writeSliceFile(dir, scratch, key, opens, SyntheticStore.syntheticRows(market, key, opens),
                "binance", NOW, anchor);
    }

    /**
     * Builds the benchmark's fixture (it is built on first use otherwise).
     *
     * @param args unused
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path root = ensure(root(), SERIES, SLICES, ANCHOR);
        System.out.printf(Locale.ROOT, "end-to-end fixture ready at %s: %d candles (%.1f s)%n", root, CANDLES,
                (System.nanoTime() - t0) / 1e9);
    }
}
