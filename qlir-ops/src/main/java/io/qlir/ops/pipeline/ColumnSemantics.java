package io.qlir.ops.pipeline;

import io.qlir.semantics.RowDerivationSpec;
import java.util.Objects;

/**
 * What one output column of a pipeline means row by row: the op that wrote it and its derivation spec.
 *
 * @param column the column's name, for example {@code close_sma_20}
 * @param op the op-language text of the op that wrote it, for example {@code sma(close,20,50)}
 * @param spec which inputs and which rows relative to {@code i} it read
 */
public record ColumnSemantics(String column, String op, RowDerivationSpec spec) {

    /**
     * Validates the components.
     *
     * @param column the column's name, for example {@code close_sma_20}
     * @param op the op-language text of the op that wrote it, for example {@code sma(close,20,50)}
     * @param spec which inputs and which rows relative to {@code i} it read
     */
    public ColumnSemantics {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * The rows read, as the spec line writes them, for example {@code [i-19 .. i]}.
     *
     * @return the rows used
     */
    public String rowsUsed() {
        return spec.reads().describe();
    }

    /**
     * The spec's one-line form, for example
     * {@code SMA(base_col=close, window=20, rows_used=[i-19 .. i], write_col=close_sma_20, write_row=i)}.
     *
     * @return the line
     */
    public String render() {
        return spec.render();
    }
}
