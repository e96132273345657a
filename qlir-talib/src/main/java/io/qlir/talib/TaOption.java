package io.qlir.talib;

import io.qlir.semantics.Param;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One optional parameter of a TA-Lib function, as TA-Lib's metadata describes it: its name, kind, default and range.
 *
 * <p>Names are TA-Lib's without the {@code optIn} prefix, in snake case ({@code optInTimePeriod} is
 * {@code time_period}, {@code optInFastK_Period} is {@code fast_k_period},
 * {@code optInMAType} is {@code ma_type}); they are the param names of the specs.
 * <pre>{@code
 * TaOption period = TaLib.function("CCI").options().get(0);   // time_period, INTEGER, default 14, 2..100000
 * }</pre>
 *
 * @param name the snake-case name, for example {@code time_period}
 * @param label TA-Lib's display name, for example {@code Time Period}
 * @param kind a whole number, a real number or a moving-average type
 * @param defaultValue TA-Lib's default (for {@link Kind#MA_TYPE} the index of the type in {@link #MA_TYPES})
 * @param min the smallest value TA-Lib accepts
 * @param max the largest value TA-Lib accepts
 */
public record TaOption(String name, String label, Kind kind, double defaultValue, double min, double max) {

    /**
     * The moving-average types in TA-Lib's order: a {@link Kind#MA_TYPE} option accepts the name or its index
     * ({@code ema} or {@code 1}).
     */
    public static final List<String> MA_TYPES = List.of("sma", "ema", "wma", "dema", "tema", "trima", "kama", "mama",
            "t3");

    /** The moving-average types whose value at row {@code i} depends on every earlier row (recursive averages). */
    static final List<String> RECURSIVE_MA_TYPES = List.of("ema", "dema", "tema", "kama", "mama", "t3");

    /** What values an option takes. */
    public enum Kind {
        /** A whole number, such as a period. */
        INTEGER,
        /** A real number, such as a number of deviations. */
        REAL,
        /** A moving-average type, by name ({@code sma}) or by index ({@code 0}). */
        MA_TYPE
    }

    /**
     * Validates the components.
     *
     * @param name the snake-case name, for example {@code time_period}
     * @param label TA-Lib's display name, for example {@code Time Period}
     * @param kind a whole number, a real number or a moving-average type
     * @param defaultValue TA-Lib's default
     * @param min the smallest value TA-Lib accepts
     * @param max the largest value TA-Lib accepts
     */
    public TaOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The default in the form the op language writes it: {@code 14}, {@code 2}, {@code 0.02}, {@code sma}.
     *
     * @return the default's text
     */
    public String defaultText() {
        return switch (kind) {
            case INTEGER -> Integer.toString((int) defaultValue);
            case REAL -> Param.render(defaultValue);
            case MA_TYPE -> MA_TYPES.get((int) defaultValue);
        };
    }

    /**
     * Reads one argument for this option, as the op language gave it.
     *
     * @param value a whole number, a real number, or an MA-type name
     * @return the canonical value: an {@code Integer}, a {@code Double}, or the lower-case MA-type name
     * @throws IllegalArgumentException naming the option and what would be valid
     */
    Object read(Object value) {
        switch (kind) {
            case INTEGER:
                if (value instanceof Integer i && i >= min && i <= max) {
                    return i;
                }
                throw invalid(value, "a whole number from " + (long) min + " to " + (long) max);
            case REAL:
                if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= min
                        && n.doubleValue() <= max) {
                    return n.doubleValue();
                }
                throw invalid(value, "a number from " + Param.render(min) + " to " + Param.render(max));
            default:
                if (value instanceof Integer i && i >= 0 && i < MA_TYPES.size()) {
                    return MA_TYPES.get(i);
                }
                if (value instanceof String s && MA_TYPES.contains(s.toLowerCase(Locale.ROOT))) {
                    return s.toLowerCase(Locale.ROOT);
                }
                throw invalid(value, "an MA type, one of " + String.join(", ", MA_TYPES) + " or its index 0.."
                        + (MA_TYPES.size() - 1));
        }
    }

    /**
     * This option's default, in the canonical form {@link #read(Object)} returns.
     *
     * @return the default value
     */
    Object defaultCanonical() {
        return switch (kind) {
            case INTEGER -> (int) defaultValue;
            case REAL -> defaultValue;
            case MA_TYPE -> MA_TYPES.get((int) defaultValue);
        };
    }

    private IllegalArgumentException invalid(Object value, String valid) {
        String shown = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return new IllegalArgumentException(name + " must be " + valid + ", got " + shown);
    }
}
