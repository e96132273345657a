package io.qlir.core;

import io.qlir.core.CausalityReport.Failure;
import io.qlir.core.CausalityReport.Violation;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/** One run of {@link Causality#check(Op, Table, Causality.Options)}: holds the reference result and the failures. */
final class CausalityRun {

    private static final Logger LOG = LoggerFactory.getLogger(Causality.class);
    private static final int MAX_FAILURES = 100;

    private final Op op;
    private final Table table;
    private final Causality.Options options;
    private final int n;
    private final SplittableRandom random;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Cells> reference = new LinkedHashMap<>();
    private final Map<String, RowDerivationSpec> specs = new LinkedHashMap<>();
    private final Map<String, Map<String, List<RowWindow>>> reads = new LinkedHashMap<>();
    private int runs;

    CausalityRun(Op op, Table table, Causality.Options options) {
        this.op = op;
        this.table = table;
        this.options = options;
        this.n = table.rowCount();
        this.random = new SplittableRandom(options.seed());
    }

    CausalityReport run() {
        Derived full = op.apply(table);
        runs++;
        if (full.columns().isEmpty()) {
            fail(Violation.NO_OUTPUT, op.toText(), -1, "the op created no column, so no spec could be checked");
        }
        DeclaredReads declared = new DeclaredReads(full.specs(), new HashSet<>(table.columnNames()));
        for (String column : full.columns()) {
            reference.put(column, Cells.of(full.table().column(column)));
            specs.put(column, full.spec(column));
            reads.put(column, declared.of(column));
        }
        checkWarmup();
        checkTruncations();
        checkPerturbations();
        CausalityReport report = new CausalityReport(op.toText(), options.seed(), List.copyOf(reference.keySet()),
                failures, runs);
        LOG.debug("{}", report.describe());
        return report;
    }

    private void checkWarmup() {
        reference.forEach((column, cells) -> {
            int warmup = specs.get(column).warmup();
            for (int r = 0; r < Math.min(warmup, n); r++) {
                if (cells.defined(r)) {
                    fail(Violation.WARMUP, column, r, "is " + cells.show(r) + " but the spec declares warmup="
                            + warmup + ", so rows 0.." + (warmup - 1) + " must be undefined (NaN or missing)");
                    return;
                }
            }
        });
    }

    private void checkTruncations() {
        for (int k : cutPoints()) {
            Derived d = tryApply(table.first(k + 1), "the table cut after row " + k);
            if (d == null) {
                continue;
            }
            reference.forEach((column, ref) -> {
                Cells cut = outputOf(d, column, "the table cut after row " + k);
                for (int r = 0; cut != null && r <= k; r++) {
                    if (!cut.same(ref, r)) {
                        fail(Violation.LOOKAHEAD, column, r, "is " + cut.show(r) + " when the table ends at row " + k
                                + " but " + ref.show(r) + " on all " + n + " rows: row " + r
                                + " depends on a row after " + k);
                        return;
                    }
                }
            });
        }
    }

    private void checkPerturbations() {
        List<String> columns = Perturbation.perturbableColumns(table);
        for (int j : perturbedRows()) {
            for (String input : columns) {
                String what = input + " changed at row " + j;
                Derived d = tryApply(Perturbation.changeCell(table, input, j), "the table with " + what);
                if (d == null) {
                    continue;
                }
                reference.forEach((column, ref) -> compare(column, ref, outputOf(d, column, what), input, j));
            }
        }
    }

    private void compare(String column, Cells ref, Cells changed, String input, int j) {
        if (changed == null) {
            return;
        }
        List<RowWindow> windows = reads.get(column).get(input);
        RowWindow declared = specs.get(column).reads();
        for (int r = 0; r < n; r++) {
            if (changed.same(ref, r)) {
                continue;
            }
            if (windows == null) {
                fail(Violation.UNDECLARED_INPUT, column, r, "changed from " + ref.show(r) + " to " + changed.show(r)
                        + " when " + input + " changed at row " + j + ", but the spec's inputs "
                        + specs.get(column).inputs() + " do not include " + input);
                return;
            }
            if (!DeclaredReads.covers(windows, r, j)) {
                fail(Violation.WINDOW, column, r, "changed from " + ref.show(r) + " to " + changed.show(r) + " when "
                        + input + " changed at row " + j + ", but the spec reads " + declared.describe()
                        + (windows.equals(List.of(declared)) ? "" : ", which through its inputs reads " + input
                                + " at " + windows.stream().map(RowWindow::describe).collect(Collectors.joining(" and ")))
                        + ", so row " + r + " may depend only on rows " + DeclaredReads.rows(windows, r));
                return;
            }
        }
    }

    private Cells outputOf(Derived d, String column, String what) {
        if (!d.table().containsColumn(column)) {
            fail(Violation.OP_ERROR, column, -1, "the op did not create " + column + " on " + what
                    + "; it created " + d.columns());
            return null;
        }
        return Cells.of(d.table().column(column));
    }

    private Derived tryApply(Table input, String what) {
        runs++;
        try {
            return op.apply(input);
        } catch (RuntimeException e) {
            fail(Violation.OP_ERROR, op.toText(), -1, "threw " + e + " on " + what);
            return null;
        }
    }

    /** Random cut points plus those around every warm-up and near the end; all in {@code [0, n-2]}. */
    private SortedSet<Integer> cutPoints() {
        SortedSet<Integer> cuts = new TreeSet<>();
        if (n < 2) {
            return cuts;
        }
        for (int c = 0; c < options.cutPoints(); c++) {
            cuts.add(random.nextInt(n - 1));
        }
        for (RowDerivationSpec s : specs.values()) {
            for (int k = s.warmup() - 1; k <= s.warmup() + 1; k++) {
                addIfIn(cuts, k, n - 2);
            }
        }
        addIfIn(cuts, n - 2, n - 2);
        addIfIn(cuts, n - 3, n - 2);
        return cuts;
    }

    /** The first and last rows, the rows at and before every warm-up, and random rows. */
    private SortedSet<Integer> perturbedRows() {
        SortedSet<Integer> rows = new TreeSet<>();
        int target = Math.min(n, options.perturbedRows());
        if (target == 0) {
            return rows;
        }
        rows.add(0);
        addIfIn(rows, n - 1, n - 1);
        for (RowDerivationSpec s : specs.values()) {
            if (rows.size() < target) {
                addIfIn(rows, s.warmup(), n - 1);
            }
        }
        for (int attempt = 0; rows.size() < target && attempt < 20 * target; attempt++) {
            rows.add(random.nextInt(n));
        }
        return rows;
    }

    private static void addIfIn(SortedSet<Integer> set, int value, int max) {
        if (value >= 0 && value <= max) {
            set.add(value);
        }
    }

    private void fail(Violation violation, String column, int row, String detail) {
        if (failures.size() < MAX_FAILURES) {
            failures.add(new Failure(violation, column, row, detail));
        }
    }
}
