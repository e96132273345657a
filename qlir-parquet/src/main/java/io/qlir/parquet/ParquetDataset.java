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
 * Table all = ParquetDataset.readSeries(root, series);   // every month in one table
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
        CandleColumns c;
        try {
            c = MonthReader.read(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Parquet file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return c.table(file.getParent().getFileName().toString(), c.size);
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

    /**
     * Reads every month file of a series into one candle table, in time order: the arrays are sized once from the
     * footers and each month is decoded straight into its rows (no per-month table, no concatenation). This is the
     * dataset as the last aggregation left it (the current month as of then); {@code Binance.load} is the way to
     * add what the slice files have since.
     * <pre>{@code
     * Table candles = ParquetDataset.readSeries(root, series);
     * }</pre>
     *
     * @param dataRoot the data root
     * @param series the slice series
     * @return its candles, sorted by open time (no rows when the series has no dataset)
     * @throws IOException when a month file cannot be read or is not a qlir month file (named)
     */
    public static Table readSeries(Path dataRoot, SliceSeries series) throws IOException {
        List<MonthFile> months = months(dataRoot, series);
        long total = 0;
        for (MonthFile m : months) {
            total += m.rows();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IOException(series + " has " + total + " candles in its dataset; valid: at most "
                    + Integer.MAX_VALUE + " in one table (read it month by month with readMonth)");
        }
        CandleColumns cols = new CandleColumns((int) total);
        int at = 0;
        for (MonthFile m : months) {
            try {
                at += MonthReader.readInto(m.file(), cols, at);
            } catch (IOException | RuntimeException e) {
                throw new IOException("Parquet file " + m.file() + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return cols.table(series.symbol(), at);
    }
}
