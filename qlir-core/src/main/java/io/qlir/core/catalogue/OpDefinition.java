package io.qlir.core.catalogue;

import io.qlir.core.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything qlir knows about one op, in one place: its name, typed parameters (with defaults and checks), a one-line
 * summary, the rows it reads, the columns it writes and how a chart draws them, and how checked arguments become an
 * {@link Op}. The op language, the CLI's help, charts, pipelines and the docs' op table all read it.
 *
 * <p>The factory receives arguments already checked against the parameters (defaults filled in) and returns an op
 * whose {@link Op#toText()} parses back to an equal op: write params in canonical form.
 * <pre>{@code
 * OpDefinition sma = OpDefinition.builder("sma")
 *         .summary("simple moving average")
 *         .params(OpParam.column("column"), OpParam.windows("window"))
 *         .rows("[i-(w-1) .. i], warm-up w-1")
 *         .output(OpOutput.of("SMA", "{column}_sma_{window}", ChartHint.overlay()))
 *         .factory(a -> ...)
 *         .build();
 * sma.signature();                  // sma(column, window...)
 * }</pre>
 *
 * @param name the op-language name, lower snake case ({@code range_shock})
 * @param params the parameters in order; only the last may be repeated, optional ones follow required ones
 * @param summary one line saying what the op computes
 * @param rows the rows relative to the written row {@code i} that the op reads, and its warm-up
 * @param outputs the kinds of column it writes, at least one
 * @param factory builds the op from checked arguments
 */
public record OpDefinition(String name, List<OpParam> params, String summary, String rows, List<OpOutput> outputs,
        Function<OpArguments, Op> factory) {

    /**
     * Validates the components.
     *
     * @param name the op-language name, lower snake case
     * @param params the parameters in order
     * @param summary one line saying what the op computes
     * @param rows the rows the op reads, and its warm-up
     * @param outputs the kinds of column it writes
     * @param factory builds the op from checked arguments
     */
    public OpDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("op name '" + name + "' must be lower snake case, like 'range_shock'");
        }
        params = List.copyOf(params);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rows, "rows");
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(factory, "factory");
        boolean optionalSeen = false;
        for (int i = 0; i < params.size(); i++) {
            OpParam p = params.get(i);
            if (p.repeated() && i != params.size() - 1) {
                throw new IllegalArgumentException("op " + name + ": only the last param may be repeated, not "
                        + p.name());
            }
            if (optionalSeen && !p.optional()) {
                throw new IllegalArgumentException("op " + name + ": required param " + p.name()
                        + " follows an optional one");
            }
            optionalSeen |= p.optional();
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("op " + name + ": declare at least one output");
        }
    }

    /**
     * A builder for the op of this name.
     *
     * @param name the op-language name, lower snake case
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The call as documentation writes it, from the parameters: {@code sma(column, window...)},
     * {@code bollinger(column[, period=20, k=2])}.
     *
     * @return the signature
     */
    public String signature() {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (OpParam p : params) {
            (p.optional() ? optional : required).add(p.signatureText());
        }
        String opt = optional.isEmpty() ? "" : (required.isEmpty() ? "[" : "[, ") + String.join(", ", optional) + "]";
        return name + "(" + String.join(", ", required) + opt + ")";
    }

    /**
     * Builds the op for some raw arguments, checking them against the parameters first.
     *
     * @param args the arguments as parsed: column names as strings, numbers
     * @return the op
     * @throws IllegalArgumentException naming the op, the argument and what is valid, and showing the signature
     */
    public Op create(List<?> args) {
        return Objects.requireNonNull(factory.apply(new OpArguments(this, args)),
                "factory of " + name + " returned null");
    }

    /** Collects the parts of an {@link OpDefinition}. */
    public static final class Builder {
        private final String name;
        private final List<OpParam> params = new ArrayList<>();
        private final List<OpOutput> outputs = new ArrayList<>();
        private String summary = "";
        private String rows = "";
        private Function<OpArguments, Op> factory;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The one-line summary.
         *
         * @param text what the op computes
         * @return this builder
         */
        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        /**
         * Adds parameters, in call order.
         *
         * @param more the parameters
         * @return this builder
         */
        public Builder params(OpParam... more) {
            params.addAll(List.of(more));
            return this;
        }

        /**
         * The rows the op reads relative to {@code i}, and its warm-up.
         *
         * @param text for example {@code [i-(w-1) .. i], warm-up w-1}
         * @return this builder
         */
        public Builder rows(String text) {
            this.rows = text;
            return this;
        }

        /**
         * Adds a kind of column the op writes.
         *
         * @param output the output
         * @return this builder
         */
        public Builder output(OpOutput output) {
            outputs.add(output);
            return this;
        }

        /**
         * How checked arguments become the op.
         *
         * @param value the factory
         * @return this builder
         */
        public Builder factory(Function<OpArguments, Op> value) {
            this.factory = value;
            return this;
        }

        /**
         * Builds the definition. Without a declared output, the op writes one kind of column whose spec op is its
         * name in upper case, named {@code {column}_{name}_{params}}, drawn in a panel of its own.
         *
         * @return the definition
         */
        public OpDefinition build() {
            List<OpOutput> outs = outputs.isEmpty()
                    ? List.of(OpOutput.of(name.toUpperCase(Locale.ROOT), "{column}_" + name + "_{params}",
                            ChartHint.ownPanel()))
                    : outputs;
            return new OpDefinition(name, params, summary, rows, outs, factory);
        }
    }
}
