package io.qlir.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class OpCatalogueTest {

    @Test
    void aProviderOnTheClassPathJoinsTheStandardCatalogueThroughTheServiceLoader() {
        OpCatalogue standard = OpCatalogue.standard();
        assertThat(standard.names()).contains("spi_probe", "lag", "rolling_mean");
        Op op = standard.parse("spi_probe(x)");
        assertThat(op.toText()).isEqualTo("spi_probe(x,3)");
        assertThat(standard.parse(op.toText())).isEqualTo(op);
        Derived d = op.apply(Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4, 5)));
        assertThat(d.columns()).containsExactly("x_lag_3");
        assertThat(d.table().doubleColumn("x_lag_3").get(4)).isEqualTo(2.0);
        assertThat(standard.output("SPI_PROBE").orElseThrow().chart().placement())
                .isEqualTo(ChartHint.Placement.THRESHOLD_PANEL);
    }

    @Test
    void aClassLoaderThatSeesNoProviderGivesAnEmptyCatalogue() {
        ClassLoader bootOnly = new ClassLoader(null) {
        };
        assertThat(OpCatalogue.discover(bootOnly).names()).isEmpty();
    }

    @Test
    void theSignatureIsWrittenFromTheTypedParams() {
        OpDefinition probe = OpCatalogue.standard().definition("spi_probe").orElseThrow();
        assertThat(probe.signature()).isEqualTo("spi_probe(column[, n=3])");
        assertThat(OpCatalogue.standard().definition("gt").orElseThrow().signature())
                .isEqualTo("gt(a, b[, tolerance=0])");
        assertThat(OpCatalogue.standard().definition("bullish").orElseThrow().signature()).isEqualTo("bullish()");
    }

    @Test
    void argumentsAreCheckedAgainstTheParamsWithOneMessageStyle() {
        OpCatalogue c = OpCatalogue.standard();
        assertThatThrownBy(() -> c.parse("spi_probe(x,0)"))
                .hasMessage("spi_probe: n (argument 2) must be a whole number >= 1, got 0; "
                        + "usage: spi_probe(column[, n=3])");
        assertThatThrownBy(() -> c.parse("spi_probe(x,3,4)"))
                .hasMessage("spi_probe: takes 1 to 2 arguments, got 3 [x, 3, 4]; usage: spi_probe(column[, n=3])");
        assertThatThrownBy(() -> c.parse("spi_probe(2)"))
                .hasMessage("spi_probe: column (argument 1) must be a column name (letters, digits, _), got 2; "
                        + "usage: spi_probe(column[, n=3])");
        assertThatThrownBy(() -> ArgumentChecks.windows("sma", "window", 1, 14, 7, 14))
                .hasMessage("sma: window 14 must be listed once (each window makes one column), got it twice in "
                        + "[14, 7, 14]");
    }

    @Test
    void aNameRegisteredTwiceAndASpecOpDrawnTwoWaysAreRefused() {
        OpDefinition probe = OpCatalogue.standard().definition("spi_probe").orElseThrow();
        assertThatThrownBy(() -> OpCatalogue.standard().toBuilder().add(probe))
                .hasMessageContaining("op 'spi_probe' is registered twice");
        OpDefinition clash = OpDefinition.builder("other_probe").factory(a -> null)
                .output(OpOutput.of("SPI_PROBE", "x", ChartHint.overlay())).build();
        assertThatThrownBy(() -> OpCatalogue.builder().add(probe).add(clash).build())
                .hasMessageContaining("spec op SPI_PROBE is drawn two ways");
    }

    @Test
    void unknownOpsListTheValidOnes() {
        assertThatThrownBy(() -> OpCatalogue.standard().op("nope", List.of("x")))
                .hasMessageStartingWith("unknown op 'nope' in 'nope(x)'; valid ops: abs, all, any,");
    }
}
