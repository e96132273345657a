package io.qlir.ops.dataset;

import io.qlir.core.WireCoded;
import io.qlir.core.WireCodec;

/**
 * What a {@link DatasetFingerprint}'s hash was computed over.
 *
 * <p>Slice checksums are the strong form: they name the exact files a table was loaded from. A table without
 * provenance (a CSV, a synthetic series) is hashed over its own values instead, which still tells two datasets apart
 * but cannot say which files they came from.
 */
public enum HashBasis implements WireCoded {
    /** SHA-256 over the loaded slices' data checksums, in load order. */
    SLICE_CHECKSUMS("slice_checksums"),
    /** SHA-256 over the table's column names and values. */
    TABLE_CONTENT("table_content");

    /** The codec for wire codes. */
    public static final WireCodec<HashBasis> CODEC = WireCodec.of(HashBasis.class, "hash basis");

    private final String code;

    HashBasis(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
