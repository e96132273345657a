package io.qlir.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OpParam#anyArguments(String)}: zero or more names and numbers, passed to the op's factory unchanged. */
class AnyArgumentsTest {

    private static final OpDefinition FAMILY = OpDefinition.builder("family")
            .params(OpParam.column("member"), OpParam.anyArguments("args"))
            .factory(a -> Op.of("family", a.raw(), t -> Derived.builder(t).build()))
            .build();

    private static final OpCatalogue CATALOGUE = OpCatalogue.builder().add(FAMILY).build();

    @Test
    void namesAndNumbersPassUnchangedAndMayBeAbsent() {
        assertThat(CATALOGUE.parse("family(CCI)").params()).containsExactly("CCI");
        assertThat(CATALOGUE.parse("family(MOM, close, 10, 2.5)").params()).containsExactly("MOM", "close", 10, 2.5);
        assertThat(FAMILY.signature()).isEqualTo("family(member, args...)");
    }

    @Test
    void theRequiredParamsBeforeThemAreStillChecked() {
        assertThatThrownBy(() -> CATALOGUE.parse("family()")).hasMessageContaining("takes at least 1 argument");
        assertThatThrownBy(() -> CATALOGUE.parse("family(14)")).hasMessageContaining("member (argument 1)");
    }

    @Test
    void itsValidTextSaysWhatItTakes() {
        assertThat(OpParam.anyArguments("args").valid()).isEqualTo("a column name or a number");
        assertThat(List.of(OpParam.anyArguments("args").repeated(), OpParam.anyArguments("args").optional()))
                .containsExactly(true, false);
    }
}
