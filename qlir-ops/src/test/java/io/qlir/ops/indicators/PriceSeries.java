package io.qlir.ops.indicators;

import io.qlir.core.Candles;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tech.tablesaw.api.Table;

/**
 * jqwik generators of price-like candle tables: positive prices, each bar's open at the previous close, its close
 * within 10% of the open, wicks up to 5%, volumes up to 10 000; 15-minute bars from 2024-01-01T00:00Z.
 */
public final class PriceSeries {

    /** One bar's shape relative to the previous close. */
    record Bar(double move, double upperWick, double lowerWick, double volume) {
    }

    private PriceSeries() {
    }

    /** Candle tables of 0 to {@code maxRows} rows. */
    public static Arbitrary<Table> candles(int maxRows) {
        Arbitrary<Double> start = Arbitraries.doubles().between(1, 100_000).ofScale(4);
        Arbitrary<Bar> bar = Combinators.combine(
                Arbitraries.doubles().between(-0.1, 0.1).ofScale(5),
                Arbitraries.doubles().between(0, 0.05).ofScale(5),
                Arbitraries.doubles().between(0, 0.05).ofScale(5),
                Arbitraries.doubles().between(0, 10_000).ofScale(3)).as(Bar::new);
        return Combinators.combine(start, bar.list().ofMaxSize(maxRows)).as(PriceSeries::table);
    }

    static Table table(double start, List<Bar> bars) {
        Candles.Builder b = Candles.builder(bars.size());
        long t0 = 1_704_067_200_000L;
        long step = 900_000L;
        double prevClose = start;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double open = prevClose;
            double close = open * (1 + bar.move());
            double high = Math.max(open, close) * (1 + bar.upperWick());
            double low = Math.min(open, close) * (1 - bar.lowerWick());
            long ot = t0 + i * step;
            b.add(ot, open, high, low, close, bar.volume(), ot + step - 1, bar.volume() * close, 10,
                    bar.volume() / 2, bar.volume() * close / 2);
            prevClose = close;
        }
        return b.build();
    }
}
