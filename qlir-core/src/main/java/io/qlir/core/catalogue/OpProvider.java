package io.qlir.core.catalogue;

import java.util.List;

/**
 * The way a module adds ops to the {@link OpCatalogue#standard() standard catalogue} without anything else knowing
 * it: implement this interface with a public no-argument constructor and name the class in
 * {@code META-INF/services/io.qlir.core.catalogue.OpProvider}; {@link java.util.ServiceLoader} finds it on the class
 * path. qlir-core provides the primitive ops this way, qlir-ops the indicators.
 * <pre>{@code
 * public final class TalibOpProvider implements OpProvider {
 *     public List<OpDefinition> definitions() { return List.of(OpDefinition.builder("talib")...build()); }
 * }
 * }</pre>
 */
public interface OpProvider {

    /**
     * The ops this module offers. Names must not clash with another provider's.
     *
     * @return the definitions
     */
    List<OpDefinition> definitions();
}
