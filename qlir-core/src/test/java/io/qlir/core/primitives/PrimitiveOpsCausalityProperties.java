package io.qlir.core.primitives;

import io.qlir.core.Candles;
import io.qlir.core.Causality;
import io.qlir.core.Columns;
import io.qlir.core.Op;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;

/**
 * Every primitive op's specs hold under {@link Causality#check}: on random series with NaNs, a longer table and real
 * candles.
 */
class PrimitiveOpsCausalityProperties {

    @Property(tries = 80)
    void everyCoreOpPassesCausalityOnRandomSeries(@ForAll("coreOps") String text, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows, @ForAll @DoubleRange(min = 0, max = 0.2) double nanRate) {
        Table t = Tables.randomCandles(seed, rows, nanRate);
        Causality.check(PrimitiveOpProviderTest.parse(text), t, new Causality.Options(seed, 4, 10)).assertOk();
    }

    @Test
    void everyCoreOpPassesCausalityOnALongerTable() {
        Table t = Tables.randomCandles(2024, 150, 0.03);
        for (String text : PrimitiveOpProviderTest.EXAMPLES.keySet()) {
            Causality.check(PrimitiveOpProviderTest.parse(text), t, 2024L).assertOk();
        }
    }

    @Test
    void everyCoreOpPassesCausalityOnRealCandles() throws Exception {
        Table real = Candles.fromCsv(Path.of(getClass().getResource(
                "/fixtures/binance-spot-30m-2019-04-11.csv").toURI())).first(200);
        double[] open = Columns.doubles(real, "open");
        double[] close = Columns.doubles(real, "close");
        BooleanColumn flag = BooleanColumn.create("flag", real.rowCount());
        for (int i = 0; i < real.rowCount(); i++) {
            flag.set(i, close[i] > open[i]);
        }
        real.addColumns(flag);
        for (String text : PrimitiveOpProviderTest.EXAMPLES.keySet()) {
            Causality.check(PrimitiveOpProviderTest.parse(text), real, 430L).assertOk();
        }
    }

    @Provide
    Arbitrary<String> coreOps() {
        return Arbitraries.of(PrimitiveOpProviderTest.EXAMPLES.keySet());
    }
}
