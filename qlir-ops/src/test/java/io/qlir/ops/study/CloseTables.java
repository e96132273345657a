package io.qlir.ops.study;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Hand-built single-column tables for the study's tests. */
final class CloseTables {

    private CloseTables() {
    }

    /** A table with one column {@code close}. */
    static Table close(double... values) {
        return Table.create("t", DoubleColumn.create("close", values));
    }

    /**
     * A series whose bar-to-bar moves follow a pattern: {@code U} up by 1, {@code D} down by 1, {@code F} flat, for
     * bars 1..n (bar 0 starts at 100 and has no direction).
     */
    static Table pattern(String moves) {
        double[] x = new double[moves.length() + 1];
        x[0] = 100;
        for (int i = 0; i < moves.length(); i++) {
            char m = moves.charAt(i);
            x[i + 1] = x[i] + (m == 'U' ? 1 : m == 'D' ? -1 : 0);
        }
        return close(x);
    }
}
