package io.qlir.core.catalogue;

import java.util.Arrays;

/**
 * The one place where op arguments are checked, for façade methods ({@code Temporal.lag}, {@code Indicators.sma})
 * and the op language alike, so every bad argument reads the same way: the op, the input, what would be valid and
 * what was given.
 * <pre>{@code
 * int[] ws = ArgumentChecks.windows("sma", "window", 1, windows);
 * // sma: window must be a whole number >= 1, got 0 in [0, 14]
 * }</pre>
 */
public final class ArgumentChecks {

    /**
     * The largest whole-number argument (window, period, lag, count): the longest array a JVM makes. A window longer
     * than the table is valid (its column is all NaN); one longer than any table could be is a mistake, and kernels
     * add block sizes to windows, which must not overflow.
     */
    public static final int MAX_WHOLE = Integer.MAX_VALUE - 8;

    private ArgumentChecks() {
    }

    /**
     * The error for one bad input, in the style every check uses: {@code "{op}: {input} must be {valid}, got
     * {given}"}.
     *
     * @param op the op's name, for example {@code sma}
     * @param input the input, for example {@code window} or {@code window (argument 2)}
     * @param valid what would be valid, for example {@code a whole number >= 1}
     * @param given what was given, already rendered
     * @return the exception, for the caller to throw
     */
    public static IllegalArgumentException invalid(String op, String input, String valid, String given) {
        return new IllegalArgumentException(op + ": " + input + " must be " + valid + ", got " + given);
    }

    /**
     * Checks one whole number.
     *
     * @param op the op's name
     * @param input what the number is, for example {@code period}
     * @param min the smallest valid value
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException when it is below {@code min}
     */
    public static int atLeast(String op, String input, int min, int value) {
        if (value < min || value > MAX_WHOLE) {
            throw invalid(op, input, wholeRange(min, value), String.valueOf(value));
        }
        return value;
    }

    /**
     * Checks a "one or many" list of whole numbers (lags, counts) that may repeat: each at least {@code min}.
     *
     * @param op the op's name
     * @param input what the numbers are, for example {@code n}
     * @param min the smallest valid value
     * @param first the first value
     * @param more the other values
     * @return all values, in the caller's order
     * @throws IllegalArgumentException when one is below {@code min}
     */
    public static int[] allAtLeast(String op, String input, int min, int first, int... more) {
        int[] all = new int[1 + more.length];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return checkAll(op, input, min, all);
    }

    private static int[] checkAll(String op, String input, int min, int[] values) {
        if (values == null || values.length == 0) {
            throw invalid(op, input, "given at least once (a whole number >= " + min + ")", "none");
        }
        int[] copy = values.clone();
        for (int v : copy) {
            if (v < min || v > MAX_WHOLE) {
                throw invalid(op, input, wholeRange(min, v), v + " in " + Arrays.toString(copy));
            }
        }
        return copy;
    }

    /** Below the minimum, the short form every caller knows; above the maximum, the whole range and why. */
    static String wholeRange(int min, int value) {
        return value < min ? "a whole number >= " + min
                : "a whole number from " + min + " to " + MAX_WHOLE + " (the longest column a table can hold)";
    }

    /**
     * Checks a "one or many" list of windows or periods: at least one, each at least {@code min}, none twice (each
     * makes one column).
     *
     * @param op the op's name
     * @param input what the numbers are, for example {@code window}
     * @param min the smallest valid value
     * @param values the values
     * @return a copy of the values, in the caller's order
     * @throws IllegalArgumentException when there is none, one is below {@code min} or one is listed twice
     */
    public static int[] windows(String op, String input, int min, int... values) {
        int[] copy = checkAll(op, input, min, values);
        int[] sorted = copy.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw invalid(op, input + " " + sorted[i], "listed once (each " + input + " makes one column)",
                        "it twice in " + Arrays.toString(copy));
            }
        }
        return copy;
    }

    /**
     * Checks a finite number that is not negative (a width, a tolerance).
     *
     * @param op the op's name
     * @param input what the number is, for example {@code k}
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException when it is negative, NaN or infinite
     */
    public static double nonNegative(String op, String input, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(op, input, "a finite number >= 0", String.valueOf(value));
        }
        return value;
    }

    /**
     * Checks a column name given to a façade method.
     *
     * @param op the op's name
     * @param input what the column is, for example {@code column}
     * @param column the name
     * @return the name
     * @throws IllegalArgumentException when it is null or blank
     */
    public static String column(String op, String input, String column) {
        if (column == null || column.isBlank()) {
            throw invalid(op, input, "the name of a column such as close", column == null ? "null" : describe(column));
        }
        return column;
    }

    /**
     * Renders a given argument for a message: strings quoted, numbers as written.
     *
     * @param value the argument
     * @return its text
     */
    public static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    static String numberText(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
