package io.qlir.ops.indicators;

import io.qlir.core.Causality;
import io.qlir.core.Op;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tech.tablesaw.api.Table;

/** Every indicator op passes {@code Causality.check} on jqwik-generated price-like series (lengths 0 to 120). */
class CausalityProperties {

    @Provide
    Arbitrary<Table> series() {
        return PriceSeries.candles(120).map(CausalityTest::withSymbol);
    }

    @Property(tries = 12)
    void everyIndicatorIsCausalOnRandomSeries(@ForAll("series") Table t, @ForAll long seed) {
        Causality.Options options = Causality.Options.seeded(seed).withCutPoints(4).withPerturbedRows(6);
        for (Op op : AllIndicators.ops()) {
            Causality.check(op, t, options).assertOk();
        }
        Causality.check(io.qlir.core.catalogue.OpLanguage.parse("vwap_by(symbol)"), t, options).assertOk();
    }
}
