package io.qlir.core.catalogue;

import io.qlir.core.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The one table of ops: name to {@link OpDefinition}, and the op language over it (text to {@link Op} values). The
 * CLI's op list and help, charts (by the spec op of a column, {@link #output(String)}), pipelines and the docs' op
 * table all read it.
 *
 * <p>A catalogue is immutable. {@link #standard()} holds every op whose module is on the class path, each module
 * adding its own through an {@link OpProvider}; build your own with {@link #toBuilder()} to add ops of yours.
 * <pre>{@code
 * Op op = OpCatalogue.standard().parse("sma(close,14,50)");
 * op.toText();                       // sma(close,14,50), which parses back to an equal op
 * OpCatalogue mine = OpCatalogue.standard().toBuilder().add(myDefinition).build();
 * }</pre>
 */
public final class OpCatalogue {

    private final Map<String, OpDefinition> byName;
    private final Map<String, OpOutput> bySpecOp;

    private OpCatalogue(Map<String, OpDefinition> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        Map<String, OpOutput> outputs = new TreeMap<>();
        for (OpDefinition d : this.byName.values()) {
            for (OpOutput o : d.outputs()) {
                OpOutput previous = outputs.putIfAbsent(o.specOp(), o);
                if (previous != null && previous.chart().placement() != o.chart().placement()) {
                    throw new IllegalArgumentException("spec op " + o.specOp() + " is drawn two ways: as "
                            + previous.chart().describe() + " and, by op " + d.name() + ", as " + o.chart().describe());
                }
            }
        }
        this.bySpecOp = Collections.unmodifiableMap(outputs);
    }

    /**
     * Every op of the modules on the class path, found once through {@link OpProvider} services.
     *
     * @return the shared standard catalogue
     * @throws IllegalArgumentException when two providers register the same op name
     */
    public static OpCatalogue standard() {
        return Standard.CATALOGUE;
    }

    /**
     * A catalogue of the providers a class loader finds, for class paths other than qlir's own.
     *
     * @param loader the class loader to search
     * @return the catalogue
     * @throws IllegalArgumentException when two providers register the same op name
     */
    public static OpCatalogue discover(ClassLoader loader) {
        List<OpProvider> providers = new ArrayList<>();
        ServiceLoader.load(OpProvider.class, loader).forEach(providers::add);
        providers.sort(Comparator.comparing(p -> p.getClass().getName()));
        Builder b = builder();
        providers.forEach(p -> b.addAll(p.definitions()));
        return b.build();
    }

    /**
     * An empty builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this catalogue's definitions.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return builder().addAll(byName.values());
    }

    /**
     * Parses one op.
     *
     * @param text for example {@code sma(close,14,50)}
     * @return the op
     * @throws IllegalArgumentException for a syntax error, an unknown op (listing the valid ones), a wrong number of
     *     arguments or a bad argument (showing the op's signature)
     */
    public Op parse(String text) {
        OpParser.Call call = OpParser.parseOne(text);
        return create(call.name(), call.args(), call.text());
    }

    /**
     * Parses ops separated by {@code ;} or new lines; blank statements are skipped.
     *
     * @param text for example {@code sma(close,14,50); arp(14)}
     * @return the ops in order
     * @throws IllegalArgumentException for the first statement that does not parse, as {@link #parse(String)}
     */
    public List<Op> parseAll(String text) {
        List<Op> ops = new ArrayList<>();
        for (OpParser.Call call : OpParser.parseAll(text)) {
            ops.add(create(call.name(), call.args(), call.text()));
        }
        return ops;
    }

    /**
     * Builds an op from a name and arguments, as if parsed.
     *
     * @param name the op's name, for example {@code sma}
     * @param args its arguments: column names as strings, numbers (or strings that read as numbers)
     * @return the op
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public Op op(String name, List<?> args) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "" : ",").append(args.get(i));
        }
        return create(name, args, text.append(')').toString());
    }

    /**
     * The definition of an op.
     *
     * @param name the op's name
     * @return the definition, or empty when there is no such op
     */
    public Optional<OpDefinition> definition(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Every definition, sorted by name.
     *
     * @return the definitions
     */
    public List<OpDefinition> definitions() {
        return List.copyOf(byName.values());
    }

    /**
     * Every op name, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The output that writes columns with this spec op, which tells a chart how to draw them.
     *
     * @param specOp the op of a column's {@code RowDerivationSpec}, for example {@code SMA}
     * @return the output, or empty for a spec op no op here declares
     */
    public Optional<OpOutput> output(String specOp) {
        return Optional.ofNullable(bySpecOp.get(specOp));
    }

    private Op create(String name, List<?> args, String text) {
        OpDefinition def = byName.get(name);
        if (def == null) {
            throw new IllegalArgumentException("unknown op '" + name + "' in '" + text + "'; valid ops: "
                    + String.join(", ", byName.keySet()));
        }
        return def.create(args);
    }

    /** Collects definitions; a name may be registered once. */
    public static final class Builder {
        private final Map<String, OpDefinition> byName = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds one definition.
         *
         * @param definition the op
         * @return this builder
         * @throws IllegalArgumentException when an op of that name is already registered
         */
        public Builder add(OpDefinition definition) {
            Objects.requireNonNull(definition, "definition");
            OpDefinition previous = byName.putIfAbsent(definition.name(), definition);
            if (previous != null) {
                throw new IllegalArgumentException("op '" + definition.name() + "' is registered twice: "
                        + previous.signature() + " and " + definition.signature());
            }
            return this;
        }

        /**
         * Adds many definitions.
         *
         * @param definitions the ops
         * @return this builder
         * @throws IllegalArgumentException when a name is registered twice
         */
        public Builder addAll(Collection<OpDefinition> definitions) {
            definitions.forEach(this::add);
            return this;
        }

        /**
         * Builds the catalogue.
         *
         * @return an immutable catalogue
         * @throws IllegalArgumentException when two outputs of one spec op are drawn different ways
         */
        public OpCatalogue build() {
            return new OpCatalogue(byName);
        }
    }

    /** The standard catalogue, discovered on first use. */
    private static final class Standard {
        static final OpCatalogue CATALOGUE = discover(OpCatalogue.class.getClassLoader());
    }
}
