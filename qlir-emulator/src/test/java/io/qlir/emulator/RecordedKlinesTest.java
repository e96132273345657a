package io.qlir.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Recorded rows are kept as their own text, sorted, the later recording winning, and selected like Binance's. */
class RecordedKlinesTest {

    private static final String R0 = "[0,\"1.0\",\"2\",\"0.5\",\"1.5\",\"10\",899999,\"15\",3,\"5\",\"7.5\","
            + "\"0\"]";
    private static final String R1 = "[900000, \"1.5\",\"2\",\"1\",\"1.7\",\"10\",1799999,\"15\",3,\"5\",\"7.5\","
            + "\"0\"]";
    private static final String R1_LATER = "[900000,\"1.5\",\"9\",\"1\",\"8\",\"10\",1799999,\"15\",3,\"5\",\"7.5\",\"0\"]";
    private static final String R2 = "[1800000,{\"odd\":[1]},\"x\"]";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static KlinesRequest request(Long start, Long end, int limit) {
        return new KlinesRequest("BTCUSDT", Interval.M15, start, end, limit);
    }

    @Test
    void rowsAreServedAsRecordedSortedWithTheLaterRecordingWinning() {
        RecordedKlines r = RecordedKlines.parse("BTCUSDT", Interval.M15, utf8("[" + R1 + "," + R0 + "]"),
                utf8("[ " + R2 + " , " + R1_LATER + " ]"));
        assertThat(r.symbol()).isEqualTo("BTCUSDT");
        assertThat(r.interval()).isEqualTo(Interval.M15);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.openTime(0)).isZero();
        assertThat(r.openTime(2)).isEqualTo(1_800_000L);
        assertThat(r.rows(request(null, null, 500), Long.MAX_VALUE))
                .isEqualTo("[" + R0 + "," + R1_LATER + "," + R2 + "]");
        assertThat(r.rows(request(1L, null, 1), Long.MAX_VALUE)).isEqualTo("[" + R1_LATER + "]");
        assertThat(r.rows(request(null, null, 500), 900_000L)).isEqualTo("[" + R0 + "," + R1_LATER + "]");
        assertThat(r.rows(request(5_000_000L, null, 500), Long.MAX_VALUE)).isEqualTo("[]");
    }

    @Test
    void aRecordingMustBeAnArrayOfRowsThatStartWithAnOpenTime() {
        assertThatThrownBy(() -> RecordedKlines.parse("BTCUSDT", Interval.M15, utf8("{\"a\":1}")))
                .hasMessageContaining("BTCUSDT 15m").hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> RecordedKlines.parse("BTCUSDT", Interval.M15, utf8("[[\"x\"]]")))
                .hasMessageContaining("row 0").hasMessageContaining("integer open time");
        assertThatThrownBy(() -> RecordedKlines.parse("BTCUSDT", Interval.M15, utf8("[[1,")))
                .hasMessageContaining("not valid JSON");
    }
}
