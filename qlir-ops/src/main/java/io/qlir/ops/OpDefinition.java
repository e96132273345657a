package io.qlir.ops;

import io.qlir.core.Op;
import java.util.Objects;
import java.util.function.Function;

/**
 * One op of the op language: its name, its signature as users read it, and how parsed arguments become an
 * {@link Op}.
 *
 * <p>The factory reads its arguments through {@link OpArgs}, whose accessors fail with one message naming the op and
 * showing the signature, and returns an op whose {@link Op#toText()} parses back to an equal op (write params in
 * canonical form: defaults filled in or left out consistently).
 * <pre>{@code
 * OpDefinition sma = new OpDefinition("sma", "sma(column, window...)", "simple moving average",
 *         a -> { a.arity(2, Integer.MAX_VALUE); ... });
 * }</pre>
 *
 * @param name the op-language name, lower snake case ({@code range_shock})
 * @param signature the call as documentation writes it ({@code sma(column, window...)})
 * @param summary one line saying what the op computes
 * @param factory builds the op from the parsed arguments
 */
public record OpDefinition(String name, String signature, String summary, Function<OpArgs, Op> factory) {

    /**
     * Validates the components.
     *
     * @param name the op-language name, lower snake case ({@code range_shock})
     * @param signature the call as documentation writes it ({@code sma(column, window...)})
     * @param summary one line saying what the op computes
     * @param factory builds the op from the parsed arguments
     */
    public OpDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(factory, "factory");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("op name '" + name + "' must be lower snake case, like 'range_shock'");
        }
    }

    /**
     * Builds the op for some arguments.
     *
     * @param args the parsed arguments
     * @return the op
     * @throws IllegalArgumentException naming the op and its signature when the arguments do not fit
     */
    public Op create(OpArgs args) {
        return Objects.requireNonNull(factory.apply(args), "factory of " + name + " returned null");
    }
}
