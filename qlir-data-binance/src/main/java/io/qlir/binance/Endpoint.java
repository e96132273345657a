package io.qlir.binance;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * The two Binance spot endpoints that serve candles. They take the same parameters and return rows of the same
 * shape; {@code uiKlines} returns candles "modified for presentation" (Binance does not say how), so the two are
 * stored apart and never mixed.
 *
 * <p>The wire code names the endpoint in the data layout ({@code <data-root>/binance/<endpoint>/...}) and on the
 * command line:
 * <pre>{@code
 * Endpoint e = Endpoint.CODEC.decode("uiklines");   // UI_KLINES
 * e.path();                                          // "/api/v3/uiKlines"
 * }</pre>
 */
public enum Endpoint implements WireCoded {
    /** {@code GET /api/v3/klines}: candles as traded. */
    KLINES("klines", "/api/v3/klines"),
    /** {@code GET /api/v3/uiKlines}: candles as Binance draws them in its charts. */
    UI_KLINES("uiklines", "/api/v3/uiKlines");

    /** The codec for wire codes ({@code klines}, {@code uiklines}). */
    public static final WireCodec<Endpoint> CODEC = WireCodec.of(Endpoint.class, "endpoint");

    private final String code;
    private final String path;

    Endpoint(String code, String path) {
        this.code = code;
        this.path = path;
    }

    /**
     * Parses a wire code.
     *
     * @param code {@code klines} or {@code uiklines} (case-sensitive)
     * @return the endpoint
     * @throws IllegalArgumentException naming the code and listing the valid ones
     */
    public static Endpoint parse(String code) {
        return CODEC.decode(code);
    }

    @Override
    public String wireCode() {
        return code;
    }

    /**
     * The HTTP path on Binance's REST API.
     *
     * @return for example {@code /api/v3/klines}
     */
    public String path() {
        return path;
    }

    /**
     * The request weight Binance charges for one call. Binance's spot REST documentation gives both endpoints a flat
     * weight of 2 for every {@code limit} from 1 to 1000 (the limit-dependent table belongs to {@code /depth} and to
     * the futures klines, not to spot klines).
     *
     * @param limit the request's limit, 1 to 1000
     * @return the weight
     * @throws IllegalArgumentException when the limit is outside 1 to 1000
     */
    public int weight(int limit) {
        return Weights.klines(limit);
    }
}
