package io.qlir.semantics;

/**
 * The rows an op read to write row {@code i}, as inclusive offsets relative to {@code i}.
 *
 * <p>{@code RowWindow.of(-13, 0)} is {@code [i-13 .. i]} (a 14-bar window ending at the written row);
 * {@code RowWindow.of(-14, -1)} is {@code [i-14 .. i-1]} (the 14 bars before it, which an execution-safe baseline
 * uses); {@link #unboundedPast(int) unboundedPast(0)} is {@code [.. i]}, for recursive ops such as EMA whose value
 * depends on every earlier row. A positive offset means the op looks ahead; qlir's own ops never declare one, but
 * the type can state it so that a checker can name it.
 *
 * @param from the earliest offset read, or {@link #UNBOUNDED} for an unbounded past
 * @param to the latest offset read; {@code from <= to}
 */
public record RowWindow(int from, int to) {

    /** The value of {@link #from()} for a window that reaches back to the first row. */
    public static final int UNBOUNDED = Integer.MIN_VALUE;

    /**
     * Validates the components.
     *
     * @param from the earliest offset read, or {@link #UNBOUNDED} for an unbounded past
     * @param to the latest offset read; {@code from <= to}
     */
    public RowWindow {
        if (from > to) {
            throw new IllegalArgumentException(
                    "RowWindow from must be <= to, got from=" + from + ", to=" + to);
        }
        if (to == UNBOUNDED) {
            throw new IllegalArgumentException("RowWindow to cannot be unbounded");
        }
    }

    /**
     * A bounded window {@code [i+from .. i+to]}.
     *
     * @param from the earliest offset read (for example {@code -13})
     * @param to the latest offset read (for example {@code 0})
     * @return the window
     */
    public static RowWindow of(int from, int to) {
        if (from == UNBOUNDED) {
            throw new IllegalArgumentException("use RowWindow.unboundedPast(to) for an unbounded past");
        }
        return new RowWindow(from, to);
    }

    /**
     * The window of a trailing calculation over {@code n} rows ending at the written row: {@code [i-(n-1) .. i]}.
     *
     * @param n how many rows, at least 1
     * @return the window
     */
    public static RowWindow trailing(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a trailing window needs n >= 1, got " + n);
        }
        return new RowWindow(-(n - 1), 0);
    }

    /**
     * A window that reaches back to the first row: {@code [.. i+to]}.
     *
     * @param to the latest offset read (0 for the written row itself)
     * @return the window
     */
    public static RowWindow unboundedPast(int to) {
        return new RowWindow(UNBOUNDED, to);
    }

    /**
     * Whether the window reaches back to the first row.
     *
     * @return true for {@code [.. i]}-style windows
     */
    public boolean isUnboundedPast() {
        return from == UNBOUNDED;
    }

    /**
     * Whether writing row {@code row} may read input row {@code inputRow} under this window.
     *
     * @param row the written row {@code i}
     * @param inputRow the input row {@code j}
     * @return true when {@code i+from <= j <= i+to}
     */
    public boolean covers(int row, int inputRow) {
        long lo = isUnboundedPast() ? Long.MIN_VALUE : (long) row + from;
        long hi = (long) row + to;
        return inputRow >= lo && inputRow <= hi;
    }

    /**
     * Whether any offset lies after the written row.
     *
     * @return true when {@code to > 0}
     */
    public boolean looksAhead() {
        return to > 0;
    }

    /**
     * The window in the form used by every spec line: {@code [i-13 .. i]}, {@code [i-14 .. i-1]}, {@code [.. i]}.
     *
     * @return the rendered window
     */
    public String describe() {
        String hi = offset(to);
        return isUnboundedPast() ? "[.. " + hi + "]" : "[" + offset(from) + " .. " + hi + "]";
    }

    private static String offset(int k) {
        if (k == 0) {
            return "i";
        }
        return k < 0 ? "i-" + (-(long) k) : "i+" + k;
    }

    @Override
    public String toString() {
        return describe();
    }
}
