package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import io.qlir.s3.S3ClientOptions;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3Pusher;
import io.qlir.s3.S3ReadException;
import io.qlir.s3.S3Settings;
import io.qlir.s3.S3StoreSource;
import picocli.CommandLine.Option;

/**
 * How the commands that write to object storage ({@code push}, {@code serve --push}, {@code agg --follow --push})
 * and the read commands given an {@code s3://} data root reach it: the S3-compatible server and the signing region, as flags over {@code QLIR_S3_ENDPOINT},
 * {@code AWS_REGION} and {@code qlir.json}; credentials from the command's environment, else the AWS chain.
 */
final class S3Options {

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible server (path-style addressing). Default: $QLIR_S3_ENDPOINT, else"
                    + " s3.endpoint in qlir.json, else AWS.")
    String s3Endpoint;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "Signing region. Default: $AWS_REGION, else s3.region in qlir.json, else us-east-1.")
    String awsRegion;

    void addTo(RuntimeConfig.Resolver resolver) {
        resolver.flag(Setting.S3_ENDPOINT, s3Endpoint).flag(Setting.AWS_REGION, awsRegion);
    }

    /** Parses a target as typed after {@code flag}; bad input names the flag and what would be valid. */
    static S3Location target(String flag, String text) throws BadInputException {
        try {
            return S3Location.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(flag + ": " + e.getMessage(), e);
        }
    }

    /** A pusher with the resolved settings, the shared retry policy and the environment's keys when it has them. */
    static S3Pusher pusher(CliContext context, RuntimeConfig config) {
        return configure(S3Pusher.builder(), context, config).build();
    }

    /**
     * Opens the bucket an {@code s3://BUCKET/PREFIX} data root names, for a command that only reads (the settings
     * come from {@code QLIR_S3_ENDPOINT}/{@code AWS_REGION}/{@code qlir.json}, as for every setting).
     *
     * @throws BadInputException when the bucket is missing, holds nothing under the prefix, refuses the credentials
     *     or cannot be reached (one line naming the URL)
     */
    static S3StoreSource reader(CliContext context, RuntimeConfig config, String root) throws BadInputException {
        try {
            return configure(S3StoreSource.builder(), context, config).open(S3Location.parse(root));
        } catch (S3ReadException e) {
            throw new BadInputException("--data-root " + root + ": " + e.getMessage(), e);
        }
    }

    /** The settings, the shared retry policy, and the environment's keys as the chain's first link. */
    private static <B extends S3ClientOptions<B>> B configure(B builder, CliContext context, RuntimeConfig config) {
        builder.settings(new S3Settings(config.s3Endpoint(), config.awsRegion(), config.connectTimeout(),
                config.readTimeout())).retry(BinanceClients.retryPolicy(config));
        String keyId = context.environment().get("AWS_ACCESS_KEY_ID");
        String secret = context.environment().get("AWS_SECRET_ACCESS_KEY");
        if (keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()) {
            builder.credentials(keyId, secret);
        }
        return builder;
    }
}
