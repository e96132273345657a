package io.qlir.core.catalogue;

import java.util.Objects;

/**
 * One typed parameter of an op: its name, its kind, the smallest valid value, its default (when it may be left out)
 * and whether it takes one or many values. The catalogue checks every argument against its parameter before the op's
 * factory runs, and the op's signature ({@code sma(column, window...)}) is written from its parameters.
 * <pre>{@code
 * OpParam.column("column");            // a column name
 * OpParam.windows("window");           // one or more distinct whole numbers >= 1
 * OpParam.number("k", 0, 2.0);         // a finite number >= 0, 2 when left out
 * }</pre>
 *
 * @param name the name, as signatures and messages write it
 * @param kind what the argument is
 * @param min the smallest valid value (numbers only)
 * @param defaultValue the value when the argument is left out, or null when it is required
 * @param repeated whether the parameter takes one or more values (only the last parameter may)
 * @param distinct whether repeated values must differ (each makes one column)
 */
public record OpParam(String name, Kind kind, double min, Number defaultValue, boolean repeated, boolean distinct) {

    /** What an argument is. */
    public enum Kind {
        /** A column name: letters, digits and {@code _}. */
        COLUMN,
        /** A whole number. */
        WHOLE,
        /** A finite number, whole or decimal. */
        NUMBER,
        /**
         * Any argument, a name or a number, that the op reads itself: the arguments of a family of functions behind
         * one op name ({@code talib(CCI,20)}). Zero or more of them may be given.
         */
        ANY
    }

    /**
     * Validates the components.
     *
     * @param name the name, as signatures and messages write it
     * @param kind what the argument is
     * @param min the smallest valid value (numbers only)
     * @param defaultValue the value when the argument is left out, or null when it is required
     * @param repeated whether the parameter takes one or more values
     * @param distinct whether repeated values must differ
     */
    public OpParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (repeated && defaultValue != null) {
            throw new IllegalArgumentException("param " + name + ": a repeated param cannot have a default");
        }
    }

    /**
     * A required column name.
     *
     * @param name the parameter's name, for example {@code column}
     * @return the parameter
     */
    public static OpParam column(String name) {
        return new OpParam(name, Kind.COLUMN, 0, null, false, false);
    }

    /**
     * One or more column names.
     *
     * @param name the parameter's name
     * @return the parameter
     */
    public static OpParam columns(String name) {
        return new OpParam(name, Kind.COLUMN, 0, null, true, false);
    }

    /**
     * A required whole number of at least {@code min}.
     *
     * @param name the parameter's name, for example {@code period}
     * @param min the smallest valid value
     * @return the parameter
     */
    public static OpParam whole(String name, int min) {
        return new OpParam(name, Kind.WHOLE, min, null, false, false);
    }

    /**
     * A whole number of at least {@code min} that may be left out.
     *
     * @param name the parameter's name
     * @param min the smallest valid value
     * @param defaultValue the value when left out
     * @return the parameter
     */
    public static OpParam whole(String name, int min, int defaultValue) {
        return new OpParam(name, Kind.WHOLE, min, defaultValue, false, false);
    }

    /**
     * One or more whole numbers of at least {@code min}, repeats allowed (lags, counts).
     *
     * @param name the parameter's name, for example {@code n}
     * @param min the smallest valid value
     * @return the parameter
     */
    public static OpParam wholes(String name, int min) {
        return new OpParam(name, Kind.WHOLE, min, null, true, false);
    }

    /**
     * One or more distinct whole numbers of at least 1: the windows or periods of a "one vs many" op.
     *
     * @param name the parameter's name, for example {@code window}
     * @return the parameter
     */
    public static OpParam windows(String name) {
        return new OpParam(name, Kind.WHOLE, 1, null, true, true);
    }

    /**
     * A required finite number of at least {@code min}.
     *
     * @param name the parameter's name, for example {@code k}
     * @param min the smallest valid value
     * @return the parameter
     */
    public static OpParam number(String name, double min) {
        return new OpParam(name, Kind.NUMBER, min, null, false, false);
    }

    /**
     * A finite number of at least {@code min} that may be left out.
     *
     * @param name the parameter's name
     * @param min the smallest valid value
     * @param defaultValue the value when left out
     * @return the parameter
     */
    public static OpParam number(String name, double min, double defaultValue) {
        return new OpParam(name, Kind.NUMBER, min, defaultValue, false, false);
    }

    /**
     * The arguments the op checks itself, zero or more: names and numbers as parsed, passed on unchanged.
     *
     * @param name the parameter's name, for example {@code args}
     * @return the parameter
     */
    public static OpParam anyArguments(String name) {
        return new OpParam(name, Kind.ANY, 0, null, true, false);
    }

    /**
     * Whether the argument may be left out.
     *
     * @return true when there is a default
     */
    public boolean optional() {
        return defaultValue != null;
    }

    /**
     * What a valid value is, for messages and help: {@code a whole number >= 1}.
     *
     * @return the description
     */
    public String valid() {
        return switch (kind) {
            case COLUMN -> "a column name (letters, digits, _)";
            case WHOLE -> "a whole number >= " + ArgumentChecks.numberText(min);
            case NUMBER -> "a finite number >= " + ArgumentChecks.numberText(min);
            case ANY -> "a column name or a number";
        };
    }

    /** How a signature writes this parameter: {@code window...}, {@code k=2}. */
    String signatureText() {
        if (repeated) {
            return name + "...";
        }
        return optional() ? name + "=" + ArgumentChecks.numberText(defaultValue.doubleValue()) : name;
    }
}
