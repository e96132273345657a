package io.qlir.cli;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/** How a table is written by {@code --format}: CSV (header = column names) or a JSON array of row objects. */
enum OutputFormat implements WireCoded {
    /** Comma-separated, one header line, times as epoch millis, missing values empty. */
    CSV("csv"),
    /** A JSON array with one object per row, missing values null. */
    JSON("json");

    static final WireCodec<OutputFormat> CODEC = WireCodec.of(OutputFormat.class, "format");

    private final String code;

    OutputFormat(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
