package io.qlir.talib;

import io.qlir.core.catalogue.ChartHint;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpOutput;
import io.qlir.core.catalogue.OpParam;
import io.qlir.core.catalogue.OpProvider;
import java.util.List;
import java.util.Locale;

/**
 * The one place qlir-talib joins the op catalogue: the {@code talib} op, found through {@code META-INF/services}
 * when qlir-talib is on the class path (qlir-ops does not know this module).
 *
 * <p>One definition covers every function; it declares one output per function (spec op {@code TALIB_<NAME>}), so a
 * chart draws a function TA-Lib flags as an overlap study over the candles and any other in a panel of its own.
 * <pre>{@code
 * Op cci = OpLanguage.parse("talib(CCI,20)");
 * }</pre>
 */
public final class TaLibOpProvider implements OpProvider {

    /** The op-language name: {@code talib(NAME, args...)}. */
    public static final String NAME = "talib";

    /** Called by {@link java.util.ServiceLoader}. */
    public TaLibOpProvider() {
    }

    /**
     * The {@code talib} op.
     *
     * @return its definition
     */
    @Override
    public List<OpDefinition> definitions() {
        OpDefinition.Builder b = OpDefinition.builder(NAME)
                .summary("any of TA-Lib's " + TaLib.functions().size() + " functions, e.g. talib(CCI,20) "
                        + "(docs/talib.md)")
                .params(OpParam.column("function"), OpParam.anyArguments("args"))
                .rows("[i-L .. i] for TA-Lib's lookback L, warm-up L; [.. i] where the value depends on every "
                        + "earlier row (docs/talib.md)")
                .factory(a -> TaLib.op(a.raw()));
        for (TaFunction f : TaLib.functions()) {
            String stem = "talib_" + f.name().toLowerCase(Locale.ROOT) + "_{args}";
            b.output(OpOutput.of(TaInvocation.specOp(f), f.outputs().size() > 1 ? stem + "_{output}" : stem,
                    f.overlap() ? ChartHint.overlay() : ChartHint.ownPanel()));
        }
        return List.of(b.build());
    }
}
