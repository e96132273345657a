package io.qlir.emulator;

/**
 * What Binance makes of a kline request's parameters: a request to answer, or the error to answer instead.
 * <pre>{@code
 * KlinesCheck c = BinanceRules.checkKlines(Map.of("symbol", "BTCUSDT", "interval", "1x"), s -> true);
 * // Rejected[error=BinanceError[httpStatus=400, code=-1120, msg=Invalid interval.]]
 * }</pre>
 */
public sealed interface KlinesCheck {

    /**
     * The parameters are good.
     *
     * @param request the request they make
     */
    record Accepted(KlinesRequest request) implements KlinesCheck {
    }

    /**
     * The parameters are bad: Binance answers this error (HTTP 400).
     *
     * @param error the error, code and message as Binance words them
     */
    record Rejected(BinanceError error) implements KlinesCheck {
    }
}
