package io.qlir.bench.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.bench.store.SyntheticStore;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.RecordedRows;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.parquet.ParquetLayout;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/**
 * The size target of issue 14 measured on real candles: the real Binance recordings ({@link BinanceRecordings}: the
 * 30m page, and the three overlapping 15m fetches merged, a later fetch's row replacing an earlier one) written as
 * slice files by qlir's store ({@link SliceDirectory#write}, a {@code qlir fetch}'s path, default 1,000-candle slices)
 * and packed by qlir's aggregator ({@link DatasetAggregator}, {@code qlir agg}'s code), into a scratch data root. It
 * prints the dataset's bytes over the slice files' bytes, and since a month of 300–500 candles is small enough for
 * the Parquet footer (schema, statistics, lineage) and the column and offset indexes to weigh, also the column chunks'
 * bytes per candle alone, column by column (what a month of one-minute candles, 43,200 rows, is made of).
 * <pre>{@code
 * java -cp qlir-bench/target/qlir-benchmarks.jar io.qlir.bench.loader.RealFixtureSize [kept-folder]
 * }</pre>
 */
public final class RealFixtureSize {

    private RealFixtureSize() {
    }

    /**
     * Builds both stores and prints their sizes: in a scratch folder deleted afterwards, or in a new folder that is
     * kept (for {@link ZstdCeiling} on its dataset).
     *
     * @param args none, or a folder that does not exist yet
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        boolean keep = args.length > 0;
        Path scratch = keep ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("qlir-real-size");
        try {
            measure(scratch.resolve("30m"), Interval.M30, BinanceRecordings.rows(BinanceRecordings.SPOT_30M));
            ArrayNode merged = merged(BinanceRecordings.SPOT_15M_A, BinanceRecordings.SPOT_15M_B,
                    BinanceRecordings.SPOT_15M_C);
            measure(scratch.resolve("15m"), Interval.M15, merged);
        } finally {
            if (!keep) {
                SyntheticStore.deleteTree(scratch);
            }
        }
    }

    /** The recordings' rows by open time, a later recording's row replacing an earlier one's. */
    private static ArrayNode merged(String... names) {
        Map<Long, JsonNode> byOpen = new TreeMap<>();
        for (String name : names) {
            for (JsonNode row : BinanceRecordings.rows(name)) {
                byOpen.put(row.get(0).asLong(), row);
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        byOpen.values().forEach(out::add);
        return out;
    }

    private static void measure(Path root, Interval interval, ArrayNode rows) throws IOException {
        SliceSeries series = FetchJob.of(Endpoint.KLINES, "BTCUSDT", interval).series();
        long lastClose = rows.get(rows.size() - 1).get(6).asLong();
        // "now" just after the last candle closed: every candle is closed, as a fetch a moment later would see them
        Clock clock = Clock.fixed(Instant.ofEpochMilli(lastClose + 1), ZoneOffset.UTC);
        try (SliceDirectory dir = SliceDirectory.open(root, series, StoreOptions.builder().clock(clock).build())) {
            RecordedRows.write(dir, rows, new FetchInfo("https://api.binance.com/api/v3/klines",
                    Map.of("symbol", "BTCUSDT", "interval", interval.wireCode()), 200, clock.instant()));
        }
        AggregationResult r = DatasetAggregator.of(root).clock(clock).aggregate(series);
        long json = ParquetFixture.bytesUnder(series.directory(root).resolve("responses"), ".json");
        Path datasetDir = ParquetLayout.seriesDirectory(root, series);
        long parquet = ParquetFixture.bytesUnder(datasetDir, ".parquet");
        System.out.printf(Locale.ROOT, "BTCUSDT %s, %d real candles (%s): slice files %,d B, dataset %,d B = %.1f%% "
                + "of the slice files%n", interval.wireCode(), rows.size(), r.describe(), json, parquet,
                100.0 * parquet / json);
        Map<String, Long> chunkBytes = new LinkedHashMap<>();
        long candles = 0;
        for (Path f : ParquetFixture.filesUnder(datasetDir, ".parquet")) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    candles += block.getRowCount();
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        chunkBytes.merge(c.getPath().toDotString(), c.getTotalSize(), Long::sum);
                    }
                }
            }
        }
        long chunks = chunkBytes.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "  per candle: slice files %.1f B, dataset %.1f B, of which column chunks "
                + "(pages and their headers) %.1f B = %.1f%% of the slice files; footer, indexes and magic %.1f B%n",
                (double) json / candles, (double) parquet / candles, (double) chunks / candles,
                100.0 * chunks / json, (double) (parquet - chunks) / candles);
        StringBuilder perColumn = new StringBuilder("  column chunks, B per candle:");
        for (Map.Entry<String, Long> e : chunkBytes.entrySet()) {
            perColumn.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), (double) e.getValue() / candles));
        }
        System.out.println(perColumn);
    }
}
