package io.qlir.data.slice;

import java.util.Objects;

/**
 * A status with its reason: what the {@link StatusPolicy} says about a slice.
 *
 * <pre>{@code
 * SliceVerdict v = policy.classify(key, openTimes, clock.instant());
 * if (v.status() == SliceStatus.PARTIAL) log.info("{} is {} ({})", key, v.status(), v.reason());
 * }</pre>
 *
 * @param status the status
 * @param reason why
 */
public record SliceVerdict(SliceStatus status, SliceReason reason) {

    /** A full, contiguous slice. */
    public static final SliceVerdict COMPLETE = new SliceVerdict(SliceStatus.COMPLETE, SliceReason.NONE);
    /** A slice with no file yet. */
    public static final SliceVerdict MISSING = new SliceVerdict(SliceStatus.MISSING, SliceReason.NONE);

    /**
     * Checks that both parts are present.
     *
     * @param status the status
     * @param reason why
     * @throws NullPointerException when either is null
     */
    public SliceVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The verdict for a failed fetch.
     *
     * @param reason how it failed: {@link SliceReason#HTTP_ERROR}, {@link SliceReason#NETWORK_UNAVAILABLE},
     *     {@link SliceReason#INVALID_RESPONSE} or {@link SliceReason#EXCEPTION}
     * @return {@code failed} with that reason
     * @throws IllegalArgumentException when the reason does not describe a failure
     */
    public static SliceVerdict failed(SliceReason reason) {
        if (!reason.isFailure()) {
            throw new IllegalArgumentException("'" + reason.wireCode() + "' is not a failure reason; valid: "
                    + "http_error, network_unavailable, invalid_response, exception");
        }
        return new SliceVerdict(SliceStatus.FAILED, reason);
    }

    /**
     * The wire form, {@code status/reason}, for logs.
     *
     * @return for example {@code partial/still_forming}
     */
    @Override
    public String toString() {
        return status.wireCode() + '/' + reason.wireCode();
    }
}
