package io.qlir.cli.config;

import io.qlir.cli.logging.LogProfile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a qlir process needs to know about its surroundings, resolved once, with where each value came from.
 *
 * <p>Each {@link Setting} is taken from the strongest layer that sets it: command-line flag, then environment
 * variable, then the config file ({@code --config F}, else {@code qlir.json} in the working directory), then the
 * built-in default. Paths may start with {@code ~/}; relative paths are resolved against the working directory, or
 * against the config file's folder when they come from the file.
 * <pre>{@code
 * RuntimeConfig c = RuntimeConfig.resolver()
 *         .environment(System.getenv())
 *         .flag(Setting.DATA_ROOT, "/data/qlir")
 *         .resolve();
 * c.dataRoot();                        // /data/qlir
 * c.origin(Setting.DATA_ROOT);         // flag --data-root
 * }</pre>
 *
 * @param dataRoot the root of the history store
 * @param baseUrl the Binance REST base URL, without a trailing slash
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 * @param weightBudget request weight per minute shared by all jobs of the process
 * @param retry how failed requests are retried
 * @param logProfile how loud console and files are
 * @param logDir where the per-job JSON log files go
 * @param telemetry where metrics are served and when health degrades
 * @param configFile the config file that was read, if any
 * @param origins where each setting's value came from (every setting has an entry)
 * @param s3Endpoint the server of an S3-compatible store for {@code qlir push}; empty for AWS itself
 * @param awsRegion the AWS region S3 requests are signed for
 * @param remoteDataRoot the {@code s3://BUCKET/PREFIX} data root a read command was given (only when the resolver
 *     was told it may be, see {@link Resolver#acceptRemoteDataRoot()}); {@code dataRoot} is then the working
 *     directory, which nothing is written to
 */
public record RuntimeConfig(Path dataRoot, URI baseUrl, Duration connectTimeout, Duration readTimeout,
        int weightBudget, RetrySettings retry, LogProfile logProfile, Path logDir, Telemetry telemetry,
        Optional<Path> configFile, Map<Setting, Origin> origins, Optional<URI> s3Endpoint, String awsRegion,
        Optional<String> remoteDataRoot) {

    /**
     * Checks that nothing is missing and freezes the origins.
     *
     * @param dataRoot the root of the history store
     * @param baseUrl the Binance REST base URL, without a trailing slash
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for a response
     * @param weightBudget request weight per minute shared by all jobs of the process
     * @param retry how failed requests are retried
     * @param logProfile how loud console and files are
     * @param logDir where the per-job JSON log files go
     * @param telemetry where metrics are served and when health degrades
     * @param configFile the config file that was read, if any
     * @param origins where each setting's value came from (every setting has an entry)
     * @param s3Endpoint the server of an S3-compatible store; empty for AWS itself
     * @param awsRegion the AWS region S3 requests are signed for
     * @param remoteDataRoot the {@code s3://} data root of a read command, or empty for a local one
     * @throws IllegalArgumentException when a setting has no origin or the budget is not positive
     */
    public RuntimeConfig {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(logProfile, "logProfile");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(remoteDataRoot, "remoteDataRoot");
        if (weightBudget <= 0) {
            throw new IllegalArgumentException("weight-budget must be positive, got " + weightBudget);
        }
        EnumMap<Setting, Origin> copy = new EnumMap<>(Setting.class);
        copy.putAll(origins);
        for (Setting s : Setting.values()) {
            if (!copy.containsKey(s)) {
                throw new IllegalArgumentException("no origin for setting " + s.wireCode());
            }
        }
        origins = Collections.unmodifiableMap(copy);
    }

    /**
     * A resolver with no flags, an empty environment and the JVM's working and home directories.
     *
     * @return a new resolver
     */
    public static Resolver resolver() {
        return new Resolver();
    }

    /**
     * Where a setting's value came from.
     *
     * @param setting the setting
     * @return its origin
     */
    public Origin origin(Setting setting) {
        return origins.get(setting);
    }

    /**
     * A setting's value as text, in the form a flag or {@code qlir.json} would take it.
     *
     * @param setting the setting
     * @return for example {@code /home/me/qlir_data}, {@code 10s} or {@code info}
     */
    public String valueText(Setting setting) {
        return switch (setting) {
            case DATA_ROOT -> remoteDataRoot.orElse(dataRoot.toString());
            case BASE_URL -> baseUrl.toString();
            case CONNECT_TIMEOUT -> Values.format(connectTimeout);
            case READ_TIMEOUT -> Values.format(readTimeout);
            case WEIGHT_BUDGET -> Integer.toString(weightBudget);
            case RETRY_MAX_ATTEMPTS -> Integer.toString(retry.maxAttempts());
            case RETRY_INITIAL_BACKOFF -> Values.format(retry.initialBackoff());
            case RETRY_MAX_BACKOFF -> Values.format(retry.maxBackoff());
            case LOG_PROFILE -> logProfile.wireCode();
            case LOG_DIR -> logDir.toString();
            case METRICS_ADDRESS -> telemetry.addressText();
            case HEALTH_MAX_LAG -> telemetry.maxLagText();
            case S3_ENDPOINT -> s3Endpoint.map(URI::toString).orElse("none");
            case AWS_REGION -> awsRegion;
        };
    }

    /**
     * Collects the layers and resolves them into a {@link RuntimeConfig}. Not thread-safe; use once.
     */
    public static final class Resolver {

        private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
        private Map<String, String> environment = Map.of();
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path homeDir = Path.of(System.getProperty("user.home"));
        private Path explicitConfigFile;
        private boolean acceptRemoteDataRoot;

        private Resolver() {
        }

        /**
         * Lets the data root be an {@code s3://BUCKET/PREFIX} location (for commands that only read the store);
         * without this, such a root is refused with a line saying the data root must be a local folder.
         *
         * @return this resolver
         */
        public Resolver acceptRemoteDataRoot() {
            this.acceptRemoteDataRoot = true;
            return this;
        }

        /**
         * Sets a value given on the command line; {@code null} means the flag was not given.
         *
         * @param setting the setting
         * @param raw the flag's value as typed, or null
         * @return this resolver
         */
        public Resolver flag(Setting setting, String raw) {
            if (raw != null) {
                flags.put(Objects.requireNonNull(setting, "setting"), raw);
            }
            return this;
        }

        /**
         * Sets the environment to read {@code QLIR_*} variables from (blank values count as unset).
         *
         * @param environment for example {@code System.getenv()}
         * @return this resolver
         */
        public Resolver environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Sets the folder relative paths and {@code qlir.json} are looked up in.
         *
         * @param dir the working directory
         * @return this resolver
         */
        public Resolver workingDir(Path dir) {
            this.workingDir = dir.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Sets the folder {@code ~} stands for.
         *
         * @param dir the home directory
         * @return this resolver
         */
        public Resolver homeDir(Path dir) {
            this.homeDir = dir.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Names the config file to read instead of looking for {@code qlir.json}; it must exist.
         *
         * @param file the file given with {@code --config}, or null for none
         * @return this resolver
         */
        public Resolver configFile(Path file) {
            this.explicitConfigFile = file;
            return this;
        }

        /**
         * Resolves every setting.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the layer, the setting and the bad value, with what is valid
         */
        @SuppressWarnings("unchecked") // the S3 endpoint's value is an Optional<URI>
        public RuntimeConfig resolve() {
            Optional<Path> file = configFileToRead();
            Map<Setting, String> fromFile = file.map(ConfigFile::read).orElse(Map.of());
            Path fileBase = file.map(f -> f.toAbsolutePath().getParent()).orElse(workingDir);

            Map<Setting, Origin> origins = new EnumMap<>(Setting.class);
            Map<Setting, Object> values = new EnumMap<>(Setting.class);
            for (Setting s : Setting.values()) {
                String raw;
                Origin origin;
                Path base = workingDir;
                String env = environment.get(s.envVar());
                if (flags.containsKey(s)) {
                    raw = flags.get(s);
                    origin = new Origin(Origin.Source.FLAG, s.flag());
                } else if (env != null && !env.isBlank()) {
                    raw = env;
                    origin = new Origin(Origin.Source.ENV, s.envVar());
                } else if (fromFile.containsKey(s)) {
                    raw = fromFile.get(s);
                    origin = new Origin(Origin.Source.FILE, file.orElseThrow().toString());
                    base = fileBase;
                } else {
                    raw = null;
                    origin = new Origin(Origin.Source.DEFAULT, "");
                }
                origins.put(s, origin);
                values.put(s, parse(s, raw, origin, base, values));
            }
            RetrySettings retry;
            try {
                retry = new RetrySettings((Integer) values.get(Setting.RETRY_MAX_ATTEMPTS),
                        (Duration) values.get(Setting.RETRY_INITIAL_BACKOFF),
                        (Duration) values.get(Setting.RETRY_MAX_BACKOFF));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " ("
                        + origins.get(Setting.RETRY_INITIAL_BACKOFF).describe() + ", "
                        + origins.get(Setting.RETRY_MAX_BACKOFF).describe() + ")", e);
            }
            Object root = values.get(Setting.DATA_ROOT);
            return new RuntimeConfig(root instanceof Path p ? p : workingDir, (URI) values.get(Setting.BASE_URL),
                    (Duration) values.get(Setting.CONNECT_TIMEOUT), (Duration) values.get(Setting.READ_TIMEOUT),
                    (Integer) values.get(Setting.WEIGHT_BUDGET), retry,
                    (LogProfile) values.get(Setting.LOG_PROFILE), (Path) values.get(Setting.LOG_DIR),
                    telemetry(values), file,
                    origins, (Optional<URI>) values.get(Setting.S3_ENDPOINT), (String) values.get(Setting.AWS_REGION),
                    root instanceof String url ? Optional.of(url) : Optional.empty());
        }

        @SuppressWarnings("unchecked")
        private static Telemetry telemetry(Map<Setting, Object> values) {
            return new Telemetry((Optional<InetSocketAddress>) values.get(Setting.METRICS_ADDRESS),
                    (Optional<Duration>) values.get(Setting.HEALTH_MAX_LAG));
        }

        private Optional<Path> configFileToRead() {
            if (explicitConfigFile != null) {
                Path f = workingDir.resolve(explicitConfigFile).normalize();
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException("config file " + f + " (--config) does not exist or is not"
                            + " a file");
                }
                return Optional.of(f);
            }
            Path implicit = workingDir.resolve(ConfigFile.DEFAULT_NAME);
            return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
        }

        private Object parse(Setting s, String raw, Origin origin, Path base, Map<Setting, Object> resolved) {
            if (raw == null) {
                if (s == Setting.LOG_DIR) {
                    return resolved.get(Setting.DATA_ROOT) instanceof Path root ? root.resolve("logs")
                            : workingDir.resolve("logs"); // a remote root has no local folder; unused then
                }
                raw = s.defaultText();
            }
            try {
                return switch (s) {
                    case DATA_ROOT -> acceptRemoteDataRoot && Values.isRemote(raw) ? Values.remoteDataRoot(raw)
                            : Values.localDataRoot(raw, base, homeDir);
                    case LOG_DIR -> Values.path(raw, base, homeDir);
                    case BASE_URL -> Values.httpUrl(raw);
                    case CONNECT_TIMEOUT, READ_TIMEOUT, RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF ->
                            Values.duration(raw);
                    case WEIGHT_BUDGET, RETRY_MAX_ATTEMPTS -> Values.positiveInt(raw);
                    case LOG_PROFILE -> LogProfile.parse(raw.trim());
                    case METRICS_ADDRESS -> Telemetry.address(raw);
                    case HEALTH_MAX_LAG -> Telemetry.maxLag(raw);
                    case S3_ENDPOINT -> "none".equals(raw.trim()) ? Optional.empty() : Optional.of(Values.httpUrl(raw));
                    case AWS_REGION -> Values.region(raw);
                };
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad " + s.wireCode() + " from " + origin.describe() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
