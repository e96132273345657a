package io.qlir.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one derived column read and how: the contract between an op and the researcher using its output.
 *
 * <p>A spec says which input columns and which rows relative to the written row {@code i} were read ({@link
 * #reads()}), the op's params in declared order, and the first row that can be defined ({@link #warmup()}). It is
 * declared by hand beside the op's code, never inferred, and {@code Causality.check} in qlir-core tests it by
 * running the op on truncated and perturbed tables. Every spec renders in one generic format:
 * <pre>{@code
 * RowDerivationSpec spec = RowDerivationSpec.builder("SMA")
 *         .baseColumn("close").param("window", 14)
 *         .reads(RowWindow.trailing(14)).output("close_sma_14").warmup(13).build();
 * spec.render();
 * // SMA(base_col=close, window=14, rows_used=[i-13 .. i], write_col=close_sma_14, write_row=i)
 * }</pre>
 *
 * @param op the op's display name, upper case by convention ({@code SMA}, {@code RANGE_SHOCK})
 * @param inputs the input columns read, in order
 * @param reads the rows read, relative to the written row
 * @param output the column written
 * @param scope whether the column is an output or an intermediate step
 * @param alignment when the value can be known (see {@link Alignment})
 * @param params the op's params in declared order; a column argument appears first as {@code base_col}
 * @param warmup the index of the first row that can be defined (0 when every row can be)
 */
public record RowDerivationSpec(
        String op,
        List<String> inputs,
        RowWindow reads,
        String output,
        Scope scope,
        Alignment alignment,
        List<Param> params,
        int warmup) {

    /**
     * Validates the components.
     *
     * @param op the op's display name, upper case by convention ({@code SMA}, {@code RANGE_SHOCK})
     * @param inputs the input columns read, in order
     * @param reads the rows read, relative to the written row
     * @param output the column written
     * @param scope whether the column is an output or an intermediate step
     * @param alignment when the value can be known (see {@link Alignment})
     * @param params the op's params in declared order; a column argument appears first as {@code base_col}
     * @param warmup the index of the first row that can be defined (0 when every row can be)
     */
    public RowDerivationSpec {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(alignment, "alignment");
        inputs = List.copyOf(inputs);
        params = List.copyOf(params);
        if (op.isBlank() || output.isBlank()) {
            throw new IllegalArgumentException("op and output must not be blank");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup + " for " + output);
        }
    }

    /**
     * Starts a spec for an op.
     *
     * @param op the op's display name, for example {@code SMA}
     * @return a builder with scope {@code OUTPUT}, alignment {@code EXECUTION_SAFE} and warm-up 0
     */
    public static Builder builder(String op) {
        return new Builder(op);
    }

    /**
     * The value of a param by name.
     *
     * @param name the param's name
     * @return its value
     * @throws IllegalArgumentException when the spec has no such param (the message lists the ones it has)
     */
    public Object param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        throw new IllegalArgumentException("spec of " + output + " has no param '" + name + "'; it has "
                + params.stream().map(Param::name).collect(Collectors.toList()));
    }

    /**
     * The one line every spec is shown and logged as:
     * {@code OP(<params in declared order>, rows_used=[…], write_col=…, write_row=i)}.
     *
     * @return the rendered spec
     */
    public String render() {
        StringBuilder sb = new StringBuilder(op).append('(');
        for (Param p : params) {
            sb.append(p.name()).append('=').append(p.renderValue()).append(", ");
        }
        return sb.append("rows_used=").append(reads.describe())
                .append(", write_col=").append(output)
                .append(", write_row=i)").toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Builds a {@link RowDerivationSpec}; the order of {@code param} calls is the declared order. */
    public static final class Builder {
        private final String op;
        private final List<String> inputs = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private RowWindow reads;
        private String output;
        private Scope scope = Scope.OUTPUT;
        private Alignment alignment = Alignment.EXECUTION_SAFE;
        private int warmup;

        private Builder(String op) {
            this.op = Objects.requireNonNull(op, "op");
        }

        /**
         * Declares the column argument: adds it as the first input and as the param {@code base_col}.
         *
         * @param column the column the op was applied to
         * @return this builder
         */
        public Builder baseColumn(String column) {
            inputs.add(0, column);
            params.add(0, new Param("base_col", column));
            return this;
        }

        /**
         * Adds input columns read besides the base column (for example {@code high, low, open}).
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder inputs(String... columns) {
            inputs.addAll(List.of(columns));
            return this;
        }

        /**
         * Appends a param; the order of calls is the order shown.
         *
         * @param name the param's name
         * @param value its value
         * @return this builder
         */
        public Builder param(String name, Object value) {
            params.add(new Param(name, value));
            return this;
        }

        /**
         * Sets the rows read.
         *
         * @param window the rows relative to the written row
         * @return this builder
         */
        public Builder reads(RowWindow window) {
            this.reads = window;
            return this;
        }

        /**
         * Sets the written column.
         *
         * @param column the output column's name
         * @return this builder
         */
        public Builder output(String column) {
            this.output = column;
            return this;
        }

        /**
         * Sets the scope (default {@link Scope#OUTPUT}).
         *
         * @param scope output or intermediate
         * @return this builder
         */
        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets the alignment (default {@link Alignment#EXECUTION_SAFE}).
         *
         * @param alignment when the value can be known
         * @return this builder
         */
        public Builder alignment(Alignment alignment) {
            this.alignment = alignment;
            return this;
        }

        /**
         * Sets the index of the first row that can be defined (default 0).
         *
         * @param firstDefinedRow the warm-up
         * @return this builder
         */
        public Builder warmup(int firstDefinedRow) {
            this.warmup = firstDefinedRow;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws NullPointerException when reads or output were not set
         */
        public RowDerivationSpec build() {
            return new RowDerivationSpec(op, inputs, reads, output, scope, alignment, params, warmup);
        }
    }
}
