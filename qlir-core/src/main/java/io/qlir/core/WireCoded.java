package io.qlir.core;

/**
 * An enum constant with a string form on the wire (in JSON, file names, URLs and the CLI).
 *
 * <p>Program logic compares constants; only a {@link WireCodec} turns them into strings and back.
 */
public interface WireCoded {

    /**
     * The constant's wire form, for example {@code "1m"} or {@code "complete"}.
     *
     * @return the wire code, case-sensitive
     */
    String wireCode();
}
