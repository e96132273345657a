package io.qlir.core;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * What {@link Causality#check(Op, Table)} found: either nothing ({@link #ok()}) or a list of failures, each naming the
 * column, the row and what went wrong, plus the random seed that reproduces them.
 *
 * <pre>{@code
 * CausalityReport report = Causality.check(op, candles);
 * report.assertOk();      // AssertionError naming column, row and seed, when a spec is not true
 * }</pre>
 */
public final class CausalityReport {

    /** How many failures {@link #assertOk()} lists in its message before summarising the rest. */
    private static final int SHOWN = 12;

    private final String op;
    private final long seed;
    private final List<String> columns;
    private final List<Failure> failures;
    private final int runs;

    CausalityReport(String op, long seed, List<String> columns, List<Failure> failures, int runs) {
        this.op = op;
        this.seed = seed;
        this.columns = List.copyOf(columns);
        this.failures = List.copyOf(failures);
        this.runs = runs;
    }

    /** Which property of a spec a failure refutes. */
    public enum Violation {
        /** Truncating the table after row {@code k} changed an output row {@code <= k}: the op read a later row. */
        LOOKAHEAD,
        /** Changing input row {@code j} changed an output row whose declared {@code reads} window excludes {@code j}. */
        WINDOW,
        /** Changing a column the spec does not list among its inputs changed the output. */
        UNDECLARED_INPUT,
        /** A row before the declared {@code warmup} holds a value. */
        WARMUP,
        /** The op threw on a truncated or perturbed table (ops must handle any length and any values). */
        OP_ERROR,
        /** The op created no column, so there was nothing to check. */
        NO_OUTPUT
    }

    /**
     * One refuted claim.
     *
     * @param violation which property failed
     * @param column the output column, or the op's text for failures that concern no single column
     * @param row the output row, or -1 when no single row is concerned
     * @param detail what was observed, in a sentence
     */
    public record Failure(Violation violation, String column, int row, String detail) {

        /**
         * Validates the components.
         *
         * @param violation which property failed
         * @param column the output column, or the op's text for failures that concern no single column
         * @param row the output row, or -1 when no single row is concerned
         * @param detail what was observed, in a sentence
         */
        public Failure {
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(detail, "detail");
        }

        /**
         * One line: {@code close_mean_3 row 17: WINDOW: ...}.
         *
         * @return the rendered failure
         */
        public String render() {
            return column + (row >= 0 ? " row " + row : "") + ": " + violation + ": " + detail;
        }

        @Override
        public String toString() {
            return render();
        }
    }

    /**
     * Whether every spec held on every check.
     *
     * @return true when there are no failures
     */
    public boolean ok() {
        return failures.isEmpty();
    }

    /**
     * The failures, in the order found.
     *
     * @return the failures (empty when {@link #ok()})
     */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * The seed of the cut points and perturbed rows; pass it to {@link Causality#check(Op, Table, long)} to rerun the
     * very same checks.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The op-language text of the op checked.
     *
     * @return for example {@code rolling_mean(close,3)}
     */
    public String op() {
        return op;
    }

    /**
     * The output columns whose specs were checked.
     *
     * @return the column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * How many times the op was run (on the full table, truncations and perturbations).
     *
     * @return the number of runs
     */
    public int runs() {
        return runs;
    }

    /**
     * Fails when any check failed.
     *
     * @throws AssertionError listing the failures (column, row, what happened) and the seed that reproduces them
     */
    public void assertOk() {
        if (!ok()) {
            throw new AssertionError(describe());
        }
    }

    /**
     * The report as text: a one-line summary, then one line per failure (the first few).
     *
     * @return the description
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("causality check of ").append(op);
        if (ok()) {
            return sb.append(": ok (").append(columns.size()).append(" columns ").append(columns)
                    .append(", ").append(runs).append(" runs, seed=").append(seed).append(')').toString();
        }
        sb.append(" FAILED with ").append(failures.size()).append(failures.size() == 1 ? " failure" : " failures")
                .append(" (seed=").append(seed).append("; rerun with Causality.check(op, table, ").append(seed)
                .append("L))");
        for (int k = 0; k < Math.min(SHOWN, failures.size()); k++) {
            sb.append(System.lineSeparator()).append("  ").append(failures.get(k).render());
        }
        if (failures.size() > SHOWN) {
            sb.append(System.lineSeparator()).append("  ... and ").append(failures.size() - SHOWN).append(" more");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
