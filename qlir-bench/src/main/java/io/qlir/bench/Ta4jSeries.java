package io.qlir.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * ta4j 0.17 bar series from primitive candles. Uses {@link DoubleNum}, ta4j's fastest number type (its default,
 * {@code DecimalNum}, is several times slower), so ta4j is measured at its best.
 */
public final class Ta4jSeries {

    private Ta4jSeries() {
    }

    /**
     * One-minute bars from the candles, ending at consecutive minutes.
     *
     * @param c the candles
     * @return the series
     */
    public static BarSeries of(BenchmarkSeries.Ohlcv c) {
        BarSeries s = new BaseBarSeriesBuilder().withName("bench").withNumTypeOf(DoubleNum.class).build();
        long t0 = 1_600_000_000_000L;
        for (int i = 0; i < c.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(t0 + (i + 1) * 60_000L), ZoneOffset.UTC);
            s.addBar(end, c.open()[i], c.high()[i], c.low()[i], c.close()[i], c.volume()[i]);
        }
        return s;
    }
}
