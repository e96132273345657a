package io.qlir.ops.indicators;

import java.util.Arrays;
import java.util.Objects;

/** Argument checks shared by the indicators: one message naming the op, the argument and what is valid. */
final class Params {

    private Params() {
    }

    /**
     * Checks a "one vs many" list of windows or periods: at least one, each {@code >= min}, no duplicates.
     *
     * @return a copy of the values, in the caller's order
     */
    static int[] windows(String op, String what, int min, int... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(op + " needs at least one " + what + " (an integer >= " + min
                    + "), for example " + op + "(..., 14) or " + op + "(..., 14, 50)");
        }
        int[] copy = values.clone();
        for (int v : copy) {
            if (v < min) {
                throw new IllegalArgumentException(op + ": " + what + " must be an integer >= " + min + ", got " + v
                        + " in " + Arrays.toString(copy));
            }
        }
        int[] sorted = copy.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(op + ": " + what + " " + sorted[i] + " is given twice in "
                        + Arrays.toString(copy) + "; each " + what + " makes one column, so list each once");
            }
        }
        return copy;
    }

    static int atLeast(String op, String what, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException(op + ": " + what + " must be an integer >= " + min + ", got " + value);
        }
        return value;
    }

    static double nonNegative(String op, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + what + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    static String column(String op, String column) {
        Objects.requireNonNull(column, op + ": column");
        if (column.isBlank()) {
            throw new IllegalArgumentException(op + ": the column name is blank; name a numeric column such as close");
        }
        return column;
    }
}
