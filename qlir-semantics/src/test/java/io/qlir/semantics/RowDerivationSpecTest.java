package io.qlir.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowDerivationSpecTest {

    @Test
    void rendersTheDesignExampleForSma() {
        RowDerivationSpec spec = RowDerivationSpec.builder("SMA")
                .baseColumn("close").param("window", 14)
                .reads(RowWindow.trailing(14)).output("close_sma_14").warmup(13).build();

        assertThat(spec.render())
                .isEqualTo("SMA(base_col=close, window=14, rows_used=[i-13 .. i], write_col=close_sma_14, write_row=i)");
        assertThat(spec.inputs()).containsExactly("close");
        assertThat(spec.scope()).isEqualTo(Scope.OUTPUT);
        assertThat(spec.alignment()).isEqualTo(Alignment.EXECUTION_SAFE);
    }

    @Test
    void rendersWholeBarOpsWithoutBaseColumnAndWindowParams() {
        RowDerivationSpec spec = RowDerivationSpec.builder("RANGE_SHOCK")
                .inputs("high", "low", "open")
                .param("window", 14).param("alignment", Alignment.EXECUTION_SAFE)
                .param("baseline", RowWindow.of(-14, -1))
                .reads(RowWindow.of(-14, 0)).output("range_shock_14").warmup(14).build();

        assertThat(spec.render()).isEqualTo("RANGE_SHOCK(window=14, alignment=EXECUTION_SAFE, "
                + "baseline=[i-14 .. i-1], rows_used=[i-14 .. i], write_col=range_shock_14, write_row=i)");
        assertThat(spec.param("baseline")).isEqualTo(RowWindow.of(-14, -1));
    }

    @Test
    void decimalParamsPrintShortest() {
        assertThat(new Param("k", 2.0).toString()).isEqualTo("k=2");
        assertThat(new Param("k", 2.5).toString()).isEqualTo("k=2.5");
        assertThat(new Param("eps", 0.001).toString()).isEqualTo("eps=0.001");
    }

    @Test
    void unknownParamNamesTheOnesPresent() {
        RowDerivationSpec spec = RowDerivationSpec.builder("SMA").baseColumn("close").param("window", 3)
                .reads(RowWindow.trailing(3)).output("close_sma_3").warmup(2).build();
        assertThatThrownBy(() -> spec.param("period"))
                .hasMessageContaining("period").hasMessageContaining("[base_col, window]");
    }

    @Test
    void negativeWarmupIsRejected() {
        assertThatThrownBy(() -> RowDerivationSpec.builder("X").reads(RowWindow.of(0, 0)).output("x").warmup(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmup");
    }
}
