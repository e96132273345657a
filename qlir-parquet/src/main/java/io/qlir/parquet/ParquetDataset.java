package io.qlir.parquet;

import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The Parquet dataset of a data root, for code that reads it directly: one month file into a candle table, and
 * the months a series has. Writing goes through {@link DatasetAggregator}; loading a range through
 * {@code Binance.load}, which takes sealed months from here by itself.
 * <pre>{@code
 * for (MonthFile m : ParquetDataset.months(root, series)) {
 *     Table t = ParquetDataset.readMonth(m.file());
 * }
 * }</pre>
 */
public final class ParquetDataset {

    private ParquetDataset() {
    }

    /**
     * Reads one month file into a candle table in qlir-core's schema (straight into primitive columns).
     *
     * @param file a month file
     * @return its candles, sorted by open time
     * @throws IOException when the file cannot be read or is not a qlir month file (named)
     */
    public static Table readMonth(Path file) throws IOException {
        MonthReader.Content c;
        try {
            c = MonthReader.read(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Parquet file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return c.columns().table(file.getParent().getFileName().toString(), c.columns().size);
    }

    /**
     * The month files of a series, in time order, from their footers.
     *
     * @param dataRoot the data root
     * @param series the slice series
     * @return the months (empty when the series has no dataset yet)
     * @throws IOException when the folder or a footer cannot be read (named)
     */
    public static List<MonthFile> months(Path dataRoot, SliceSeries series) throws IOException {
        List<MonthFile> out = new ArrayList<>();
        for (Path dir : MonthFolders.list(ParquetLayout.seriesDirectory(dataRoot, series))) {
            Path f = dir.resolve(ParquetLayout.FILE_NAME);
            if (Files.isRegularFile(f)) {
                out.add(MonthFile.read(f));
            }
        }
        return out;
    }
}
