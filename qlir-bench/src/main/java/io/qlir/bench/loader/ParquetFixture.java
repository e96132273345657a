package io.qlir.bench.loader;

import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.parquet.ParquetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data root of the Parquet benchmarks: the loader's synthetic one-minute candles ({@link LoaderFixture}),
 * {@value #SLICES} slices of 1,000 (two million candles, 46 months), in a folder of its own so the JSON loader's
 * benchmark never sees a dataset; aggregated once. Location: {@code -Dqlir.bench.dir}'s sibling
 * {@code qlir-bench-parquet}, default {@code <tmp>/qlir-bench-parquet}. {@code main} builds it and prints the size
 * of the slice files and of the dataset.
 */
public final class ParquetFixture {

    static final int SLICES = 2_000;
    static final int CANDLES = SLICES * 1_000;

    private ParquetFixture() {
    }

    static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "qlir-bench-parquet");
    }

    static SliceSeries series() {
        return LoaderFixture.series();
    }

    static DatasetAggregator aggregator(Path root) {
        return DatasetAggregator.of(root).clock(Clock.fixed(LoaderFixture.NOW, ZoneOffset.UTC));
    }

    /**
     * Builds the slice files and the dataset once.
     *
     * @return the data root
     * @throws IOException when the files cannot be written
     */
    static Path ensure() throws IOException {
        Path root = LoaderFixture.ensure(root(), SLICES);
        AggregationResult r = aggregator(root).aggregate(series());
        if (!r.nothingNew()) {
            System.out.println("parquet fixture: " + r.describe());
        }
        return root;
    }

    static long bytesUnder(Path dir, String suffix) throws IOException {
        long bytes = 0;
        for (Path p : filesUnder(dir, suffix)) {
            bytes += Files.size(p);
        }
        return bytes;
    }

    /** The files under a folder whose names end with {@code suffix}, in path order. */
    static List<Path> filesUnder(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Builds the fixture and prints the sizes: slice files, dataset, and their ratio.
     *
     * @param args none
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = ensure();
        long json = bytesUnder(series().directory(root).resolve("responses"), ".json");
        long parquet = bytesUnder(ParquetLayout.seriesDirectory(root, series()), ".parquet");
        System.out.printf(java.util.Locale.ROOT, "parquet fixture: %d candles; slice files %.1f MB, dataset %.1f MB "
                + "(%.1f%% of the slice files)%n", CANDLES, json / 1e6, parquet / 1e6, 100.0 * parquet / json);
    }
}
