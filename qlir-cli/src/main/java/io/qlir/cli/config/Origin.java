package io.qlir.cli.config;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;
import java.util.Objects;

/**
 * Where a setting's value came from: which layer, and the flag, variable or file that set it.
 *
 * @param source the layer
 * @param where the flag ({@code --data-root}), variable ({@code QLIR_DATA_ROOT}) or file path; empty for a
 *     default
 */
public record Origin(Source source, String where) {

    /**
     * Checks the parts.
     *
     * @param source the layer
     * @param where the flag, variable or file path; empty for a default
     */
    public Origin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
    }

    /**
     * A readable form, for example {@code env QLIR_DATA_ROOT} or {@code default}.
     *
     * @return the layer's wire code followed by where
     */
    public String describe() {
        return where.isEmpty() ? source.wireCode() : source.wireCode() + " " + where;
    }

    /** The layers of the configuration, strongest first. */
    public enum Source implements WireCoded {
        /** A command-line flag. */
        FLAG("flag"),
        /** An environment variable. */
        ENV("env"),
        /** The config file ({@code qlir.json} or {@code --config}). */
        FILE("file"),
        /** The built-in default. */
        DEFAULT("default");

        /** The codec for wire codes. */
        public static final WireCodec<Source> CODEC = WireCodec.of(Source.class, "config source");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        @Override
        public String wireCode() {
            return code;
        }
    }
}
