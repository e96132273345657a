package io.qlir.data.slice;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * Where a slice stands: what the manifest records for it and what decides whether it is fetched again.
 *
 * <p>Wire codes are lowercase ({@code "complete"}, {@code "needs_refresh"}) and go through {@link #CODEC} only.
 * Only {@link #COMPLETE}, {@link #PARTIAL} and {@link #EMPTY} come from the {@link StatusPolicy} over received rows;
 * {@link #MISSING}, {@link #FAILED} and {@link #NEEDS_REFRESH} are states of the store around a file.
 * <pre>{@code
 * SliceStatus s = SliceStatus.CODEC.decode("partial");   // PARTIAL
 * }</pre>
 */
public enum SliceStatus implements WireCoded {
    /** No file on disk for the slice yet (planned, or its file disappeared). */
    MISSING("missing"),
    /** Every row the slice can ever hold is on disk (or the upstream gaps are final, see the reason). */
    COMPLETE("complete"),
    /** Rows are on disk but more may come: a forming candle or an upstream that has not caught up. */
    PARTIAL("partial"),
    /** The upstream answered with no rows for the slice. */
    EMPTY("empty"),
    /** The last fetch failed; the reason says how. */
    FAILED("failed"),
    /** The file on disk disagrees with the policy re-run on its own rows: fetch it again. */
    NEEDS_REFRESH("needs_refresh");

    /** The codec for wire codes; the only place status strings are read or written. */
    public static final WireCodec<SliceStatus> CODEC = WireCodec.of(SliceStatus.class, "slice status");

    private final String code;

    SliceStatus(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }

    /**
     * Whether this status can only be decided from a slice file's rows by the {@link StatusPolicy}.
     *
     * @return true for {@link #COMPLETE}, {@link #PARTIAL} and {@link #EMPTY}
     */
    public boolean isPolicyOutcome() {
        return this == COMPLETE || this == PARTIAL || this == EMPTY;
    }
}
