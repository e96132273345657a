package io.qlir.semantics;

import java.util.Objects;

/**
 * One named parameter of a spec, in the order the op declares it.
 *
 * <p>The value is kept as given (an {@code Integer} window, a {@code Double} multiplier, an enum, a
 * {@link RowWindow}) and rendered by {@link #renderValue()}: integral doubles print without a fraction ({@code k=2}),
 * others in their shortest exact form ({@code k=2.5}), windows in their {@code [i-14 .. i-1]} form.
 *
 * @param name the param's name, for example {@code window}
 * @param value the param's value, never null
 */
public record Param(String name, Object value) {

    /**
     * Validates the components.
     *
     * @param name the param's name, for example {@code window}
     * @param value the param's value, never null
     */
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value of param " + name);
    }

    /**
     * The value as a spec line shows it.
     *
     * @return the rendered value
     */
    public String renderValue() {
        return render(value);
    }

    /**
     * Renders any param value the way a spec line shows it.
     *
     * @param value a number, string, enum, window or other value
     * @return its text: {@code 2} for {@code 2.0}, {@code 2.5} for {@code 2.5}, {@code [i-14 .. i-1]} for a window
     */
    public static String render(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (value instanceof RowWindow w) {
            return w.describe();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name + "=" + renderValue();
    }
}
