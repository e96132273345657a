package io.qlir.core.ops;

import io.qlir.core.Causality;
import io.qlir.core.Op;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Every core op's specs hold under {@link Causality#check}: on random series with NaNs, and on one longer table. */
class CoreOpsCausalityProperties {

    @Property(tries = 80)
    void everyCoreOpPassesCausalityOnRandomSeries(@ForAll("coreOps") String text, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows, @ForAll @DoubleRange(min = 0, max = 0.2) double nanRate) {
        Table t = Tables.randomCandles(seed, rows, nanRate);
        Causality.check(CoreOpsTest.parse(text), t, new Causality.Options(seed, 4, 10)).assertOk();
    }

    @Test
    void everyCoreOpPassesCausalityOnALongerTable() {
        Table t = Tables.randomCandles(2024, 150, 0.03);
        for (String text : CoreOpsTest.EXAMPLES.keySet()) {
            Causality.check(CoreOpsTest.parse(text), t, 2024L).assertOk();
        }
    }

    @Provide
    Arbitrary<String> coreOps() {
        return Arbitraries.of(CoreOpsTest.EXAMPLES.keySet());
    }
}
