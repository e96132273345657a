package io.qlir.data.slice;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * Why a slice has its {@link SliceStatus}.
 *
 * <p>Wire codes are lowercase and go through {@link #CODEC} only.
 * <pre>{@code
 * SliceReason r = SliceReason.CODEC.decode("still_forming");   // STILL_FORMING
 * }</pre>
 */
public enum SliceReason implements WireCoded {
    /** Nothing to explain (a full, contiguous slice; a missing one). */
    NONE("none"),
    /** The slice still reaches into the future, or holds a candle that had not closed when it was written. */
    STILL_FORMING("still_forming"),
    /** The slice ended recently but is short: the upstream may still deliver, so it is checked again. */
    AWAITING_UPSTREAM("awaiting_upstream"),
    /** The slice is short or gapped and older than the grace period: the gaps are real and final. */
    HISTORICAL_SPARSITY("historical_sparsity"),
    /** The upstream answered with no rows. */
    NO_DATA("no_data"),
    /** The upstream answered with an HTTP error status. */
    HTTP_ERROR("http_error"),
    /** The upstream could not be reached. */
    NETWORK_UNAVAILABLE("network_unavailable"),
    /** The upstream answered, but not with rows this slice can hold. */
    INVALID_RESPONSE("invalid_response"),
    /** Something else went wrong while fetching or storing. */
    EXCEPTION("exception");

    /** The codec for wire codes; the only place reason strings are read or written. */
    public static final WireCodec<SliceReason> CODEC = WireCodec.of(SliceReason.class, "slice status reason");

    private final String code;

    SliceReason(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }

    /**
     * Whether this reason explains a fetch failure (the reasons a {@link SliceStatus#FAILED} slice may carry).
     *
     * @return true for {@link #HTTP_ERROR}, {@link #NETWORK_UNAVAILABLE}, {@link #INVALID_RESPONSE} and
     *     {@link #EXCEPTION}
     */
    public boolean isFailure() {
        return this == HTTP_ERROR || this == NETWORK_UNAVAILABLE || this == INVALID_RESPONSE || this == EXCEPTION;
    }
}
