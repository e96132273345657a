package io.qlir.binance.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A loaded candle table with its gap report and what the load met on the way.
 * <pre>{@code
 * LoadResult r = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M1, from, to);
 * Table candles = r.candles();           // qlir-core's candle schema, sorted, one row per open time
 * System.out.println(r.gaps().describe());
 * List<String> shas = r.sliceChecksums(); // what the table was made of, for a fingerprint
 * }</pre>
 *
 * @param candles the candles (qlir-core's schema), sorted by open time, no open time twice
 * @param gaps the missing open times of the grid
 * @param directory the slice directory read
 * @param filesRead how many slice files were read
 * @param rowsRead how many rows those files hold
 * @param replaced rows not used because another file held a newer or closed version of the same candle
 * @param formingLeftOut candles left out because they were still forming when written (and no closed version
 *     exists)
 * @param slices the slice files whose rows are in the table, in time order (a file read but entirely superseded,
 *     out of range or forming is not among them)
 */
public record LoadResult(Table candles, GapReport gaps, Path directory, int filesRead, long rowsRead, long replaced,
                         long formingLeftOut, List<LoadedSlice> slices) {

    /**
     * Checks the parts are present.
     *
     * @param candles the candles
     * @param gaps the gap report
     * @param directory the slice directory read
     * @param filesRead how many slice files were read
     * @param rowsRead how many rows those files hold
     * @param replaced rows superseded by another version of their candle
     * @param formingLeftOut forming candles left out
     * @param slices the slice files whose rows are in the table, in time order (copied)
     */
    public LoadResult {
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(gaps, "gaps");
        Objects.requireNonNull(directory, "directory");
        slices = List.copyOf(slices);
    }

    /**
     * The {@code data_sha256} of every slice file whose rows are in the table, in time order: the basis of a
     * fingerprint of the table's source data. Each was read from the file's meta in the same pass as its rows, so
     * it describes the data loaded even if a writer has replaced the file since.
     *
     * @return lowercase hex SHA-256s, one per contributing file
     */
    public List<String> sliceChecksums() {
        return slices.stream().map(LoadedSlice::dataSha256).toList();
    }

    /**
     * One line for logs.
     *
     * @return for example {@code 482 candles from 3 files (900 rows, 417 replaced, 1 forming left out); 482 of 482
     *     15m candles from ... ; no gaps}
     */
    public String describe() {
        return String.format(Locale.ROOT, "%d candles from %d files (%d rows, %d replaced, %d forming left out); %s",
                candles.rowCount(), filesRead, rowsRead, replaced, formingLeftOut, gaps.describe());
    }
}
