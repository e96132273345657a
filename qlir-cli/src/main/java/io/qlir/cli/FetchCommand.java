package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceFetcher;
import io.qlir.binance.BinanceResult;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.FetchOrder;
import io.qlir.binance.FetchProgress;
import io.qlir.binance.FetchSummary;
import io.qlir.binance.KlineBatch;
import io.qlir.binance.UnknownSymbolException;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.DirectoryLockedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir fetch}: brings one series' slices in a range (or its whole history) up to date, then exits. */
@Command(name = "fetch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Fetch a symbol's candles from Binance into the store, then print a summary.",
            "",
            "The history is cut into fixed slices of --limit candles, one file each; a slice that is complete on"
                    + " disk is never fetched again, so running the same fetch again only asks for what is new or"
                    + " was missing. Without --start it fetches the whole history. Ctrl-C stops after the writes in"
                    + " flight; the next run continues. Exit code 1 when slices failed (run it again to retry them)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir fetch --symbol BTCUSDT --interval 1m --start 2024-01-01",
            "  qlir fetch --symbol ETHUSDT --interval 1h                        # the whole history",
            "  qlir fetch --symbol BTCUSDT --interval 15m --endpoint uiklines --order oldest-first",
            "  qlir fetch --symbol BTCUSDT --interval 1d --start 2024-01-01 --end 2024-06-30T23:59:59Z"
        })
final class FetchCommand implements Callable<Integer> {

    static final int INVALID_SYMBOL = -1121;
    /** Binance's code for an interval it does not serve. */
    static final int INVALID_INTERVAL = -1120;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    SeriesOptions series = new SeriesOptions();

    @Mixin
    TimeRangeOptions range = new TimeRangeOptions();

    @Mixin
    EndpointLimitOptions store = new EndpointLimitOptions();

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "newest-first",
            converter = Converters.FetchOrderConverter.class,
            description = "newest-first (default: a stopped fetch has the recent part) or oldest-first.")
    FetchOrder order;

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    @ArgGroup(validate = false, heading = "%nNetwork options:%n")
    NetworkOptions network = new NetworkOptions();

    FetchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        range.validate();
        store.validate();
        Clock clock = Clock.systemUTC();
        if (range.start != null && range.start.isAfter(clock.instant())) {
            throw new BadInputException("--start " + range.start + " is in the future (now " + clock.instant()
                    + "); valid: an open time up to now, or no --start for the whole history");
        }
        Session session = Session.open(context, runtime, network::addTo);
        RuntimeConfig config = session.config();
        FetchJob job = new FetchJob(store.endpoint, series.symbol, series.interval, store.limit);
        Path root = session.checkWritableDataRoot();
        try (BinanceClient client = BinanceClients.from(config, clock)) {
            ProgressView progress = new ProgressView(spec.commandLine().getErr(), context.terminal(), job.toString(),
                    System::nanoTime);
            BinanceFetcher fetcher = BinanceFetcher.builder(client, root)
                    .order(order)
                    .listener(listener(progress))
                    .build();
            preflight(client, fetcher, job);
            session.writableDataRoot();
            PrintWriter out = spec.commandLine().getOut();
            FetchSummary summary = Logging.inJob(job.name(), () -> runStoppable(fetcher, job, s -> {
                progress.finish();
                out.println(s.describe());
                out.flush();
            }));
            return summary.isClean() ? Exit.OK : Exit.FAILURE;
        }
    }

    /**
     * Asks Binance for the first candle before anything is created: an unknown symbol is then bad input (exit 2)
     * and an unreachable Binance a failure (exit 1), with nothing written, log files included.
     */
    private void preflight(BinanceClient client, BinanceFetcher fetcher, FetchJob job) throws Exception {
        BinanceResult<KlineBatch> probe = client.firstCandle(job.endpoint(), job.symbol(), job.interval());
        if (probe instanceof BinanceResult.BinanceError<KlineBatch> e && e.code() == INVALID_SYMBOL) {
            try {
                fetcher.fetch(job, null, null);               // writes nothing: it probes first, and says why
            } catch (UnknownSymbolException u) {
                throw new BadInputException("--symbol: " + u.getMessage(), u);
            }
            throw new BadInputException("--symbol: " + probe.describe());
        }
        if (probe instanceof BinanceResult.BinanceError<KlineBatch> e) { // reached: say what it answered
            String said = job + ": Binance at " + client.baseUrl() + " refused the first-candle probe: "
                    + probe.describe();
            if (e.code() == INVALID_INTERVAL) {
                throw new BadInputException("--interval: " + said);
            }
            throw new IllegalStateException(said + (e.httpStatus() == 404
                    ? "; is --base-url the root of Binance's REST API (for example https://api.binance.com)?" : ""));
        }
        if (!probe.isOk()) {
            throw new IllegalStateException(job + ": cannot reach Binance at " + client.baseUrl() + ": "
                    + probe.describe());
        }
    }

    /**
     * Runs the fetch so that Ctrl-C / SIGTERM stops it after the writes in flight; the summary is reported before
     * the stop hook is released, so a stopped run still prints it.
     */
    private FetchSummary runStoppable(BinanceFetcher fetcher, FetchJob job, Consumer<FetchSummary> report)
            throws Exception {
        try {
            return new StopOnShutdown(fetcher::stop, StopOnShutdown.RUNTIME)
                    .run(() -> fetcher.fetch(job, range.start, range.end), report);
        } catch (UnknownSymbolException e) {
            throw new BadInputException("--symbol: " + e.getMessage(), e);
        } catch (DirectoryLockedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static FetchListener listener(ProgressView progress) {
        return new FetchListener() {
            @Override
            public void sliceDone(FetchProgress p) {
                synchronized (progress) {
                    progress.update(p.slicesDone(), p.slicesTotal(), p.rows(), p.elapsed());
                }
            }
        };
    }
}
