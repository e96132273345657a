package io.qlir.data.validate;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * How much the validator reads.
 *
 * <pre>{@code
 * ManifestValidator.validate(dir, ValidationMode.DEEP);
 * }</pre>
 */
public enum ValidationMode implements WireCoded {
    /**
     * The manifest, the journal and one listing of {@code responses/}: no slice file is opened. Fast (the manifest
     * keeps each slice's row summary, so statuses and spacing are re-checked from it).
     */
    METADATA("metadata"),
    /** Also reads every slice file: parses it, re-hashes its data and re-checks every open time. */
    DEEP("deep");

    /** The codec for wire codes. */
    public static final WireCodec<ValidationMode> CODEC = WireCodec.of(ValidationMode.class, "validation mode");

    private final String code;

    ValidationMode(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
