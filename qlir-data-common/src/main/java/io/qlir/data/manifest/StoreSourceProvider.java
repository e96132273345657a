package io.qlir.data.manifest;

import java.io.IOException;
import java.util.Map;

/**
 * Opens {@link StoreSource}s for one URL scheme; found with {@link java.util.ServiceLoader} so that this module
 * needs none of a remote store's dependencies.
 * <pre>{@code
 * // META-INF/services/io.qlir.data.manifest.StoreSourceProvider:  io.qlir.s3.S3StoreSourceProvider
 * }</pre>
 */
public interface StoreSourceProvider {

    /**
     * The scheme served.
     *
     * @return for example {@code s3}
     */
    String scheme();

    /**
     * Opens a root of that scheme, with settings from an environment.
     *
     * @param root for example {@code s3://research/qlir}
     * @param environment where settings and credentials come from (the process environment, unless a caller
     *     passes its own)
     * @return the source
     * @throws IllegalArgumentException when the root is not a valid URL of the scheme
     * @throws IOException when the store cannot be reached
     */
    StoreSource open(String root, Map<String, String> environment) throws IOException;
}
