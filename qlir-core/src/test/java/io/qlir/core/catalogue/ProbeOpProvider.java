package io.qlir.core.catalogue;

import io.qlir.core.Op;
import io.qlir.core.primitives.Temporal;
import java.util.List;

/**
 * An op provider defined in test scope and registered in the tests' {@code META-INF/services}, as a module such as
 * qlir-talib would register its ops: the standard catalogue must find it without qlir-core naming it.
 */
public final class ProbeOpProvider implements OpProvider {

    /** Called by the service loader. */
    public ProbeOpProvider() {
    }

    @Override
    public List<OpDefinition> definitions() {
        return List.of(OpDefinition.builder("spi_probe")
                .summary("a lag registered by a test-scope provider")
                .params(OpParam.column("column"), OpParam.whole("n", 1, 3))
                .rows("[i-n .. i-n], warm-up n")
                .output(OpOutput.of("SPI_PROBE", "{column}_lag_{n}", ChartHint.threshold("probe panel")))
                .factory(a -> {
                    String column = a.column("column");
                    int n = a.integer("n");
                    return Op.of("spi_probe", List.of(column, n), t -> Temporal.lag(t, column, n));
                })
                .build());
    }
}
