package io.qlir.binance;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * In which order a fetch works through the slices that are due.
 *
 * <p>Newest first is the default: research usually starts from recent data, and a fetch that is stopped half way
 * has then stored the part most likely to be used. The wire codes are the command line's {@code --order} values.
 * <pre>{@code
 * FetchOrder o = FetchOrder.CODEC.decode("oldest-first");   // OLDEST_FIRST
 * }</pre>
 */
public enum FetchOrder implements WireCoded {
    /** The most recent slices first (the default). */
    NEWEST_FIRST("newest-first"),
    /** From the first candle forward. */
    OLDEST_FIRST("oldest-first");

    /** The codec for wire codes ({@code newest-first}, {@code oldest-first}). */
    public static final WireCodec<FetchOrder> CODEC = WireCodec.of(FetchOrder.class, "fetch order");

    private final String code;

    FetchOrder(String code) {
        this.code = code;
    }

    @Override
    public String wireCode() {
        return code;
    }
}
