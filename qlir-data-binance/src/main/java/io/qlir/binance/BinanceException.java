package io.qlir.binance;

/**
 * Thrown by {@link BinanceResult#orThrow()} for a result that is not {@link BinanceResult.Ok}; the result itself,
 * with every detail, is {@link #result()}.
 */
public final class BinanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BinanceResult<?> result;

    BinanceException(BinanceResult<?> result) {
        super(result.describe(), result instanceof BinanceResult.Failed<?> f ? f.cause() : null);
        this.result = result;
    }

    /**
     * The failed result.
     *
     * @return the result ({@link BinanceResult.BinanceError} or {@link BinanceResult.Failed})
     */
    public BinanceResult<?> result() {
        return result;
    }
}
