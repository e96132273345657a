package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import picocli.CommandLine.Option;

/**
 * The options of commands that talk to Binance. Like {@link RuntimeOptions}, unset options stay null and the
 * resolver falls back to environment, {@code qlir.json} and defaults.
 */
final class NetworkOptions {

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Binance REST base URL. Default: $QLIR_BINANCE_BASE_URL, else https://api.binance.com.")
    String baseUrl;

    @Option(names = "--weight-budget", paramLabel = "N",
            description = "Request weight per minute for the whole process (all jobs share it). Default: 6000.")
    String weightBudget;

    @Option(names = "--connect-timeout", paramLabel = "DURATION",
            description = "Connect timeout, for example 10s (the default) or 500ms.")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", description = "Read timeout. Default: 30s.")
    String readTimeout;

    @Option(names = "--retry-max-attempts", paramLabel = "N",
            description = "Tries per request before its slice is marked failed. Default: 8.")
    String retryMaxAttempts;

    void addTo(RuntimeConfig.Resolver resolver) {
        resolver.flag(Setting.BASE_URL, baseUrl)
                .flag(Setting.WEIGHT_BUDGET, weightBudget)
                .flag(Setting.CONNECT_TIMEOUT, connectTimeout)
                .flag(Setting.READ_TIMEOUT, readTimeout)
                .flag(Setting.RETRY_MAX_ATTEMPTS, retryMaxAttempts);
    }
}
