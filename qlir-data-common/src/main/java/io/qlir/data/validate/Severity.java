package io.qlir.data.validate;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * How bad a violation is. A directory is clean when it has no {@link #ERROR}.
 *
 * <pre>{@code
 * report.violations().stream().filter(v -> v.severity() == Severity.ERROR)
 * }</pre>
 */
public enum Severity implements WireCoded {
    /** The data or index is wrong: a loader could return wrong candles. */
    ERROR("error"),
    /** Worth knowing but not wrong: real upstream gaps, off-grid slices, pending refreshes. */
    WARNING("warning");

    /** The codec for wire codes. */
    public static final WireCodec<Severity> CODEC = WireCodec.of(Severity.class, "severity");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
