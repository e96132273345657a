package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Rows written without a server are the rows the fake serves. */
class SyntheticKlinesTest {

    @Test
    void closedCandlesAreTheRowsTheFakeServes() throws Exception {
        Instant listed = Instant.parse("2024-01-01T00:00:00Z");
        long l = listed.toEpochMilli();
        try (FakeBinance fake = FakeBinance.builder().seed(7).clock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"),
                ZoneOffset.UTC)).symbol(FakeSymbol.trading("BTCUSDT", listed).withBasePrice(40_000)).start()) {
            String rows = SyntheticKlines.rowsJson(SyntheticMarket.of(7, "BTCUSDT", 40_000), Interval.H1, l, 30);
            assertThat(rows).isEqualTo(fake.rowsJson("BTCUSDT", Interval.H1, l, l + 29 * 3_600_000L));
            assertThat(Http.JSON.readTree(rows)).hasSize(30);
            assertThat(rows).startsWith("[[" + l + ",\"");
        }
    }
}
