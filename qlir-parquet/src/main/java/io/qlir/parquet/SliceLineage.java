package io.qlir.parquet;

import java.util.Objects;

/**
 * One slice a month file was made from: its id, canonical key and the SHA-256 of its data, as recorded in the
 * file's {@code qlir.lineage} metadata. A month whose lineage equals its slices' manifest entries is current.
 * <pre>{@code
 * new SliceLineage("3f2a...", "BTCUSDT:1m:1704067200000:1000", "9c1b...")
 * }</pre>
 *
 * @param sliceId the slice id (lowercase hex BLAKE2b-128 of the key)
 * @param key the canonical slice key {@code SYMBOL:interval:startMs:limit}
 * @param dataSha256 the SHA-256 of the slice file's data ("" when the file declared none)
 */
public record SliceLineage(String sliceId, String key, String dataSha256) {

    /**
     * Checks the parts.
     *
     * @param sliceId the slice id
     * @param key the canonical key
     * @param dataSha256 the data checksum
     */
    public SliceLineage {
        Objects.requireNonNull(sliceId, "sliceId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataSha256, "dataSha256");
    }
}
