package io.qlir.talib;

import io.qlir.ops.OpDefinition;
import io.qlir.ops.OpProvider;
import java.util.List;

/**
 * The one place qlir-talib joins the op language: the {@code talib} op's definition.
 *
 * <p>qlir-ops does not know this module; the definition reaches the standard registry (and so {@code Ops.parse},
 * pipelines, charts and the CLI) through the registry's service loader ({@code META-INF/services}) when qlir-talib is on the class path.
 * <pre>{@code
 * Op cci = Ops.parse("talib(CCI,20)");
 * }</pre>
 */
public final class TaLibOps implements OpProvider {

    /** The op-language name: {@code talib(NAME, args...)}. */
    public static final String NAME = "talib";

    /** Made by the service loader; {@link #definition()} is the direct way. */
    public TaLibOps() {
    }

    @Override
    public List<OpDefinition> definitions() {
        return List.of(definition());
    }

    /**
     * The {@code talib} op's definition.
     *
     * @return the definition
     */
    public static OpDefinition definition() {
        return new OpDefinition(NAME, "talib(FUNCTION[, column...][, option...])",
                "any of TA-Lib's " + TaCatalog.FUNCTIONS.size() + " functions (docs/talib.md), e.g. talib(CCI,20)",
                a -> TaLib.op(a.raw()));
    }
}
