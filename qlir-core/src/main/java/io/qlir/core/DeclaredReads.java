package io.qlir.core;

import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of which <em>table</em> columns a derived column may depend on, according to its spec.
 *
 * <p>A spec's input is usually a column of the input table; then the spec's {@code reads} window applies to it
 * directly. An input may also be a column the same op created first (an intermediate such as {@code range_pct});
 * then the windows compose: reading {@code [a..b]} of a column that itself read {@code [c..d]} of {@code high} reads
 * {@code [a+c .. b+d]} of {@code high}.
 */
final class DeclaredReads {

    private final Map<String, RowDerivationSpec> specsByOutput;
    private final Set<String> tableColumns;

    DeclaredReads(List<RowDerivationSpec> specs, Set<String> tableColumns) {
        this.specsByOutput = new LinkedHashMap<>();
        for (RowDerivationSpec s : specs) {
            specsByOutput.put(s.output(), s);
        }
        this.tableColumns = tableColumns;
    }

    /** For one derived column: each table column it declares, with the windows through which it reads it. */
    Map<String, List<RowWindow>> of(String output) {
        return resolve(output, new HashSet<>());
    }

    private Map<String, List<RowWindow>> resolve(String output, Set<String> visiting) {
        Map<String, List<RowWindow>> out = new LinkedHashMap<>();
        RowDerivationSpec spec = specsByOutput.get(output);
        if (spec == null || !visiting.add(output)) {
            return out;
        }
        for (String input : spec.inputs()) {
            if (tableColumns.contains(input)) {
                out.computeIfAbsent(input, k -> new ArrayList<>()).add(spec.reads());
            } else if (specsByOutput.containsKey(input)) {
                resolve(input, visiting).forEach((column, windows) -> {
                    for (RowWindow w : windows) {
                        out.computeIfAbsent(column, k -> new ArrayList<>()).add(compose(spec.reads(), w));
                    }
                });
            }
        }
        visiting.remove(output);
        return out;
    }

    static RowWindow compose(RowWindow outer, RowWindow inner) {
        int to = outer.to() + inner.to();
        if (outer.isUnboundedPast() || inner.isUnboundedPast()) {
            return RowWindow.unboundedPast(to);
        }
        return RowWindow.of(outer.from() + inner.from(), to);
    }

    static boolean covers(List<RowWindow> windows, int row, int inputRow) {
        for (RowWindow w : windows) {
            if (w.covers(row, inputRow)) {
                return true;
            }
        }
        return false;
    }

    /** The input rows that row {@code row} may read through these windows, for a message: {@code 7..9, 12}. */
    static String rows(List<RowWindow> windows, int row) {
        List<String> parts = new ArrayList<>();
        for (RowWindow w : windows) {
            long hi = (long) row + w.to();
            if (w.isUnboundedPast()) {
                parts.add("0.." + hi);
            } else {
                long lo = (long) row + w.from();
                parts.add(lo == hi ? Long.toString(lo) : lo + ".." + hi);
            }
        }
        return String.join(", ", parts);
    }
}
