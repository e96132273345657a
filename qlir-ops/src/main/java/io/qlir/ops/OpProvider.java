package io.qlir.ops;

import java.util.List;

/**
 * How a module outside qlir-ops adds ops to the {@link OpRegistry#standard() standard registry} without qlir-ops
 * knowing it: implement this with a public no-argument constructor and name the class in
 * {@code META-INF/services/io.qlir.ops.OpProvider}; {@link java.util.ServiceLoader} finds it on the class path.
 * <pre>{@code
 * public final class MyOps implements OpProvider {
 *     public List<OpDefinition> definitions() { return List.of(new OpDefinition("mine", ...)); }
 * }
 * }</pre>
 */
public interface OpProvider {

    /**
     * The ops this module offers; names must not clash with other ops.
     *
     * @return the definitions
     */
    List<OpDefinition> definitions();
}
