package io.qlir.data.validate;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * What the validator checks; every violation names one rule (see {@code docs/data-layout.md} for each).
 *
 * <pre>{@code
 * report.countsByRule().get(Rule.OPEN_TIME_SPACING)
 * }</pre>
 */
public enum Rule implements WireCoded {
    /** {@code manifest.json} and the journal have the one manifest shape; the stored summary adds up. */
    MANIFEST_STRUCTURE("manifest_structure"),
    /** Manifest and {@code responses/} agree: counts, no missing file, no orphan file, no changed file. */
    MANIFEST_FILESYSTEM("manifest_filesystem"),
    /** Every slice file parses (zero-byte files are caught even in metadata mode). */
    SLICE_FILE_PARSE("slice_file_parse"),
    /** Key, file name, slice id, file meta and request params agree; the start is aligned; the slice is on grid. */
    SLICE_INVARIANTS("slice_invariants"),
    /** The data array hashes to the {@code data_sha256} in the meta and in the manifest (deep mode). */
    DATA_HASH("data_hash"),
    /** Open times step by exactly one interval inside and across complete slices; gaps and duplicates named. */
    OPEN_TIME_SPACING("open_time_spacing"),
    /** The stored status is what the status policy says for the slice's rows at the time they were received. */
    STATUS_CONSISTENCY("status_consistency"),
    /**
     * A dataset derived from the slices (qlir-parquet's months) agrees with them: rows and lineage (ERROR when
     * not), present for complete slices and current after a refetch (WARNING when not). Checked by the module
     * that owns the dataset; the store itself knows no dataset.
     */
    DERIVED_DATASET("derived_dataset");

    /** The codec for wire codes. */
    public static final WireCodec<Rule> CODEC = WireCodec.of(Rule.class, "validator rule");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
