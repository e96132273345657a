package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.core.Interval;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fake selects and shapes candles the way Binance does; expected values are worked out by hand. */
class FakeBinanceKlinesTest {

    static final Instant LISTED = Instant.parse("2024-01-01T00:00:00Z");
    static final long L = LISTED.toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final Instant NOW = Instant.parse("2024-03-01T10:30:00Z"); // 10:00 1h candle is forming
    static final long NOW_MS = NOW.toEpochMilli();

    @AutoClose
    final FakeBinance fake = FakeBinance.builder().seed(7)
            .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(40_000))
            .symbol(FakeSymbol.trading("LATEUSDT", Instant.parse("2024-01-01T04:20:00Z")))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .start();

    private JsonNode rows(String query) throws Exception {
        Http.Reply r = Http.get(fake, "/api/v3/klines?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theProbeReturnsTheFirstCandleTheOneContainingTheListing() throws Exception {
        JsonNode first = rows("symbol=BTCUSDT&interval=1h&startTime=0&limit=1");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get(0).asLong()).isEqualTo(L);
        assertThat(first.get(0).get(6).asLong()).isEqualTo(L + HOUR - 1);
        // listed 04:20: the 1h candle opens 04:00, the 1d candle at midnight
        assertThat(rows("symbol=LATEUSDT&interval=1h&startTime=0&limit=1").get(0).get(0).asLong())
                .isEqualTo(Instant.parse("2024-01-01T04:00:00Z").toEpochMilli());
        assertThat(rows("symbol=LATEUSDT&interval=1d&startTime=0&limit=1").get(0).get(0).asLong()).isEqualTo(L);
        assertThat(fake.firstOpenTime("LATEUSDT", Interval.H1)).isEqualTo(L + 4 * HOUR);
    }

    @Test
    void startAndEndAreInclusiveBoundsOnTheOpenTimeAndAMidCandleStartSkipsToTheNextOpen() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1h&startTime=" + (L + 1) + "&endTime=" + (L + 5 * HOUR));
        assertThat(r).hasSize(5); // 01:00 .. 05:00
        assertThat(r.get(0).get(0).asLong()).isEqualTo(L + HOUR);
        assertThat(r.get(4).get(0).asLong()).isEqualTo(L + 5 * HOUR);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.get(i)).hasSize(12);
            assertThat(r.get(i).get(6).asLong()).isEqualTo(r.get(i).get(0).asLong() + HOUR - 1);
        }
    }

    @Test
    void limitDefaultsTo500AndCapsTheRowsFromTheStart() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1h&startTime=" + L);
        assertThat(r).hasSize(500);
        assertThat(r.get(499).get(0).asLong()).isEqualTo(L + 499 * HOUR);
        assertThat(rows("symbol=BTCUSDT&interval=1h&startTime=" + L + "&limit=1000")).hasSize(1000);
        assertThat(rows("symbol=BTCUSDT&interval=1h&startTime=" + L + "&limit=3")).hasSize(3);
    }

    @Test
    void onlyAnEndGivesTheNewestRowsUpToIt() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1h&endTime=" + (L + 10 * HOUR + 5) + "&limit=4");
        assertThat(r).hasSize(4);
        assertThat(r.get(0).get(0).asLong()).isEqualTo(L + 7 * HOUR);
        assertThat(r.get(3).get(0).asLong()).isEqualTo(L + 10 * HOUR);
        // before the listing: nothing; across the listing: only from the first candle
        assertThat(rows("symbol=BTCUSDT&interval=1h&endTime=" + (L - 1))).isEmpty();
        assertThat(rows("symbol=BTCUSDT&interval=1h&endTime=" + (L + HOUR) + "&limit=10")).hasSize(2);
    }

    @Test
    void withoutBoundsTheNewestRowsEndWithTheFormingCandle() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1h&limit=3");
        long forming = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
        assertThat(r.get(2).get(0).asLong()).isEqualTo(forming);
        assertThat(r.get(2).get(6).asLong()).isGreaterThan(NOW_MS);
        assertThat(r.get(1).get(6).asLong()).isLessThan(NOW_MS);
        assertThat(fake.formingOpenTime(Interval.H1)).isEqualTo(forming);
        // nothing opens after now
        assertThat(rows("symbol=BTCUSDT&interval=1h&startTime=" + (NOW_MS + HOUR))).isEmpty();
    }

    @Test
    void candlesAreConsistentPricesAndVolumes() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1h&startTime=" + L + "&limit=1000");
        for (int i = 0; i < r.size(); i++) {
            JsonNode c = r.get(i);
            double open = c.get(1).asDouble();
            double high = c.get(2).asDouble();
            double low = c.get(3).asDouble();
            double close = c.get(4).asDouble();
            assertThat(c.get(1).isTextual()).isTrue();
            assertThat(c.get(1).asText()).matches("\\d+\\.\\d{8}");
            assertThat(high).isGreaterThanOrEqualTo(Math.max(open, close));
            assertThat(low).isLessThanOrEqualTo(Math.min(open, close)).isPositive();
            assertThat(c.get(5).asDouble()).isPositive();
            assertThat(c.get(9).asDouble()).isLessThanOrEqualTo(c.get(5).asDouble());
            if (i > 0) {
                assertThat(open).as("open of row %d is the previous close", i)
                        .isEqualTo(r.get(i - 1).get(4).asDouble());
            }
        }
        // a random walk around the base price, not a constant
        assertThat(r.get(0).get(1).asDouble()).isBetween(4_000.0, 400_000.0);
        assertThat(r.get(0).get(1).asDouble()).isNotEqualTo(r.get(999).get(4).asDouble());
    }

    @Test
    void theFormingCandleGrowsWithNowAndSettlesOnceClosed() throws Exception {
        long open = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
        String q = "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + open + "&limit=1";
        JsonNode at1030 = Http.get(fake, q).json().get(0);
        try (FakeBinance later = sameMarketAt("2024-03-01T10:50:00Z");
                FakeBinance closed1 = sameMarketAt("2024-03-01T11:00:01Z");
                FakeBinance closed2 = sameMarketAt("2024-03-05T00:00:00Z")) {
            JsonNode at1050 = Http.get(later, q).json().get(0);
            assertThat(at1050.get(5).asDouble()).isGreaterThan(at1030.get(5).asDouble()); // more volume
            assertThat(at1050.get(1).asText()).isEqualTo(at1030.get(1).asText());           // same open
            assertThat(Http.get(closed1, q).body()).isEqualTo(Http.get(closed2, q).body());
        }
    }

    private FakeBinance sameMarketAt(String now) {
        return FakeBinance.builder().seed(7).symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(40_000))
                .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).start();
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        String q = "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=" + L + "&limit=50";
        try (FakeBinance same = sameMarketAt(NOW.toString());
                FakeBinance other = FakeBinance.builder().seed(8)
                        .symbol(FakeSymbol.trading("BTCUSDT", LISTED).withBasePrice(40_000))
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
            assertThat(Http.get(same, q).body()).isEqualTo(Http.get(fake, q).body());
            assertThat(Http.get(other, q).body()).isNotEqualTo(Http.get(fake, q).body());
        }
    }

    @Test
    void uiKlinesServesTheSameRowsAndRowsJsonPredictsThem() throws Exception {
        String q = "symbol=BTCUSDT&interval=15m&startTime=" + L + "&endTime=" + (L + 20 * 900_000L) + "&limit=1000";
        String klines = Http.get(fake, "/api/v3/klines?" + q).body();
        assertThat(Http.get(fake, "/api/v3/uiKlines?" + q).body()).isEqualTo(klines);
        assertThat(fake.rowsJson("BTCUSDT", Interval.M15, L, L + 20 * 900_000L)).isEqualTo(klines);
        assertThat(Http.JSON.readTree(klines)).hasSize(21);
    }

    @Test
    void monthsAreCalendarMonths() throws Exception {
        JsonNode r = rows("symbol=BTCUSDT&interval=1M&startTime=0&limit=3");
        assertThat(r.get(0).get(0).asLong()).isEqualTo(L);
        assertThat(r.get(1).get(0).asLong()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z").toEpochMilli());
        assertThat(r.get(0).get(6).asLong()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z").toEpochMilli() - 1);
        assertThat(r.get(2).get(0).asLong()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(r).hasSize(3);
    }
}
