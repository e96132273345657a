package io.qlir.ops.study;

import io.qlir.core.WireCoded;
import io.qlir.core.WireCodec;

/**
 * The direction of a run: consecutive bars whose series rose ({@code UP}) or fell ({@code DOWN}) against the bar
 * before. A bar whose value did not change is flat: it belongs to no run and ends the run before it.
 */
public enum Direction implements WireCoded {
    /** The value rose against the bar before. */
    UP("up"),
    /** The value fell against the bar before. */
    DOWN("down");

    /** The codec for wire codes ({@code up}, {@code down}), as written in result tables. */
    public static final WireCodec<Direction> CODEC = WireCodec.of(Direction.class, "direction");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
