package io.qlir.ops.study;

import io.qlir.core.WireCoded;
import io.qlir.core.WireCodec;

/**
 * Which end of a run the data cut, so that its true length is unknown.
 *
 * <p>A run is cut at its start when the bar before it has no defined direction (the first bars of the data, the
 * warm-up of the average, a gap of missing values), and at its end likewise. Such a run is only a lower bound of its
 * true length, so it is reported apart and never mixed into the distribution of completed runs.
 */
public enum Censoring implements WireCoded {
    /** Cut at its start: it may have begun earlier. */
    START("start"),
    /** Cut at its end: it may have gone on. */
    END("end"),
    /** Cut at both ends. */
    BOTH("both");

    /** The codec for wire codes ({@code start}, {@code end}, {@code both}). */
    public static final WireCodec<Censoring> CODEC = WireCodec.of(Censoring.class, "censoring");

    private final String code;

    Censoring(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
