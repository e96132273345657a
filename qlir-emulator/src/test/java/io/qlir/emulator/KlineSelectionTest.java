package io.qlir.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which candles startTime / endTime / limit select, over a recording's open times and over a regular grid. */
class KlineSelectionTest {

    private static final long H = 3_600_000L;
    /** A recording with a gap: candles at 0h, 1h, 2h, 5h, 6h. */
    private static final KlineSelection.OpenTimes GAPPY = KlineSelection.OpenTimes.sorted(
            new long[] {0, H, 2 * H, 5 * H, 6 * H});
    private static final long L = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Hourly candles from L to L + 99h: 100 of them. */
    private static final KlineSelection.OpenTimes GRID = KlineSelection.OpenTimes.grid(Interval.H1, L, L + 99 * H);

    private static KlineSelection select(KlineSelection.OpenTimes t, Long start, Long end, int limit, long now) {
        return KlineSelection.select(t, new KlinesRequest("X", Interval.H1, start, end, limit), now);
    }

    @Test
    void aStartTakesTheOldestAtOrAfterItUpToTheLimitAndTheEnd() {
        assertThat(select(GAPPY, 0L, null, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(0, 5));
        assertThat(select(GAPPY, 1L, null, 2, Long.MAX_VALUE)).isEqualTo(new KlineSelection(1, 3));  // 1h, 2h
        assertThat(select(GAPPY, 3 * H, null, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(3, 5)); // the gap
        assertThat(select(GAPPY, H, 5 * H, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(1, 4));  // inclusive
        assertThat(select(GAPPY, 3 * H, 4 * H, 500, Long.MAX_VALUE).isEmpty()).isTrue();            // inside the gap
        assertThat(select(GAPPY, 7 * H, null, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(5, 5));
    }

    @Test
    void onlyAnEndOrNeitherTakesTheNewest() {
        assertThat(select(GAPPY, null, 5 * H, 2, Long.MAX_VALUE)).isEqualTo(new KlineSelection(2, 4)); // 2h, 5h
        assertThat(select(GAPPY, null, 4 * H, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(0, 3));
        assertThat(select(GAPPY, null, null, 3, Long.MAX_VALUE)).isEqualTo(new KlineSelection(2, 5));
        assertThat(select(GAPPY, null, 0L, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(0, 1));
    }

    @Test
    void nothingOpeningAfterNowIsSelected() {
        // now inside the 5h candle: it is forming and served; 6h is not yet
        assertThat(select(GAPPY, null, null, 500, 5 * H + 1)).isEqualTo(new KlineSelection(0, 4));
        assertThat(select(GAPPY, null, 6 * H, 500, 5 * H + 1)).isEqualTo(new KlineSelection(0, 4));
        assertThat(select(GAPPY, 6 * H, null, 500, 5 * H + 1).isEmpty()).isTrue();
        assertThat(select(GAPPY, null, null, 500, -1).isEmpty()).isTrue();
    }

    @Test
    void onAGridAMidCandleStartSkipsToTheNextOpenAndAMidCandleEndKeepsItsCandle() {
        assertThat(select(GRID, L + 1, L + 5 * H + 1, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(1, 6));
        assertThat(select(GRID, 0L, null, 500, Long.MAX_VALUE)).isEqualTo(new KlineSelection(0, 100));
        assertThat(select(GRID, L, null, 3, Long.MAX_VALUE)).isEqualTo(new KlineSelection(0, 3));
        assertThat(select(GRID, null, L + 10 * H, 4, Long.MAX_VALUE)).isEqualTo(new KlineSelection(7, 11));
        assertThat(select(GRID, null, L - 1, 4, Long.MAX_VALUE).isEmpty()).isTrue();
        assertThat(select(GRID, null, null, 3, Long.MAX_VALUE)).isEqualTo(new KlineSelection(97, 100));
        assertThat(select(GRID, L + 200 * H, null, 3, Long.MAX_VALUE).isEmpty()).isTrue();
    }

    @Test
    void monthsAreCalendarMonthsAndAnEmptyGridSelectsNothing() {
        long jan = L;
        long mar = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        KlineSelection.OpenTimes months = KlineSelection.OpenTimes.grid(Interval.MO1, jan, mar);
        KlinesRequest feb15on = new KlinesRequest("X", Interval.MO1,
                Instant.parse("2024-02-15T00:00:00Z").toEpochMilli(), null, 500);
        assertThat(KlineSelection.select(months, feb15on, Long.MAX_VALUE)).isEqualTo(new KlineSelection(2, 3));
        KlineSelection.OpenTimes none = KlineSelection.OpenTimes.grid(Interval.H1, L, L - H);
        assertThat(select(none, null, null, 500, Long.MAX_VALUE).isEmpty()).isTrue();
        assertThat(select(none, 0L, null, 500, Long.MAX_VALUE).isEmpty()).isTrue();
    }

    @Test
    void aWindowIsOrdered() {
        assertThat(new KlineSelection(3, 7).size()).isEqualTo(4);
        assertThatThrownBy(() -> new KlineSelection(3, 2)).hasMessageContaining("0 <= from <= to");
        assertThatThrownBy(() -> new KlinesRequest("X", Interval.H1, null, null, 0)).hasMessageContaining("limit");
    }
}
