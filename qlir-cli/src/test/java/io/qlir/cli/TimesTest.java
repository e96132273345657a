package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    // 2024-01-01T00:00:00Z = 19723 days * 86_400_000 ms (hand-computed: 54 years incl. 13 leap days since 1970)
    private static final long JAN_1_2024_MS = 19_723L * 86_400_000L;

    @Test
    void anIsoDateIsMidnightUtc() {
        assertThat(Times.parse("2024-01-01")).isEqualTo(Instant.ofEpochMilli(JAN_1_2024_MS));
    }

    @Test
    void anInstantWithZOrAnOffsetIsRead() {
        assertThat(Times.parse("2024-01-01T00:00:00Z")).isEqualTo(Instant.ofEpochMilli(JAN_1_2024_MS));
        assertThat(Times.parse("2024-01-01T02:00:00+02:00")).isEqualTo(Instant.ofEpochMilli(JAN_1_2024_MS));
        assertThat(Times.parse("2024-01-01T00:00:00.123Z")).isEqualTo(Instant.ofEpochMilli(JAN_1_2024_MS + 123));
    }

    @Test
    void digitsAreEpochMillis() {
        assertThat(Times.parse("1704067200000")).isEqualTo(Instant.ofEpochMilli(JAN_1_2024_MS));
        assertThat(Times.parse("0")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void eightDigitsThatReadAsADateAreAmbiguous() {
        assertThatThrownBy(() -> Times.parse("20240101"))
                .hasMessageContaining("'20240101' is ambiguous")
                .hasMessageContaining("write the date as 2024-01-01");
        assertThat(Times.parse("99999999")).isEqualTo(Instant.ofEpochMilli(99_999_999L));
    }

    @Test
    void otherTextIsRejectedWithTheValidForms() {
        assertThatThrownBy(() -> Times.parse("2024-13-01")).hasMessageContaining("is not a time")
                .hasMessageContaining(Times.FORMS);
        assertThatThrownBy(() -> Times.parse("-5")).hasMessageContaining("is not a time");
        assertThatThrownBy(() -> Times.parse("99999999999999999999")).hasMessageContaining("too large");
    }
}
