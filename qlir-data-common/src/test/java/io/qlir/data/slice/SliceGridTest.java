package io.qlir.data.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceGridTest {

    // BTCUSDT 1m listed 2017-08-17T04:00:00Z = 1502942400000 (also the first golden slice key).
    static final long ANCHOR = 1502942400000L;
    static final long SPAN = 1000 * 60_000L;
    final SliceGrid grid = new SliceGrid("BTCUSDT", Interval.M1, 1000, ANCHOR);

    @Test
    void slicesStepBySpanFromTheAnchor() {
        assertThat(grid.slice(0).canonical()).isEqualTo("BTCUSDT:1m:1502942400000:1000");
        assertThat(grid.slice(1).canonical()).isEqualTo("BTCUSDT:1m:1503002400000:1000");
        assertThat(grid.slice(3).canonical()).isEqualTo("BTCUSDT:1m:1503122400000:1000");
    }

    @Test
    void containingFindsTheSliceOfATime() {
        assertThat(grid.containing(ANCHOR)).isEqualTo(grid.slice(0));
        assertThat(grid.containing(ANCHOR + SPAN - 1)).isEqualTo(grid.slice(0));
        assertThat(grid.containing(ANCHOR + SPAN)).isEqualTo(grid.slice(1));
        assertThat(grid.indexOf(ANCHOR - 1)).isEqualTo(-1);
        assertThatThrownBy(() -> grid.containing(ANCHOR - 1)).hasMessageContaining("before the first candle");
    }

    @Test
    void coveringIsInclusiveAndClippedToTheAnchor() {
        assertThat(grid.covering(0, ANCHOR - 1)).isEmpty();
        assertThat(grid.covering(0, ANCHOR)).containsExactly(grid.slice(0));
        assertThat(grid.covering(ANCHOR + SPAN - 1, ANCHOR + SPAN)).containsExactly(grid.slice(0), grid.slice(1));
        List<SliceKey> day = grid.covering(ANCHOR, ANCHOR + 86_400_000L - 1);
        assertThat(day).hasSize(2); // 1440 minutes -> slices 0 and 1
        assertThatThrownBy(() -> grid.covering(5, 4)).hasMessageContaining("after its end");
    }

    @Test
    void onGridAndOffGrid() {
        assertThat(grid.isOnGrid(grid.slice(7))).isTrue();
        assertThat(grid.isOnGrid(new SliceKey("BTCUSDT", Interval.M1, ANCHOR + 60_000L, 1000))).isFalse();
        assertThat(grid.isOnGrid(new SliceKey("BTCUSDT", Interval.M1, ANCHOR, 500))).isFalse();
        assertThat(grid.isOnGrid(new SliceKey("ETHUSDT", Interval.M1, ANCHOR, 1000))).isFalse();
        assertThat(grid.isOnGrid(new SliceKey("BTCUSDT", Interval.M1, 0, 1000))).isFalse();
    }

    @Test
    void monthGridCountsCalendarMonths() {
        long aug2017 = Instant.parse("2017-08-01T00:00:00Z").toEpochMilli();
        SliceGrid months = new SliceGrid("BTCUSDT", Interval.MO1, 12, aug2017);
        assertThat(Instant.ofEpochMilli(months.slice(1).startMs())).isEqualTo(Instant.parse("2018-08-01T00:00:00Z"));
        long midJuly2018 = Instant.parse("2018-07-15T12:00:00Z").toEpochMilli();
        assertThat(months.containing(midJuly2018)).isEqualTo(months.slice(0));
        assertThat(months.containing(Instant.parse("2018-08-01T00:00:00Z").toEpochMilli())).isEqualTo(months.slice(1));
        assertThat(months.covering(aug2017, Instant.parse("2020-01-31T00:00:00Z").toEpochMilli())).hasSize(3);
    }

    @Test
    void anchorMustBeAnOpenTime() {
        assertThatThrownBy(() -> new SliceGrid("BTCUSDT", Interval.M1, 1000, ANCHOR + 1))
                .hasMessageContaining("bad grid anchor 1502942400001").hasMessageContaining("1502942400000");
    }
}
