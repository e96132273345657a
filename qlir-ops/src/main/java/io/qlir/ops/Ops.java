package io.qlir.ops;

import io.qlir.core.Op;
import java.util.List;

/**
 * The op language in one line: text to {@link Op} values through the {@link OpRegistry#standard() standard
 * registry}.
 *
 * <p>An op is written {@code name(arg, ...)}: {@code sma(close,14,50)}, {@code arp(14)}, {@code arp_d(14)},
 * {@code range_shock(14)}, {@code range_shock_hist(14)}, {@code atr(14)}, {@code atrp(14)},
 * {@code bollinger(close,20,2)}, {@code band_touches(close,20,2)}, {@code rsi(close,14)},
 * {@code macd(close,12,26,9)}, {@code vwap()}, {@code vwap_session()}, {@code vwap_by(symbol)}, {@code ema(close,20)},
 * {@code wma(close,10)}, and the core ops ({@code lag(close,1)}, {@code rolling_mean(close,20)},
 * {@code cross_up(close,close_sma_20)}, {@code running_true(bullish)}, ...). Every op's {@link Op#toText()} parses
 * back to an equal op.
 * <pre>{@code
 * List<Op> ops = Ops.parseAll("sma(close,14,50); arp(14)");
 * Derived d = ops.get(0).apply(candles).then(ops.get(1));
 * }</pre>
 */
public final class Ops {

    private Ops() {
    }

    /**
     * Parses one op with the standard registry.
     *
     * @param text for example {@code sma(close,14,50)}
     * @return the op
     * @throws IllegalArgumentException for a syntax error, an unknown op (listing the valid ones), or arguments that
     *     do not fit (showing the op's signature)
     */
    public static Op parse(String text) {
        return OpRegistry.standard().parse(text);
    }

    /**
     * Parses ops separated by {@code ;} or new lines with the standard registry.
     *
     * @param text for example {@code sma(close,14,50); arp(14)}
     * @return the ops in order
     * @throws IllegalArgumentException for the first statement that does not parse
     */
    public static List<Op> parseAll(String text) {
        return OpRegistry.standard().parseAll(text);
    }
}
