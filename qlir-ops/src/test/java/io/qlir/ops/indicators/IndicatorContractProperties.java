package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Wild inputs (zero, negative, NaN, ±inf, denormal and huge values): every indicator still writes NaN, never ±inf. */
class IndicatorContractProperties {

    @Provide
    Arbitrary<Table> wildCandles() {
        Arbitrary<Double> v = Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10).ofScale(2),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, 1e300, -1e300));
        Arbitrary<double[]> bar = Combinators.combine(v, v, v, v, v).as((o, h, l, c, vol) ->
                new double[] {o, h, l, c, vol});
        return bar.list().ofMaxSize(40).map(bars -> {
            Candles.Builder b = Candles.builder(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                double[] r = bars.get(i);
                b.add(i * 60_000L, r[0], r[1], r[2], r[3], r[4], i * 60_000L + 59_999, 0, 0, 0, 0);
            }
            return b.build();
        });
    }

    @Property(tries = 80)
    void undefinedIsNaNNeverInfinite(@ForAll("wildCandles") Table t) {
        java.util.List<Derived> results = new java.util.ArrayList<>();
        for (Op op : AllIndicators.ops()) {
            results.add(op.apply(t));
        }
        results.add(Indicators.arp(t, true, 2));   // keeps range_pct
        for (Derived d : results) {
            for (String name : d.columns()) {
                if (d.table().column(name) instanceof DoubleColumn) {
                    for (double x : Columns.doubles(d.table(), name)) {
                        assertThat(Double.isInfinite(x)).as("%s", name).isFalse();
                    }
                }
            }
        }
    }

}
