package io.qlir.s3;

import io.qlir.data.manifest.StoreSource;
import io.qlir.data.manifest.StoreSourceProvider;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Serves {@code s3://} data roots to {@link StoreSource#open(String)} (registered in
 * {@code META-INF/services/io.qlir.data.manifest.StoreSourceProvider}), with settings from the environment:
 * {@code QLIR_S3_ENDPOINT} for an S3-compatible server (path-style addressing), {@code AWS_REGION} (default
 * us-east-1), {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} when both are set, else the standard AWS
 * credential chain. The command line builds an {@link S3StoreSource} from its own settings instead.
 * <pre>{@code
 * StoreSource s = StoreSource.open("s3://research/qlir");   // finds this provider
 * }</pre>
 */
public final class S3StoreSourceProvider implements StoreSourceProvider {

    /** The provider {@link java.util.ServiceLoader} makes. */
    public S3StoreSourceProvider() {
        // stateless
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public StoreSource open(String root, Map<String, String> environment) throws IOException {
        S3StoreSource.Builder b = S3StoreSource.builder().settings(settings(environment));
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()) {
            b.credentials(keyId, secret);
        }
        return b.open(S3Location.parse(root));
    }

    /** Settings from {@code QLIR_S3_ENDPOINT} and {@code AWS_REGION}. */
    static S3Settings settings(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        S3Settings s = S3Settings.aws(region == null || region.isBlank() ? S3Settings.DEFAULT_REGION : region.trim());
        String endpoint = env.get("QLIR_S3_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return s;
        }
        URI url;
        try {
            url = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("QLIR_S3_ENDPOINT '" + endpoint + "' is not a URL; valid: for example"
                    + " http://127.0.0.1:9000", e);
        }
        return s.withEndpoint(url);
    }
}
