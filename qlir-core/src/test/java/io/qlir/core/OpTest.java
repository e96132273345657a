package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpTest {

    @Test
    void printsInTheOpLanguage() {
        Op sma = Op.of("sma", List.of("close", 20, 50), t -> Derived.builder(t).build());

        assertThat(sma.toText()).isEqualTo("sma(close,20,50)");
        assertThat(sma.toString()).isEqualTo("sma(close,20,50)");
        assertThat(Op.of("vwap", List.of(), t -> Derived.builder(t).build()).toText()).isEqualTo("vwap()");
        assertThat(Op.of("boll", List.of("close", 20, 2.5), t -> null).toText()).isEqualTo("boll(close,20,2.5)");
        assertThat(Op.of("boll", List.of("close", 20, 2.0), t -> null).toText()).isEqualTo("boll(close,20,2)");
        assertThat(sma.name()).isEqualTo("sma");
        assertThat(sma.params()).containsExactly("close", 20, 50);
    }

    @Test
    void equalityIsByText() {
        Op a = Op.of("lag", List.of("close", 1), t -> null);
        Op b = Op.of("lag", List.of("close", 1L), t -> Derived.builder(t).build());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Op.of("lag", List.of("close", 2), t -> null));
    }

    @Test
    void namesAreLowerSnakeCase() {
        assertThatThrownBy(() -> Op.of("RangeShock", List.of(), t -> null))
                .hasMessageContaining("'RangeShock' must be lower snake case");
    }
}
