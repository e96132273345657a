package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireCodecTest {

    enum Status implements WireCoded {
        COMPLETE("complete"), NEEDS_REFRESH("needs_refresh");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String wireCode() {
            return code;
        }
    }

    enum Clash implements WireCoded {
        A, B;

        @Override
        public String wireCode() {
            return "same";
        }
    }

    private static final WireCodec<Status> CODEC = WireCodec.of(Status.class, "status");

    @Test
    void decodesAndEncodesByWireCode() {
        assertThat(CODEC.decode("needs_refresh")).isEqualTo(Status.NEEDS_REFRESH);
        assertThat(CODEC.encode(Status.COMPLETE)).isEqualTo("complete");
        assertThat(CODEC.codes()).containsExactly("complete", "needs_refresh");
        assertThat(CODEC.type()).isEqualTo(Status.class);
    }

    @Test
    void anUnknownCodeIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> CODEC.decode("COMPLETE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown status 'COMPLETE'; valid: complete, needs_refresh");
        assertThatThrownBy(() -> CODEC.decode("NEEDS_REFRESH")).hasMessageContaining("valid: complete");
    }

    @Test
    void twoConstantsWithOneCodeAreRejectedWhenTheCodecIsMade() {
        assertThatThrownBy(() -> WireCodec.of(Clash.class, "clash")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'same'").hasMessageContaining("A and B");
    }

    @Test
    void encodingNullIsRejected() {
        assertThatThrownBy(() -> CODEC.encode(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("status");
    }
}
