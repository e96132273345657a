package io.qlir.data.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SliceKeyTest {

    @Test
    void boundsOfAMinuteSlice() {
        SliceKey k = SliceKey.parse("BTCUSDT:1m:1502942400000:1000");
        assertThat(k.symbol()).isEqualTo("BTCUSDT");
        assertThat(k.interval()).isEqualTo(Interval.M1);
        assertThat(k.lastOpenMs()).isEqualTo(1502942400000L + 999 * 60_000L);
        assertThat(k.endExclusiveMs()).isEqualTo(1502942400000L + 1000 * 60_000L);
        assertThat(k.endMs()).isEqualTo(1502942400000L + 1000 * 60_000L - 1);
        assertThat(k.spanMs()).isEqualTo(60_000_000L);
        assertThat(k.contains(k.startMs())).isTrue();
        assertThat(k.contains(k.endMs())).isTrue();
        assertThat(k.contains(k.endExclusiveMs())).isFalse();
        assertThat(k.isAligned()).isTrue();
    }

    @Test
    void monthSlicesCountCalendarMonths() {
        long jan2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        SliceKey k = new SliceKey("BTCUSDT", Interval.MO1, jan2024, 3);
        assertThat(k.canonical()).isEqualTo("BTCUSDT:1M:" + jan2024 + ":3");
        assertThat(Instant.ofEpochMilli(k.lastOpenMs())).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(k.endExclusiveMs())).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        // 31 + 29 (leap year) + 31 days
        assertThat(k.spanMs()).isEqualTo(91L * 86_400_000L);
    }

    @Test
    void misalignedKeysAreReadButFlagged() {
        assertThat(new SliceKey("BTCUSDT", Interval.M1, 1502942400001L, 1000).isAligned()).isFalse();
    }

    @Test
    void badKeysNameTheInputAndTheValidForm() {
        assertThatThrownBy(() -> SliceKey.parse("BTCUSDT:1m:1502942400000"))
                .hasMessageContaining("'BTCUSDT:1m:1502942400000'").hasMessageContaining("SYMBOL:interval:startMs:limit");
        assertThatThrownBy(() -> SliceKey.parse("BTCUSDT:1x:0:10"))
                .hasMessageContaining("'1x'").hasMessageContaining("valid: 1s, 1m");
        assertThatThrownBy(() -> SliceKey.parse("BTC USDT:1m:0:10")).hasMessageContaining("bad symbol 'BTC USDT'");
        assertThatThrownBy(() -> SliceKey.parse("BTCUSDT:1m:0:0")).hasMessageContaining("bad slice limit 0");
        assertThatThrownBy(() -> SliceKey.parse("BTCUSDT:1m:-5:10")).hasMessageContaining("bad slice start -5");
        assertThatThrownBy(() -> SliceKey.parse("BTCUSDT:1m:abc:10")).hasMessageContaining("'BTCUSDT:1m:abc:10'");
    }
}
