package io.qlir.binance.load;

import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A service the loader asks for months of candles already stored in a faster form than the slice files (the
 * Parquet dataset of qlir-parquet implements it). The loader stays free of that form's dependencies: it finds
 * implementations with {@link java.util.ServiceLoader} ({@code META-INF/services/io.qlir.binance.load.StoredMonths})
 * and uses none when there is none on the class path.
 *
 * <p>The loader takes a month from here only when it can prove the month equals what the slice files would give:
 * the month's lineage (slice keys and data checksums) equals the manifest's file-backed slices over the month,
 * every one of them complete (or empty) and on the grid, the month is over, and forming candles are not wanted.
 * Otherwise, or when the month's rows disagree with the manifest's plan, it reads the slice files.
 * <pre>{@code
 * // META-INF/services/io.qlir.binance.load.StoredMonths:  io.qlir.parquet.ParquetStoredMonths
 * }</pre>
 */
public interface StoredMonths {

    /** One stored month: its bounds, its lineage and a way to read its candles. */
    interface Month {
        /**
         * The month's first millisecond.
         *
         * @return epoch millis, inclusive
         */
        long startMs();

        /**
         * The first millisecond after the month.
         *
         * @return epoch millis, exclusive
         */
        long endExclusiveMs();

        /**
         * The slices the month was made from.
         *
         * @return canonical slice key to the slice file's {@code data_sha256} ("" when it declared none)
         */
        Map<String, String> lineage();

        /**
         * Reads the month's candles.
         *
         * @return a table in qlir-core's candle schema, sorted by open time
         * @throws IOException when the month cannot be read
         */
        Table read() throws IOException;
    }

    /**
     * The stored months of a series that overlap a time range.
     *
     * @param dataRoot the data root
     * @param series the slice series
     * @param fromMs the first open time wanted, inclusive
     * @param toMs the last open time wanted, inclusive
     * @return the months, in time order; empty when none is stored
     * @throws IOException when the store cannot be listed
     */
    List<Month> months(Path dataRoot, SliceSeries series, long fromMs, long toMs) throws IOException;
}
