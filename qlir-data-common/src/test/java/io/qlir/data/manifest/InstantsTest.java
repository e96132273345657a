package io.qlir.data.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Property(tries = 300)
    void agreesWithInstantParseOnInstantToString(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long ms,
                                                 @ForAll @LongRange(min = 0, max = 999_999) long extraNanos) {
        Instant a = Instant.ofEpochMilli(ms);
        Instant b = Instant.ofEpochMilli(ms).plusNanos(extraNanos);
        assertThat(Instants.parse(a.toString())).isEqualTo(a);
        assertThat(Instants.parse(b.toString())).isEqualTo(b);
    }

    @Test
    void fallsBackOrFailsLikeInstantParse() {
        assertThat(Instants.parse("2024-01-01T00:00:00Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Instants.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThatThrownBy(() -> Instants.parse("2023-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse("2023-02-2xT00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }
}
