package io.qlir.ops;

import io.qlir.core.Op;
import io.qlir.core.ops.CoreOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The op language's table of ops: maps a name to an {@link OpDefinition} and turns text into {@link Op} values.
 *
 * <p>A registry is immutable. {@link #standard()} holds every op qlir ships; build your own with {@link #builder()}
 * to add ops of yours ({@code OpRegistry.builder().addAll(OpRegistry.standard().definitions()).add(mine).build()}).
 * <pre>{@code
 * Op op = OpRegistry.standard().parse("sma(close,14,50)");
 * op.toText();                       // sma(close,14,50), which parses back to an equal op
 * }</pre>
 */
public final class OpRegistry {

    private static final OpRegistry STANDARD = builder()
            .addAll(IndicatorOps.definitions())
            .addCatalogue(CoreOps.names(), CoreOps::usage, CoreOps::op)   // lag, diff, rolling_*, relations, counters
            .addAll(provided())                                          // other modules' ops (qlir-talib's talib)
            .build();

    private final Map<String, OpDefinition> byName;

    private OpRegistry(Map<String, OpDefinition> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /**
     * The registry of every op qlir ships: the indicators of qlir-ops, the core ops of qlir-core (lag, diff,
     * rolling windows, relations, counters), and the ops of modules on the class path that name an
     * {@link OpProvider} service (qlir-talib's {@code talib}).
     *
     * @return the shared standard registry
     */
    public static OpRegistry standard() {
        return STANDARD;
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
     * Parses one op.
     *
     * @param text for example {@code sma(close,14,50)}
     * @return the op
     * @throws IllegalArgumentException for a syntax error, an unknown op (listing the valid ones), a wrong number of
     *     arguments or a bad argument (showing the op's signature)
     */
    public Op parse(String text) {
        return create(OpParser.parseOne(text));
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
            ops.add(create(call));
        }
        return ops;
    }

    /**
     * Builds an op from a name and arguments, as if parsed.
     *
     * @param name the op's name, for example {@code sma}
     * @param args its arguments: column names as strings, numbers
     * @return the op
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public Op op(String name, List<?> args) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "" : ",").append(args.get(i));
        }
        return create(new OpParser.Call(name, new ArrayList<>(args), text.append(')').toString()));
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

    private static List<OpDefinition> provided() {
        List<OpDefinition> out = new ArrayList<>();
        ServiceLoader.load(OpProvider.class, OpRegistry.class.getClassLoader())
                .forEach(p -> out.addAll(p.definitions()));
        return out;
    }

    private Op create(OpParser.Call call) {
        OpDefinition def = byName.get(call.name());
        if (def == null) {
            throw new IllegalArgumentException("unknown op '" + call.name() + "' in '" + call.text()
                    + "'; valid ops: " + String.join(", ", byName.keySet()));
        }
        return def.create(new OpArgs(def, call.args()));
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
         * Adds every op of a catalogue that builds ops by name, such as {@code CoreOps}: one line registers a whole
         * family ({@code addCatalogue(CoreOps.names(), CoreOps::usage, CoreOps::op)}). The catalogue validates the
         * params itself and must make ops whose text parses back to an equal op.
         *
         * @param names the op names
         * @param signature each op's signature, for help and error messages
         * @param factory makes the op from its name and parsed params
         * @return this builder
         * @throws IllegalArgumentException when a name is registered twice
         */
        public Builder addCatalogue(Collection<String> names, Function<String, String> signature,
                BiFunction<String, List<Object>, Op> factory) {
            for (String name : names) {
                String sig = signature.apply(name);
                add(new OpDefinition(name, sig, sig, a -> factory.apply(name, a.raw())));
            }
            return this;
        }

        /**
         * Builds the registry.
         *
         * @return an immutable registry
         */
        public OpRegistry build() {
            return new OpRegistry(byName);
        }
    }
}
