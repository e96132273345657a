package io.qlir.core.catalogue;

import java.util.Objects;

/**
 * One kind of column an op writes: the op name its {@code RowDerivationSpec} carries, how its columns are named, and
 * how a chart draws it. Charts find an output by the spec op of a column, so they never match op names themselves.
 * <pre>{@code
 * OpOutput.of("SMA", "{column}_sma_{window}", ChartHint.overlay());
 * }</pre>
 *
 * @param specOp the op written into the column's spec, for example {@code SMA}
 * @param columns how the columns are named, for example {@code {column}_sma_{window}}
 * @param chart how a chart draws them
 */
public record OpOutput(String specOp, String columns, ChartHint chart) {

    /**
     * Validates the components.
     *
     * @param specOp the op written into the column's spec
     * @param columns how the columns are named
     * @param chart how a chart draws them
     */
    public OpOutput {
        Objects.requireNonNull(specOp, "specOp");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(chart, "chart");
    }

    /**
     * An output.
     *
     * @param specOp the op written into the column's spec, for example {@code SMA}
     * @param columns how the columns are named, for example {@code {column}_sma_{window}}
     * @param chart how a chart draws them
     * @return the output
     */
    public static OpOutput of(String specOp, String columns, ChartHint chart) {
        return new OpOutput(specOp, columns, chart);
    }
}
