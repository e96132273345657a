package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The one synthetic generator: deterministic, candles that chain, forming candles that grow. */
class SyntheticMarketTest {

    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long H = 3_600_000L;

    @Test
    void theSameSeedAndSymbolGiveTheSameCandlesAndOthersOtherCandles() {
        SyntheticMarket a = SyntheticMarket.of(42, "BTCUSDT", 30_000);
        assertThat(a.candle(Interval.H1, T0, Long.MAX_VALUE))
                .isEqualTo(SyntheticMarket.of(42, "BTCUSDT", 30_000).candle(Interval.H1, T0, Long.MAX_VALUE));
        assertThat(a.price(T0)).isNotEqualTo(SyntheticMarket.of(43, "BTCUSDT", 30_000).price(T0));
        assertThat(a.price(T0)).isNotEqualTo(SyntheticMarket.of(42, "ETHUSDT", 30_000).price(T0));
        assertThat(SyntheticMarket.of(42, "BTCUSDT", 60_000).price(T0)).isCloseTo(2 * a.price(T0),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void closedCandlesChainAndAreConsistent() {
        Table t = SyntheticMarket.of(7, "BTCUSDT", 30_000).candles(Interval.H1, T0, 48);
        assertThat(t.columnNames()).containsExactlyElementsOf(Candles.COLUMNS);
        assertThat(t.rowCount()).isEqualTo(48);
        for (int i = 0; i < 48; i++) {
            double open = t.doubleColumn(Candles.OPEN).getDouble(i);
            double close = t.doubleColumn(Candles.CLOSE).getDouble(i);
            assertThat(t.longColumn(Candles.OPEN_TIME).getLong(i)).isEqualTo(T0 + i * H);
            assertThat(t.longColumn(Candles.CLOSE_TIME).getLong(i)).isEqualTo(T0 + (i + 1) * H - 1);
            assertThat(t.doubleColumn(Candles.HIGH).getDouble(i)).isGreaterThanOrEqualTo(Math.max(open, close));
            assertThat(t.doubleColumn(Candles.LOW).getDouble(i)).isLessThanOrEqualTo(Math.min(open, close))
                    .isPositive();
            assertThat(t.doubleColumn(Candles.VOLUME).getDouble(i)).isPositive();
            if (i > 0) {
                assertThat(open).as("row %d opens at the previous close", i)
                        .isEqualTo(t.doubleColumn(Candles.CLOSE).getDouble(i - 1));
            }
        }
    }

    @Test
    void manyCandlesAtOnceAreTheCandlesOneByOne() {
        SyntheticMarket m = SyntheticMarket.of(3, "ETHUSDT", 2_000);
        java.util.List<SyntheticMarket.Candle> all = new java.util.ArrayList<>();
        m.forEachCandle(Interval.M1, T0, 5_000, all::add);
        assertThat(all).hasSize(5_000);
        for (int i = 0; i < all.size(); i += 7) {
            assertThat(all.get(i)).isEqualTo(m.candle(Interval.M1, T0 + i * 60_000L, Long.MAX_VALUE));
        }
        assertThat(m.candles(Interval.M1, T0, 3).doubleColumn(Candles.CLOSE).getDouble(2))
                .isEqualTo(all.get(2).close());
    }

    @Test
    void aFormingCandleGrowsWithNowAndSettlesOnceClosed() {
        SyntheticMarket m = SyntheticMarket.of(1, "BTCUSDT", 100);
        SyntheticMarket.Candle early = m.candle(Interval.H1, T0, T0 + H / 4);
        SyntheticMarket.Candle late = m.candle(Interval.H1, T0, T0 + H / 2);
        SyntheticMarket.Candle closed = m.candle(Interval.H1, T0, T0 + H);
        assertThat(late.volume()).isGreaterThan(early.volume());
        assertThat(late.open()).isEqualTo(early.open());
        assertThat(closed).isEqualTo(m.candle(Interval.H1, T0, Long.MAX_VALUE));
    }

    @Test
    void theTickIsTheLargestPowerOfTenNotAboveAMillionthOfThePriceButNotFinerThanEightDecimals() {
        // by hand: 30,000 × 1e-6 = 0.03 → 0.01 (BTCUSDT's tick); 10,000 → exactly 0.01; 9,999.99 → 0.001
        assertThat(SyntheticMarket.tickDecimals(30_000)).isEqualTo(2);
        assertThat(SyntheticMarket.tickDecimals(10_000)).isEqualTo(2);
        assertThat(SyntheticMarket.tickDecimals(9_999.99)).isEqualTo(3);
        assertThat(SyntheticMarket.tickDecimals(2_000)).isEqualTo(3);
        assertThat(SyntheticMarket.tickDecimals(1)).isEqualTo(6);
        assertThat(SyntheticMarket.tickDecimals(0.5)).isEqualTo(7);
        assertThat(SyntheticMarket.tickDecimals(0.001)).isEqualTo(8);
        assertThat(SyntheticMarket.tickDecimals(3e7)).isEqualTo(-1);
        assertThat(SyntheticMarket.tickSize(30_000).doubleValue()).isEqualTo(0.01);
        assertThat(SyntheticMarket.tickSize(3e7).doubleValue()).isEqualTo(10.0);
        assertThat(SyntheticMarket.tickSize(30_000).toPlainString()).isEqualTo("0.01");
        assertThat(SyntheticMarket.tickSize(3e7).toPlainString()).isEqualTo("10");
        assertThat(SyntheticMarket.tickSize(0.001).toPlainString()).isEqualTo("0.00000001");
    }

    @Test
    void pricesSitOnTheTickBaseVolumesOnSixDecimalsQuoteVolumesOnEightAndTheOrderHolds() {
        // prices of several levels, closed and forming candles: every number as a decimal string has at most the
        // decimals of its step, and rounding kept high >= max(open, close) >= min(open, close) >= low > 0
        for (double base : new double[] {30_000, 2_000, 0.5, 0.00002, 3e7}) {
            SyntheticMarket m = SyntheticMarket.of(5, "X", base);
            int priceDecimals = Math.max(0, SyntheticMarket.tickDecimals(base));
            double tick = SyntheticMarket.tickSize(base).doubleValue();
            java.util.List<SyntheticMarket.Candle> candles = new java.util.ArrayList<>();
            m.forEachCandle(Interval.M1, T0, 3_000, candles::add);
            for (long now = T0; now < T0 + H; now += 7 * 60_000L + 13) {
                candles.add(m.candle(Interval.H1, T0, now));
            }
            for (SyntheticMarket.Candle c : candles) {
                for (double price : new double[] {c.open(), c.high(), c.low(), c.close()}) {
                    assertThat(decimals(price)).as("%s at %s", price, base).isLessThanOrEqualTo(priceDecimals);
                    assertThat(onStep(price, tick)).as("%s on the tick %s", price, tick).isTrue();
                }
                assertThat(decimals(c.volume())).isLessThanOrEqualTo(6);
                assertThat(decimals(c.takerBase())).isLessThanOrEqualTo(6);
                assertThat(decimals(c.quoteVolume())).isLessThanOrEqualTo(8);
                assertThat(decimals(c.takerQuote())).isLessThanOrEqualTo(8);
                assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
                assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close())).isPositive();
                assertThat(c.takerBase()).isLessThanOrEqualTo(c.volume());
            }
        }
        // intervals agree on open and close after rounding: an hour opens at its first minute's open, closes at its
        // last minute's close
        SyntheticMarket btc = SyntheticMarket.of(5, "BTCUSDT", 30_000);
        for (int h = 0; h < 24; h++) {
            SyntheticMarket.Candle hour = btc.candle(Interval.H1, T0 + h * H, Long.MAX_VALUE);
            assertThat(hour.open()).isEqualTo(btc.candle(Interval.M1, T0 + h * H, Long.MAX_VALUE).open());
            assertThat(hour.close()).isEqualTo(btc.candle(Interval.M1, T0 + (h + 1) * H - 60_000L, Long.MAX_VALUE)
                    .close());
        }
        // the cent tick is not vacuous: a 30,000 walk's closes use both decimals
        assertThat(SyntheticMarket.of(5, "X", 30_000).candles(Interval.M1, T0, 200).doubleColumn(Candles.CLOSE)
                .asList().stream().mapToInt(SyntheticMarketTest::decimals).max().orElseThrow()).isEqualTo(2);
    }

    /** Decimals of the shortest decimal string of a double (Double.toString's digits, as BigDecimal reads them). */
    private static int decimals(double x) {
        return Math.max(0, new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().scale());
    }

    private static boolean onStep(double x, double step) {
        java.math.BigDecimal[] qr = new java.math.BigDecimal(Double.toString(x))
                .divideAndRemainder(new java.math.BigDecimal(Double.toString(step)));
        return qr[1].signum() == 0;
    }

    @Test
    void uniformsLieInTheUnitInterval() {
        for (int i = 0; i < 1000; i++) {
            assertThat(SyntheticMarket.uniform(99, i, 3)).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThatThrownBy(() -> SyntheticMarket.of(1, "X", 0)).hasMessageContaining("basePrice of X");
    }
}
