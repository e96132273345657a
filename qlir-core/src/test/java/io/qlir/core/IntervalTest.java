package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void wireCodesAreCaseSensitiveMinuteVsMonth() {
        assertThat(Interval.parse("1m")).isEqualTo(Interval.M1);
        assertThat(Interval.parse("1M")).isEqualTo(Interval.MO1);
        assertThat(Interval.MO1.wireCode()).isEqualTo("1M");
        assertThatThrownBy(() -> Interval.parse("1H"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown interval '1H'; valid: 1s, 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, "
                        + "1w, 1M");
        assertThatThrownBy(() -> Interval.parse(null)).hasMessageContaining("unknown interval 'null'");
    }

    @Test
    void everyConstantRoundTripsThroughItsCode() {
        for (Interval i : Interval.values()) {
            assertThat(Interval.parse(i.wireCode())).isEqualTo(i);
            assertThat(Interval.fromFolderName(i.folderName())).isEqualTo(i);
        }
        assertThat(Interval.MO1.folderName()).isEqualTo("1mo");
        assertThat(Interval.M1.folderName()).isEqualTo("1m");
    }

    @Test
    void fixedIntervalsFloorOnMultiplesOfTheirLength() {
        assertThat(Interval.M15.floor(ms("2024-03-05T10:44:59.999Z"))).isEqualTo(ms("2024-03-05T10:30:00Z"));
        assertThat(Interval.H4.floor(ms("2024-03-05T03:59:00Z"))).isEqualTo(ms("2024-03-05T00:00:00Z"));
        assertThat(Interval.D1.floor(ms("2024-03-05T23:59:59Z"))).isEqualTo(ms("2024-03-05T00:00:00Z"));
        assertThat(Interval.M1.floor(-1)).isEqualTo(-60_000L);
        assertThat(Interval.H1.fixedMillis()).isEqualTo(3_600_000L);
    }

    @Test
    void weeksOpenOnMondayMidnightUtc() {
        long sunday = ms("2024-03-10T23:00:00Z"); // a Sunday
        long monday = ms("2024-03-11T00:00:00Z");

        assertThat(Interval.W1.floor(sunday)).isEqualTo(ms("2024-03-04T00:00:00Z"));
        assertThat(Interval.W1.floor(monday)).isEqualTo(monday);
        assertThat(Interval.W1.floor(0)).isEqualTo(ms("1969-12-29T00:00:00Z")); // 1970-01-01 was a Thursday
        assertThat(Instant.ofEpochMilli(Interval.W1.floor(ms("2019-04-17T12:00:00Z"))).atZone(ZoneOffset.UTC)
                .getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Interval.W1.isAligned(monday)).isTrue();
        assertThat(Interval.W1.isAligned(sunday)).isFalse();
    }

    @Test
    void monthsAreCalendarMonths() {
        long feb = ms("2024-02-01T00:00:00Z");

        assertThat(Interval.MO1.floor(ms("2024-02-29T23:59:59.999Z"))).isEqualTo(feb);
        assertThat(Interval.MO1.plus(feb, 1)).isEqualTo(ms("2024-03-01T00:00:00Z"));
        assertThat(Interval.MO1.plus(ms("2024-01-01T00:00:00Z"), 12)).isEqualTo(ms("2025-01-01T00:00:00Z"));
        assertThat(Interval.MO1.closeTime(feb)).isEqualTo(ms("2024-03-01T00:00:00Z") - 1);
        assertThat(Interval.MO1.between(ms("2023-11-01T00:00:00Z"), ms("2024-02-01T00:00:00Z"))).isEqualTo(3);
        assertThat(Interval.MO1.isFixed()).isFalse();
        assertThatThrownBy(Interval.MO1::fixedMillis).hasMessageContaining("1M has no fixed length");
    }

    @Test
    void closeTimeIsTheNextOpenMinusOneMilli() {
        long open = ms("2019-04-11T14:00:00Z");
        assertThat(Interval.M30.closeTime(open)).isEqualTo(1554992999999L); // as Binance reports it
        assertThat(Interval.M30.plus(open, -2)).isEqualTo(ms("2019-04-11T13:00:00Z"));
        assertThat(Interval.M30.between(open, ms("2019-04-11T15:29:00Z"))).isEqualTo(2);
    }
}
