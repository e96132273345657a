package io.qlir.cli;

import io.qlir.data.manifest.StoreSource;
import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.data.manifest.SliceSeries;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir candles}: the store's candles as a table; its one subcommand is {@code export}. */
@Command(name = "candles",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Read candles out of the store.",
        subcommands = CandlesCommand.Export.class,
        footerHeading = "%nExamples:%n",
        footer = {"  qlir candles export --symbol BTCUSDT --interval 1h --out btc-1h.csv"})
final class CandlesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir candles: missing subcommand (export)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }

    /** {@code qlir candles export}: a series' candles as CSV or JSON. */
    @Command(name = "export",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Write a series' candles from the store as CSV (or JSON), to stdout or --out.",
                "",
                "The CSV header is the candle schema: open_time,open,high,low,close,volume,close_time,"
                        + "quote_volume,trades,taker_buy_base_volume,taker_buy_quote_volume; times are epoch"
                        + " millis UTC. One row per open time, sorted; a candle that was still forming when it was"
                        + " fetched is left out unless --include-open. --start and --end are inclusive open times."
                        + " The gap report goes to stderr."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir candles export --symbol BTCUSDT --interval 1h --out btc-1h.csv",
                "  qlir candles export --symbol BTCUSDT --interval 1m --start 2024-03-01 --end 2024-03-01T23:59:00Z",
                "  qlir candles export --symbol ETHUSDT --interval 1d --format json --include-open | jq '.[-1]'",
                "  qlir candles export --data-root s3://research/qlir --symbol BTCUSDT --interval 1h --out btc-1h.csv"
            })
    static final class Export implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        SeriesOptions series = new SeriesOptions();

        @Mixin
        TimeRangeOptions range = new TimeRangeOptions();

        @Mixin
        EndpointLimitOptions store = new EndpointLimitOptions();

        @Option(names = "--include-open", description = "Also write the candle that was still forming when fetched.")
        boolean includeOpen;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
                converter = Converters.OutputFormatConverter.class, description = "csv (default) or json.")
        OutputFormat format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path out;

        @ArgGroup(validate = false, heading = "%nRuntime options:%n")
        RuntimeOptions runtime = new RuntimeOptions();

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            range.validate();
            SliceSeries s = ReadOnlyStore.series(series, store);
            Path file = out == null ? null : IndicatorsCommand.outputFile(context, out);
            return ReadOnlyStore.run(context, runtime, s, ReadOnlyStore.Checks.NONE,
                    (store, x) -> export(store, s, file));
        }

        private int export(StoreSource store, SliceSeries s, Path file) throws Exception {
            LoadResult loaded;
            try {
                loaded = CandleLoader.of(store, s).from(range.start).to(range.end).includeForming(includeOpen)
                        .load();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new IllegalStateException("cannot read " + StoreLocator.describe(s) + ": "
                        + e.getCause().getMessage(), e);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (file == null) {
                TableOutput.write(loaded.candles(), format, stdout);
                stderr.println(loaded.describe());
            } else {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    TableOutput.write(loaded.candles(), format, w);
                }
                stdout.println("wrote " + loaded.candles().rowCount() + " candles to " + out + "; "
                        + loaded.describe());
            }
            stdout.flush();
            stderr.flush();
            return Exit.OK;
        }
    }
}
