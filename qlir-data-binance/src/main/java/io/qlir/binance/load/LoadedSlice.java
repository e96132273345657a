package io.qlir.binance.load;

import io.qlir.data.slice.SliceKey;
import java.util.Objects;

/**
 * One slice file that put at least one row into a loaded table, as the loader read it.
 *
 * <p>The checksum is the {@code data_sha256} of the file's meta as read in the same pass as its rows (computed from
 * the data bytes when the meta has none), so it always describes the rows the table holds, even if a writer
 * replaced the file a moment later. A fingerprint of a loaded table is a hash over these, in time order:
 * <pre>{@code
 * List<String> shas = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M1).sliceChecksums();
 * }</pre>
 *
 * @param key the slice the file stores
 * @param dataSha256 the SHA-256 of the file's data array (lowercase hex)
 * @param firstOpenMs the open time of the file's first row
 * @param rowsUsed how many of the table's rows came from this file
 */
public record LoadedSlice(SliceKey key, String dataSha256, long firstOpenMs, int rowsUsed) {

    /**
     * Checks the parts are present.
     *
     * @param key the slice the file stores
     * @param dataSha256 the SHA-256 of the file's data array
     * @param firstOpenMs the open time of the file's first row
     * @param rowsUsed how many of the table's rows came from this file, at least 1
     * @throws IllegalArgumentException when {@code rowsUsed} is below 1
     */
    public LoadedSlice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataSha256, "dataSha256");
        if (rowsUsed < 1) {
            throw new IllegalArgumentException("a loaded slice uses at least one row; got " + rowsUsed);
        }
    }
}
