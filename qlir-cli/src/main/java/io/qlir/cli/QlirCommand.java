package io.qlir.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qlir}: the root command; alone it prints its usage and exits with 2. */
@Command(name = "qlir",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "qlir: Binance candle history you can trust, and derivations that say which rows they read.",
            ""
        },
        subcommands = {
            DemoCommand.class,
            FetchCommand.class,
            ServeCommand.class,
            AggCommand.class,
            ManifestCommand.class,
            CandlesCommand.class,
            IndicatorsCommand.class,
            ChartCommand.class,
            StudyCommand.class,
            PipelinesCommand.class,
            PushCommand.class,
            ConfigCommand.class,
            ShellCommand.class,
            HelpCommand.class
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  QLIR_DATA_ROOT         data root (default ~/qlir_data)",
            "  QLIR_BINANCE_BASE_URL  Binance base URL (default https://api.binance.com)",
            "  QLIR_LOG_PROFILE       prod, info (default) or debug",
            "  QLIR_S3_ENDPOINT       S3-compatible server for 'qlir push' (default AWS; AWS_REGION, AWS_* credentials)",
            "  ./qlir.json            config file, read when present ('qlir config show -h')",
            "",
            "Exit codes:",
            "  0  success",
            "  1  runtime failure, or validation violations found",
            "  2  bad usage or bad input (nothing was done)",
            "",
            "Examples:",
            "  qlir demo",
            "  qlir fetch --symbol BTCUSDT --interval 1m --start 2024-01-01",
            "  qlir serve --jobs BTCUSDT:1m:klines,ETHUSDT:1m:klines",
            "  qlir manifest validate --symbol BTCUSDT --interval 1m",
            "  qlir candles export --symbol BTCUSDT --interval 1m --out btc.csv",
            "  qlir indicators --input btc.csv --ops \"sma(close,14,50); arp(14)\" --explain",
            "  qlir push --to s3://research/qlir",
            "  qlir config show",
            "  qlir shell",
            "  qlir help config"
        })
final class QlirCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }
}
