package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command takes: where the config file, the data root and the logs are, and how loud to be.
 * Used as {@code @ArgGroup(validate = false, heading = ...)} so help shows them under their own heading. Unset
 * options stay null: the {@link RuntimeConfig} resolver then falls back to environment, file and default, and
 * records which one it took.
 */
final class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings from FILE instead of ./qlir.json (see 'qlir config show').")
    Path configFile;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Root of the history store. Default: $QLIR_DATA_ROOT, else dataRoot in qlir.json,"
                    + " else ~/qlir_data. Commands that only read (manifest validate/summary, candles export,"
                    + " indicators, chart, study) also take s3://BUCKET/PREFIX, where 'qlir push' mirrored one.")
    String dataRoot;

    @Option(names = "--log-profile", paramLabel = "PROFILE",
            description = "prod (warnings on the console, INFO in the files), info or debug."
                    + " Default: $QLIR_LOG_PROFILE, else info.")
    String logProfile;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Folder of the per-job JSON log files. Default: $QLIR_LOG_DIR, else <data-root>/logs.")
    String logDir;

    void addTo(RuntimeConfig.Resolver resolver) {
        resolver.configFile(configFile)
                .flag(Setting.DATA_ROOT, dataRoot)
                .flag(Setting.LOG_PROFILE, logProfile)
                .flag(Setting.LOG_DIR, logDir);
    }
}
