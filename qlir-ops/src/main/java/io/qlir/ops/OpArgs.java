package io.qlir.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of one op-language call, read by position; every accessor fails with one message that names the op,
 * the argument and the op's signature.
 *
 * <p>Arguments are column names ({@code String}), whole numbers ({@code Integer} or {@code Long}) and decimals
 * ({@code Double}), as the parser reads them.
 * <pre>{@code
 * args.arity(2, Integer.MAX_VALUE);
 * String column = args.column(0);
 * int[] windows = args.intsFrom(1, "window", 1);
 * }</pre>
 */
public final class OpArgs {

    private final OpDefinition definition;
    private final List<Object> values;

    /**
     * Arguments for a definition.
     *
     * @param definition the op being built
     * @param values the arguments: strings, whole numbers, decimals
     */
    public OpArgs(OpDefinition definition, List<?> values) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * The op-language name of the op being built.
     *
     * @return the name
     */
    public String opName() {
        return definition.name();
    }

    /**
     * How many arguments there are.
     *
     * @return the count
     */
    public int size() {
        return values.size();
    }

    /**
     * The arguments as parsed, for factories that delegate to another op table.
     *
     * @return the values (strings, whole numbers, decimals)
     */
    public List<Object> raw() {
        return values;
    }

    /**
     * Checks the number of arguments.
     *
     * @param min the fewest allowed
     * @param max the most allowed ({@code Integer.MAX_VALUE} for "and more")
     * @return this, for chaining
     * @throws IllegalArgumentException showing the signature when the count is outside {@code [min, max]}
     */
    public OpArgs arity(int min, int max) {
        int n = values.size();
        if (n < min || n > max) {
            String want = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw error("takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", got " + n
                    + (n == 0 ? "" : " " + values));
        }
        return this;
    }

    /**
     * A column name.
     *
     * @param index the argument's position, from 0
     * @return the name
     * @throws IllegalArgumentException when the argument is not a name
     */
    public String column(int index) {
        Object v = values.get(index);
        if (!(v instanceof String s) || !s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error("argument " + (index + 1) + " must be a column name (letters, digits, _), got "
                    + describe(v));
        }
        return s;
    }

    /**
     * A whole number of at least {@code min}.
     *
     * @param index the argument's position, from 0
     * @param what what the number is, for the message ({@code window})
     * @param min the smallest allowed value
     * @return the value
     * @throws IllegalArgumentException when the argument is not a whole number or is too small
     */
    public int integer(int index, String what, int min) {
        Object v = values.get(index);
        if (!(v instanceof Integer i) || i < min) {
            throw error(what + " (argument " + (index + 1) + ") must be a whole number >= " + min + ", got "
                    + describe(v));
        }
        return i;
    }

    /**
     * The whole numbers from {@code from} to the end, each at least {@code min}.
     *
     * @param from the first position, from 0
     * @param what what the numbers are, for the message ({@code window})
     * @param min the smallest allowed value
     * @return the values, at least one
     * @throws IllegalArgumentException when there is none or one is invalid
     */
    public int[] integersFrom(int from, String what, int min) {
        if (values.size() <= from) {
            throw error("needs at least one " + what + " from argument " + (from + 1));
        }
        int[] out = new int[values.size() - from];
        for (int i = from; i < values.size(); i++) {
            out[i - from] = integer(i, what, min);
        }
        return out;
    }

    /**
     * A finite number (whole or decimal) of at least {@code min}, or a default when the argument is absent.
     *
     * @param index the argument's position, from 0
     * @param what what the number is, for the message ({@code k})
     * @param min the smallest allowed value
     * @param absent the value when there are not that many arguments
     * @return the value
     * @throws IllegalArgumentException when the argument is not a finite number or is too small
     */
    public double decimal(int index, String what, double min, double absent) {
        if (index >= values.size()) {
            return absent;
        }
        Object v = values.get(index);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min) {
            throw error(what + " (argument " + (index + 1) + ") must be a number >= " + numberText(min) + ", got "
                    + describe(v));
        }
        return n.doubleValue();
    }

    /**
     * An error about these arguments, naming the op and showing its signature.
     *
     * @param problem what is wrong, for example {@code "slow must be greater than fast"}
     * @return the exception, for the caller to throw
     */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("op '" + definition.name() + "' " + problem + "; expected "
                + definition.signature());
    }

    private static String numberText(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }
}
