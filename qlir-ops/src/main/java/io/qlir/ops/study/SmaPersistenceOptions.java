package io.qlir.ops.study;

import io.qlir.core.Candles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The settings of the SMA direction-persistence study: which column, which windows, and whether to round the SMA.
 *
 * <p>Rounding to {@code decimals} places (half to even) before taking the direction suppresses float noise: two SMA
 * values that differ in the 12th digit are then flat, not a move. Without it, every representable difference counts.
 * <pre>{@code
 * SmaPersistenceOptions o = SmaPersistenceOptions.builder().column("close").windowRange(5, 60).decimals(2).build();
 * SmaPersistenceOptions p = SmaPersistenceOptions.builder().windows(SmaPersistenceOptions.parseWindows("5..20,50"))
 *         .build();
 * }</pre>
 *
 * @param column the numeric column to average, {@code close} by default
 * @param windows the distinct SMA windows, each at least 1, in the order given; {@code 5..60} by default
 * @param decimals the decimal places to round the SMA to before taking its direction, empty for no rounding
 */
public record SmaPersistenceOptions(String column, List<Integer> windows, OptionalInt decimals) {

    /** The first default window. */
    public static final int DEFAULT_FROM = 5;
    /** The last default window. */
    public static final int DEFAULT_TO = 60;
    /** The largest number of decimals accepted (beyond it a double has no digits left to round). */
    public static final int MAX_DECIMALS = 15;

    /**
     * Validates the components.
     *
     * @param column the numeric column to average, {@code close} by default
     * @param windows the distinct SMA windows, each at least 1, in the order given; {@code 5..60} by default
     * @param decimals the decimal places to round the SMA to before taking its direction, empty for no rounding
     * @throws IllegalArgumentException when the column is blank, there are no windows, a window is below 1 or
     *     repeated, or decimals is outside {@code 0..15}
     */
    public SmaPersistenceOptions {
        Objects.requireNonNull(decimals, "decimals");
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("the study's column must not be blank, for example close");
        }
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("the study needs at least one SMA window, for example 5..60");
        }
        Set<Integer> seen = new HashSet<>();
        for (int w : windows) {
            if (w < 1) {
                throw new IllegalArgumentException("SMA window " + w + " is invalid; windows are at least 1");
            }
            if (!seen.add(w)) {
                throw new IllegalArgumentException("SMA window " + w + " is listed twice in " + windows);
            }
        }
        if (decimals.isPresent() && (decimals.getAsInt() < 0 || decimals.getAsInt() > MAX_DECIMALS)) {
            throw new IllegalArgumentException("decimals " + decimals.getAsInt() + " is invalid; use 0.."
                    + MAX_DECIMALS + ", or no rounding");
        }
    }

    /**
     * The defaults: {@code close}, windows {@code 5..60}, no rounding.
     *
     * @return the default options
     */
    public static SmaPersistenceOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The windows {@code from..to}, both included.
     *
     * @param from the first window, at least 1
     * @param to the last window, at least {@code from}
     * @return the windows in increasing order
     * @throws IllegalArgumentException when {@code from < 1} or {@code to < from}
     */
    public static List<Integer> range(int from, int to) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("window range " + from + ".." + to + " is invalid; write from..to "
                    + "with 1 <= from <= to, for example 5..60");
        }
        List<Integer> out = new ArrayList<>();
        for (int w = from; w <= to; w++) {
            out.add(w);
        }
        return out;
    }

    /**
     * Parses a window list as the command line writes it: ranges {@code a..b} and single windows, separated by
     * commas ({@code 5..60}, {@code 5,10,20}, {@code 5..20,50}).
     *
     * @param text the list
     * @return the windows in the order written
     * @throws IllegalArgumentException naming the part that is not a window or a range
     */
    public static List<Integer> parseWindows(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("window list is empty; write for example 5..60, 5,10,20 or 5..20,50");
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    out.addAll(range(Integer.parseInt(p.substring(0, dots).strip()),
                            Integer.parseInt(p.substring(dots + 2).strip())));
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' in window list '" + text + "' is not a window or a "
                        + "range; write for example 5..60, 5,10,20 or 5..20,50", e);
            }
        }
        return out;
    }

    /** Builds {@link SmaPersistenceOptions}; starts from the defaults. */
    public static final class Builder {
        private String column = Candles.CLOSE;
        private List<Integer> windows = range(DEFAULT_FROM, DEFAULT_TO);
        private OptionalInt decimals = OptionalInt.empty();

        private Builder() {
        }

        /**
         * The column to average.
         *
         * @param column a numeric column, for example {@code close}
         * @return this builder
         */
        public Builder column(String column) {
            this.column = column;
            return this;
        }

        /**
         * The SMA windows.
         *
         * @param windows distinct windows, each at least 1
         * @return this builder
         */
        public Builder windows(int... windows) {
            List<Integer> ws = new ArrayList<>();
            for (int w : windows) {
                ws.add(w);
            }
            this.windows = ws;
            return this;
        }

        /**
         * The SMA windows.
         *
         * @param windows distinct windows, each at least 1
         * @return this builder
         */
        public Builder windows(List<Integer> windows) {
            this.windows = List.copyOf(windows);
            return this;
        }

        /**
         * The SMA windows {@code from..to}, both included.
         *
         * @param from the first window, at least 1
         * @param to the last window
         * @return this builder
         * @throws IllegalArgumentException when the range is invalid
         */
        public Builder windowRange(int from, int to) {
            this.windows = range(from, to);
            return this;
        }

        /**
         * Rounds the SMA to this many decimal places (half to even) before taking its direction.
         *
         * @param decimals {@code 0..15}
         * @return this builder
         */
        public Builder decimals(int decimals) {
            this.decimals = OptionalInt.of(decimals);
            return this;
        }

        /**
         * No rounding: every representable change of the SMA is a move (the default).
         *
         * @return this builder
         */
        public Builder noRounding() {
            this.decimals = OptionalInt.empty();
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException as the record's constructor
         */
        public SmaPersistenceOptions build() {
            return new SmaPersistenceOptions(column, windows, decimals);
        }
    }
}
