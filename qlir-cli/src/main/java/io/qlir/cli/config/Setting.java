package io.qlir.cli.config;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * One setting of the {@link RuntimeConfig}: how it is spelled as a flag, an environment variable and a key of
 * {@code qlir.json}, and its default.
 *
 * <p>The wire code is the flag's name without its dashes ({@code data-root} for {@code --data-root}); the
 * {@linkplain #jsonKey() JSON key} may be nested with dots ({@code retry.maxAttempts} is
 * {@code {"retry": {"maxAttempts": 8}}}).
 */
public enum Setting implements WireCoded {
    /** Where the history store lives. */
    DATA_ROOT("data-root", "QLIR_DATA_ROOT", "dataRoot", "~/qlir_data"),
    /** The Binance REST base URL. */
    BASE_URL("base-url", "QLIR_BINANCE_BASE_URL", "baseUrl", "https://api.binance.com"),
    /** How long to wait for a TCP connection. */
    CONNECT_TIMEOUT("connect-timeout", "QLIR_CONNECT_TIMEOUT", "connectTimeout", "10s"),
    /** How long to wait for a response once connected. */
    READ_TIMEOUT("read-timeout", "QLIR_READ_TIMEOUT", "readTimeout", "30s"),
    /** The request weight the process may spend per minute, shared by all its jobs. */
    WEIGHT_BUDGET("weight-budget", "QLIR_WEIGHT_BUDGET", "weightBudget", "6000"),
    /** How often one request is tried before its slice is marked failed. */
    RETRY_MAX_ATTEMPTS("retry-max-attempts", "QLIR_RETRY_MAX_ATTEMPTS", "retry.maxAttempts", "8"),
    /** The first backoff after a failed try; it doubles (with jitter) up to the maximum. */
    RETRY_INITIAL_BACKOFF("retry-initial-backoff", "QLIR_RETRY_INITIAL_BACKOFF", "retry.initialBackoff", "500ms"),
    /** The cap of the backoff between tries. */
    RETRY_MAX_BACKOFF("retry-max-backoff", "QLIR_RETRY_MAX_BACKOFF", "retry.maxBackoff", "30s"),
    /** How loud the console and the log files are. */
    LOG_PROFILE("log-profile", "QLIR_LOG_PROFILE", "logProfile", "info"),
    /** Where the per-job JSON log files go. */
    LOG_DIR("log-dir", "QLIR_LOG_DIR", "logDir", "<data-root>/logs"),
    /** Where {@code serve} or {@code agg --follow} answer {@code /metrics} and {@code /health}, or {@code off}. */
    METRICS_ADDRESS("metrics-address", "QLIR_METRICS_ADDRESS", "telemetry.metricsAddress", "off"),
    /** The lag past which {@code /health} calls a job degraded, or {@code auto} (three cadences or two intervals). */
    HEALTH_MAX_LAG("health-max-lag", "QLIR_HEALTH_MAX_LAG", "telemetry.healthMaxLag", "auto"),
    /** The server of an S3-compatible store for {@code push} and {@code --push}; {@code none} means AWS itself. */
    S3_ENDPOINT("s3-endpoint", "QLIR_S3_ENDPOINT", "s3.endpoint", "none"),
    /** The AWS region requests to S3 are signed for (the SDK's own variable). */
    AWS_REGION("aws-region", "AWS_REGION", "s3.region", "us-east-1");

    /** The codec for wire codes ({@code data-root}, {@code base-url}, …). */
    public static final WireCodec<Setting> CODEC = WireCodec.of(Setting.class, "setting");

    private final String code;
    private final String envVar;
    private final String jsonKey;
    private final String defaultText;

    Setting(String code, String envVar, String jsonKey, String defaultText) {
        this.code = code;
        this.envVar = envVar;
        this.jsonKey = jsonKey;
        this.defaultText = defaultText;
    }

    @Override
    public String wireCode() {
        return code;
    }

    /**
     * The command-line flag, for example {@code --data-root}.
     *
     * @return the flag
     */
    public String flag() {
        return "--" + code;
    }

    /**
     * The environment variable, for example {@code QLIR_DATA_ROOT}.
     *
     * @return the variable's name
     */
    public String envVar() {
        return envVar;
    }

    /**
     * The key in {@code qlir.json}, dotted when nested, for example {@code retry.maxAttempts}.
     *
     * @return the key
     */
    public String jsonKey() {
        return jsonKey;
    }

    /**
     * The default as text, as {@code qlir config show} prints it.
     *
     * @return the default, for example {@code ~/qlir_data}
     */
    public String defaultText() {
        return defaultText;
    }
}
