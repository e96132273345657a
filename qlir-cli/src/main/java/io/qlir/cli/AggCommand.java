package io.qlir.cli;

import io.qlir.cli.logging.Logging;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qlir agg}: packs slice files into the partitioned Parquet dataset ({@code <data-root>/parquet/...}), one
 * series, every series ({@code --all}), or continuously ({@code --follow}, the agg server: one scheduled worker per
 * series in one process). Reads the slices without taking their lock, so it runs next to {@code serve}.
 */
@Command(name = "agg",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Pack fetched slices into the partitioned Parquet dataset that DuckDB, Polars, Spark and qlir read.",
            "",
            "Layout: <data-root>/parquet/binance/<endpoint>/symbol=S/interval=I/month=YYYY-MM/candles.parquet"
                    + " (docs/data-layout.md). Incremental: only months whose slices changed (by checksum) are"
                    + " rewritten; a run with nothing new writes nothing and says so. Never blocks a fetch or serve."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir agg --symbol BTCUSDT --interval 1m",
            "  qlir agg --all",
            "  qlir agg --all --follow --every 30s"
        })
final class AggCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "Trading pair, for example BTCUSDT (with --interval; or use --all).")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", converter = Converters.IntervalConverter.class,
            description = "Candle interval, case-sensitive: 1m, 1h, 1d, 1M (month), ...")
    Interval interval;

    @Option(names = "--all", description = "Every series in the data root.")
    boolean all;

    @Option(names = "--follow", description = "Keep the dataset current: aggregate every series again every"
            + " --every until stopped (Ctrl-C).")
    boolean follow;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "60s",
            description = "With --follow: how often each series is aggregated, for example 30s or 5m."
                    + " Default: ${DEFAULT-VALUE}.")
    String every = "60s";

    @Option(names = "--stop-after", paramLabel = "DURATION",
            description = "With --follow: stop cleanly after this long (default: run until SIGTERM or Ctrl-C).")
    String stopAfter;

    @Mixin
    EndpointLimitOptions store = new EndpointLimitOptions();

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    AggCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        store.validate();
        if (all == (symbol != null || interval != null) || (!all && (symbol == null || interval == null))) {
            throw new BadInputException("qlir agg needs either --symbol and --interval, or --all (not both)");
        }
        Duration period = ServeCommand.duration("--every", every);
        Duration runFor = stopAfter == null ? null : ServeCommand.duration("--stop-after", stopAfter);
        Session session = Session.open(context, runtime);
        Path root = session.existingDataRoot();
        List<SliceSeries> series = all ? everySeries(root) : List.of(one(root));
        session.startReadOnlyFileLogging();
        DatasetAggregator agg = DatasetAggregator.of(root);
        PrintWriter out = spec.commandLine().getOut();
        if (!follow) {
            for (SliceSeries s : series) {
                out.println(run(agg, s).describe());
            }
            out.flush();
            return Exit.OK;
        }
        return followAll(agg, series, out, period, runFor);
    }

    private SliceSeries one(Path root) throws BadInputException {
        SliceSeries s = StoreLocator.series(store.endpoint, symbol, interval, store.limit);
        StoreLocator.existing(root, s);
        return s;
    }

    private static List<SliceSeries> everySeries(Path root) throws BadInputException {
        List<SliceSeries> out = StoreLocator.seriesUnder(root);
        if (out.isEmpty()) {
            throw new BadInputException("no series under data root " + root + "; fetch one first with 'qlir fetch'");
        }
        return out;
    }

    private static AggregationResult run(DatasetAggregator agg, SliceSeries s) throws Exception {
        return Logging.inJob(Logging.jobName(s.venue(), s.endpoint(), s.symbol(), s.interval()),
                () -> agg.aggregate(s));
    }

    /** The agg server: one scheduled worker per series, until the process is stopped. */
    private static Integer followAll(DatasetAggregator agg, List<SliceSeries> series, PrintWriter out,
                                     Duration every, Duration runFor)
            throws InterruptedException {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(Math.min(series.size(), 4), r -> {
            Thread t = new Thread(r, "qlir-agg");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "qlir-agg-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        for (SliceSeries s : series) {
            pool.scheduleWithFixedDelay(() -> {
                try {
                    AggregationResult r = run(agg, s);
                    if (!r.nothingNew()) {
                        synchronized (out) {
                            out.println(r.describe());
                            out.flush();
                        }
                    }
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(AggCommand.class).warn("{}: {}", s, e.getMessage());
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        out.println("agg: following " + series.size() + " series every " + every.toSeconds() + "s"
                + (runFor == null ? " (Ctrl-C to stop)" : " for " + runFor.toSeconds() + "s"));
        out.flush();
        try {
            if (runFor == null) {
                stopped.await();
            } else {
                stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        return Exit.OK;
    }
}
