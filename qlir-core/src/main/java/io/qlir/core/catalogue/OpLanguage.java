package io.qlir.core.catalogue;

import io.qlir.core.Op;
import java.util.List;

/**
 * The op language in one line: text to {@link Op} values through the {@link OpCatalogue#standard() standard
 * catalogue}, which holds every op of the modules on the class path (with qlir-ops: the indicators).
 *
 * <p>An op is written {@code name(arg, ...)}: {@code sma(close,14,50)}, {@code range_shock(14)},
 * {@code bollinger(close,20,2)}, {@code lag(close,1)}; {@code qlir indicators --help} and
 * {@code docs/op-reference.md} list them all. Every op's {@link Op#toText()} parses back to an equal op.
 * <pre>{@code
 * List<Op> ops = OpLanguage.parseAll("sma(close,14,50); arp(14)");
 * Derived d = ops.get(0).apply(candles).then(ops.get(1));
 * }</pre>
 */
public final class OpLanguage {

    private OpLanguage() {
    }

    /**
     * Parses one op with the standard catalogue.
     *
     * @param text for example {@code sma(close,14,50)}
     * @return the op
     * @throws IllegalArgumentException for a syntax error, an unknown op (listing the valid ones), or arguments that
     *     do not fit (showing the op's signature)
     */
    public static Op parse(String text) {
        return OpCatalogue.standard().parse(text);
    }

    /**
     * Parses ops separated by {@code ;} or new lines with the standard catalogue.
     *
     * @param text for example {@code sma(close,14,50); arp(14)}
     * @return the ops in order
     * @throws IllegalArgumentException for the first statement that does not parse
     */
    public static List<Op> parseAll(String text) {
        return OpCatalogue.standard().parseAll(text);
    }
}
