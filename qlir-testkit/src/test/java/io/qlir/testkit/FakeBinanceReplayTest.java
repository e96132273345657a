package io.qlir.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.core.Interval;
import org.junit.jupiter.api.Test;

/** Replay mode serves recorded Binance rows verbatim, selected like live ones; the later recording wins. */
class FakeBinanceReplayTest {

    @Test
    void servesRecordedRowsVerbatimWithTheLaterRecordingWinning() throws Exception {
        String a = BinanceRecordings.text(BinanceRecordings.SPOT_15M_A);
        String b = BinanceRecordings.text(BinanceRecordings.SPOT_15M_B);
        JsonNode aRows = Http.JSON.readTree(a);
        JsonNode bRows = Http.JSON.readTree(b);
        long formerlyOpen = 1519232400000L; // a's last row, still forming when a was recorded
        try (FakeBinance fake = FakeBinance.builder().replay("BTCUSDT", Interval.M15, a, b).start()) {
            JsonNode first = Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=15m&startTime=0&limit=1").json();
            assertThat(first.get(0)).isEqualTo(aRows.get(0));

            JsonNode row = Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=15m&startTime=" + formerlyOpen
                    + "&limit=1").json().get(0);
            assertThat(row).isNotEqualTo(aRows.get(aRows.size() - 1));
            JsonNode bVersion = null;
            for (JsonNode r : bRows) {
                if (r.get(0).asLong() == formerlyOpen) {
                    bVersion = r;
                }
            }
            assertThat(row).isEqualTo(bVersion);

            // a + b overlap by 205 rows: 395 distinct open times in all
            Http.Reply all = Http.get(fake, "/api/v3/uiKlines?symbol=BTCUSDT&interval=15m&startTime=0&limit=1000");
            assertThat(all.json()).hasSize(395);
            assertThat(all.json().get(394)).isEqualTo(bRows.get(bRows.size() - 1));
            // verbatim: the served text of b's last row is b's own text
            String lastRowText = b.substring(b.lastIndexOf("[1"), b.lastIndexOf(']'));
            assertThat(all.body()).endsWith(lastRowText + "]");

            // only an end: the newest rows up to it
            JsonNode tail = Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=15m&endTime=" + formerlyOpen
                    + "&limit=2").json();
            assertThat(tail.get(1).get(0).asLong()).isEqualTo(formerlyOpen);
            assertThat(tail.get(0).get(0).asLong()).isEqualTo(formerlyOpen - 900_000L);

            // a replay-only symbol: listed as trading, no candles for other intervals
            assertThat(Http.get(fake, "/api/v3/klines?symbol=BTCUSDT&interval=1h").json()).isEmpty();
            assertThat(Http.get(fake, "/api/v3/exchangeInfo").json().get("symbols").get(0).get("status").asText())
                    .isEqualTo("TRADING");
            assertThat(Http.get(fake, "/api/v3/klines?symbol=ETHUSDT&interval=15m").json().get("code").asInt())
                    .isEqualTo(-1121);
        }
    }

    @Test
    void aRecordingMustBeAnArrayOfRows() {
        assertThatThrownBy(() -> FakeBinance.builder().replay("BTCUSDT", Interval.M15, "{\"a\":1}"))
                .hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> FakeBinance.builder().replay("BTCUSDT", Interval.M15, "[[\"x\"]]"))
                .hasMessageContaining("integer open time");
    }
}
