package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3Pusher;
import io.qlir.s3.S3ReadException;
import io.qlir.s3.S3Settings;
import io.qlir.s3.S3StoreSource;
import java.util.Map;

/**
 * The command line's one way to reach an object store: settings from the {@link RuntimeConfig}
 * ({@code --s3-endpoint}/{@code QLIR_S3_ENDPOINT}, {@code AWS_REGION}, the timeouts), the retry policy shared with
 * Binance requests, and {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} from the command's environment ahead
 * of the standard AWS chain.
 * <pre>{@code
 * try (S3Pusher pusher = S3Access.pusher(config, context.environment()).build()) { ... }
 * }</pre>
 */
final class S3Access {

    private S3Access() {
    }

    static S3Settings settings(RuntimeConfig config) {
        return new S3Settings(config.s3Endpoint(), config.awsRegion(), config.connectTimeout(), config.readTimeout());
    }

    /** A pusher builder with the settings, retries and credentials of this command. */
    static S3Pusher.Builder pusher(RuntimeConfig config, Map<String, String> env) {
        S3Pusher.Builder b = S3Pusher.builder().settings(settings(config)).retry(BinanceClients.retryPolicy(config));
        String[] key = credentials(env);
        if (key != null) {
            b.credentials(key[0], key[1]); // the chain's first link, read from this command's environment
        }
        return b;
    }

    /**
     * Opens a bucket a data root was pushed to, for reading.
     *
     * @throws BadInputException when the bucket is missing, empty under the prefix, refuses the credentials or
     *     cannot be reached (one line naming the URL)
     */
    static S3StoreSource read(String root, RuntimeConfig config, Map<String, String> env) throws BadInputException {
        S3StoreSource.Builder b = S3StoreSource.builder().settings(settings(config))
                .retry(BinanceClients.retryPolicy(config));
        String[] key = credentials(env);
        if (key != null) {
            b.credentials(key[0], key[1]);
        }
        try {
            return b.open(S3Location.parse(root));
        } catch (S3ReadException e) {
            throw new BadInputException("--data-root " + root + ": " + e.getMessage(), e);
        }
    }

    private static String[] credentials(Map<String, String> env) {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        return keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()
                ? new String[] {keyId, secret} : null;
    }
}
