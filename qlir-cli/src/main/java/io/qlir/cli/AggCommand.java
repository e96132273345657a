package io.qlir.cli;

import io.qlir.binance.JobState;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.logging.Logging;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.io.PrintWriter;
import java.nio.file.Path;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3Pusher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
            "  qlir agg --all --follow --every 30s",
            "  qlir agg --all --follow --push s3://research/qlir --metrics-address 127.0.0.1:9465"
        })
final class AggCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AggCommand.class);

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

    @Option(names = "--push", paramLabel = "s3://BUCKET/PREFIX",
            description = "With --follow: mirror each series to object storage after a run wrote months (its slices,"
                    + " manifest and Parquet months, as qlir push does), on a thread of its own; a failed push is"
                    + " logged, counted and tried again after the series' next write.")
    String push;

    @Mixin
    EndpointLimitOptions store = new EndpointLimitOptions();

    @ArgGroup(validate = false, heading = "%nS3 options (with --push):%n")
    S3Options s3 = new S3Options();

    @ArgGroup(validate = false, heading = "%nTelemetry options (with --follow):%n")
    TelemetryOptions telemetry = new TelemetryOptions();

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
        if (!follow && (push != null || telemetry.metricsAddress != null || telemetry.healthMaxLag != null)) {
            throw new BadInputException("--push, --metrics-address and --health-max-lag go with --follow (the agg"
                    + " server); to mirror the data root once, use qlir push --to s3://BUCKET/PREFIX");
        }
        S3Location pushTo = push == null ? null : S3Options.target("--push", push);
        Session session = Session.open(context, runtime, telemetry::addTo, s3::addTo);
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
        return followAll(session, root, series, pushTo, out, period, runFor);
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

    /**
     * One aggregation of a series, its log lines routed to the series' job log. The result goes to that log only
     * ({@link Logging#FILE_ONLY}): the caller prints it on standard output, so the console shows it once.
     */
    static AggregationResult run(DatasetAggregator agg, SliceSeries s) throws Exception {
        return Logging.inJob(Logging.jobName(s.venue(), s.endpoint(), s.symbol(), s.interval()), () -> {
            AggregationResult r = agg.aggregate(s);
            LOG.info(Logging.FILE_ONLY, "{}", r.describe());
            return r;
        });
    }

    /** The agg server until stopped (Ctrl-C, SIGTERM or --stop-after), with its pushes and telemetry. */
    private Integer followAll(Session session, Path root, List<SliceSeries> series, S3Location pushTo,
                              PrintWriter out, Duration period, Duration runFor) throws Exception {
        RuntimeConfig config = session.config();
        AtomicReference<AggFollower> follower = new AtomicReference<>();
        try (ServeTelemetry watch = ServeTelemetry.start(config.telemetry(), Clock.systemUTC(), () -> {
            AggFollower f = follower.get();
            return f == null ? List.<JobState>of() : f.states();
        }, () -> period); S3Pusher pusher = pushTo == null ? null : S3Options.pusher(context, config)) {
            AfterSeriesWrites pushing = pusher == null ? null
                    : new AfterSeriesWrites("agg-push", new PushAfterWrites(pusher, root, pushTo, watch));
            AggFollower f = new AggFollower(DatasetAggregator.of(root), root, series, period, out, watch, pushing);
            watch.jobs(f.jobs());
            follower.set(f);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stopped.countDown();
                stopQuietly(f);
            }, "qlir-agg-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            f.start();
            out.println("agg: following " + series.size() + " series every " + period.toSeconds() + "s"
                    + (runFor == null ? " (Ctrl-C to stop)" : " for " + runFor.toSeconds() + "s")
                    + (pushTo == null ? "" : ", pushing to " + pushTo) + watch.describe());
            out.flush();
            try {
                if (runFor == null) {
                    stopped.await();
                } else {
                    stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
                }
            } finally {
                stopQuietly(f);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook is running
                }
            }
            if (pushing != null) {
                out.println(PushAfterWrites.summaryLine(pushTo, pushing));
                out.flush();
            }
        }
        return Exit.OK;
    }

    private static void stopQuietly(AggFollower f) {
        try {
            f.stop(StopOnShutdown.GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
