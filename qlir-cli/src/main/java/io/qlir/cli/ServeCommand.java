package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceDataServer;
import io.qlir.binance.BinanceResult;
import io.qlir.binance.Endpoint;
import io.qlir.binance.ExchangeInfo;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.FetchProgress;
import io.qlir.binance.JobPhase;
import io.qlir.binance.JobState;
import io.qlir.cli.config.Durations;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.core.Interval;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3Pusher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir serve}: the long-running data server, many jobs in one process sharing one weight budget. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Keep many series up to date: catch up, then follow each forming candle.",
            "",
            "A small pool of worker threads (--workers) runs every job's steps, refreshes of forming candles before"
                    + " catch-up, one shared weight budget (Binance counts weight per IP); one failing job never"
                    + " stops the others; a job whose symbol Binance does not know ends. Each job logs to its own"
                    + " JSON file under <data-root>/logs/. SIGTERM or Ctrl-C stops cleanly: writes in flight"
                    + " finish, the next start reconciles and continues.",
            "",
            "Exit status: 0 when at least one job received data or had nothing to do; 1 when every job failed"
                    + " (ended failed, or got no row and only errors, for example a server answering 500s)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir serve --jobs BTCUSDT:1m:klines,ETHUSDT:1m:klines,BTCUSDT:15m:uiklines",
            "  qlir serve --all --interval 1h --endpoint klines --quote USDT --since 2024-01-01",
            "  QLIR_LOG_PROFILE=prod qlir serve --jobs BTCUSDT:1s --cadence 5s",
            "  qlir serve --jobs BTCUSDT:1m --metrics-address 127.0.0.1:9464   # /metrics and /health",
            "  qlir serve --jobs BTCUSDT:1m --agg --push s3://research/qlir     # mirror each series after its writes"
        })
final class ServeCommand implements Callable<Integer> {

    static final Duration STATUS_EVERY = Duration.ofSeconds(30);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nJobs (a list, or every TRADING symbol):%n")
    Jobs jobs;

    /** {@code --jobs S:I:E,...} or {@code --all --interval I [--endpoint E] [--quote Q]}. */
    static final class Jobs {

        @Option(names = "--jobs", required = true, split = ",", paramLabel = "S:I[:E]",
                description = "Jobs as SYMBOL:INTERVAL:ENDPOINT, comma-separated; the endpoint may be left out"
                        + " (klines). For example BTCUSDT:1m:klines,ETHUSDT:15m:uiklines.")
        List<String> specs;

        @ArgGroup(exclusive = false, multiplicity = "1")
        AllTrading all;
    }

    /** {@code --all --interval I [--endpoint E] [--quote Q]}. */
    static final class AllTrading {

        @Option(names = "--all", required = true,
                description = "Every symbol exchangeInfo lists as TRADING (at start).")
        boolean all;

        @Option(names = "--interval", required = true, paramLabel = "INTERVAL",
                converter = Converters.IntervalConverter.class, description = "The interval of every job.")
        Interval interval;

        @Option(names = "--endpoint", paramLabel = "ENDPOINT", defaultValue = "klines",
                converter = Converters.EndpointConverter.class,
                description = "klines (default) or uiklines, for every job.")
        Endpoint endpoint = Endpoint.KLINES;

        @Option(names = "--quote", paramLabel = "ASSET",
                description = "Only symbols quoted in this asset, for example USDT.")
        String quote;
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Candles per request and per slice file, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "Keep history from this open time on (default: each symbol's first candle).")
    Instant since;

    @Option(names = "--cadence", paramLabel = "DURATION", defaultValue = "30s",
            description = "How often the forming candle is refreshed while it forms (stretched when the shared"
                    + " budget cannot afford it for every job). Default: ${DEFAULT-VALUE}.")
    String cadence;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads that run the jobs' steps, 1 to 256 (default: min(16, 2 x cores + 4)); the"
                    + " weight budget, not the workers, bounds how fast requests go.")
    Integer workers;

    @Option(names = "--stop-after", paramLabel = "DURATION",
            description = "Stop cleanly after this long (default: run until SIGTERM or Ctrl-C).")
    String stopAfter;

    @Option(names = "--agg", description = "Also keep the Parquet dataset current: aggregate each series after its"
            + " writes (as qlir agg does).")
    boolean agg;

    @Option(names = "--push", paramLabel = "s3://BUCKET/PREFIX",
            description = "Also mirror each series to object storage after its writes (its slices and manifest, and"
                    + " with --agg its Parquet months), as qlir push does, on a thread of its own; a failed push is"
                    + " logged, counted and tried again after the series' next write.")
    String push;

    @ArgGroup(validate = false, heading = "%nS3 options (with --push):%n")
    S3Options s3 = new S3Options();

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    @ArgGroup(validate = false, heading = "%nNetwork options:%n")
    NetworkOptions network = new NetworkOptions();

    @ArgGroup(validate = false, heading = "%nTelemetry options:%n")
    TelemetryOptions telemetry = new TelemetryOptions();

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > EndpointLimitOptions.MAX_LIMIT) {
            throw new BadInputException("--limit " + limit + " is out of range; Binance serves 1 to "
                    + EndpointLimitOptions.MAX_LIMIT + " candles per request");
        }
        List<FetchJob> listed = jobs.specs == null ? List.of() : parseJobs(jobs.specs, limit);
        if (jobs.specs != null && listed.isEmpty()) {
            throw new BadInputException("--jobs names no job; write SYMBOL:INTERVAL[:ENDPOINT],..., for example "
                    + "BTCUSDT:1m:klines, or use --all --interval I");
        }
        int poolSize = workers(workers);
        Duration every = duration("--cadence", cadence);
        Duration runFor = stopAfter == null ? null : duration("--stop-after", stopAfter);
        S3Location pushTo = push == null ? null : S3Options.target("--push", push);
        Session session = Session.open(context, runtime, network::addTo, telemetry::addTo, s3::addTo);
        RuntimeConfig config = session.config();
        Path root = session.checkWritableDataRoot();
        PrintWriter out = spec.commandLine().getOut();
        try (ServeTelemetry watch = ServeTelemetry.start(config.telemetry(), Clock.systemUTC(), every);
                BinanceClient client = BinanceClients.from(config, Clock.systemUTC(), watch.requestListener());
                S3Pusher pusher = pushTo == null ? null : S3Options.pusher(context, config)) {
            List<FetchJob> all = resolveJobs(client, listed);
            session.writableDataRoot();
            StatusLines status = new StatusLines(out);
            AfterSeriesWrites pushing = pusher == null ? null
                    : new AfterSeriesWrites("serve-push", new PushAfterWrites(pusher, root, pushTo, watch));
            AfterSeriesWrites afterWrites = !agg ? pushing : new AfterSeriesWrites("serve-agg",
                    new AggAfterWrites(DatasetAggregator.of(root), watch::aggMonthWritten)).then(pushing);
            BinanceDataServer server = BinanceDataServer.builder(client, root)
                    .workers(poolSize)
                    .jobs(all)
                    .since(since)
                    .cadence(every)
                    .listener(watch.listener(afterWrites == null ? status : FetchListener.all(status, afterWrites)))
                    .start();
            watch.serving(client, all, server);
            out.println("serving " + all.size() + " job" + (all.size() == 1 ? "" : "s") + " into " + root
                    + watch.describe() + (runFor == null ? " (Ctrl-C to stop)" : " for " + stopAfter));
            out.flush();
            Thread hook = new Thread(() -> stop(server, afterWrites), "qlir-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (runFor != null) {
                    server.awaitTermination(runFor);
                } else {
                    while (!server.awaitTermination(Duration.ofHours(1))) {
                        // follow until every job ended or the process is stopped
                    }
                }
            } finally {
                stop(server, afterWrites);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook is running
                }
            }
            int exit = report(server.states(), out);
            if (pushing != null) {
                out.println(PushAfterWrites.summaryLine(pushTo, pushing));
                out.flush();
            }
            return exit;
        }
    }

    /**
     * Stops the jobs (their writes in flight finish), then lets the aggregations and pushes they queued finish within
     * what is left of {@link StopOnShutdown#GRACE}; one still running then is abandoned cleanly (objects are put
     * whole and recorded only once put, so the next start pushes what is missing). Called by the shutdown hook and
     * again when the run ends; the second call finds nothing left to do.
     */
    static void stop(BinanceDataServer server, AfterSeriesWrites afterWrites) {
        long start = System.nanoTime();
        server.close();
        if (afterWrites != null) {
            // closing a job's store compacts its journal into the manifest: a write of its own, to push too
            server.jobs().forEach(afterWrites::request);
            try {
                afterWrites.close(StopOnShutdown.GRACE.minusNanos(Math.min(StopOnShutdown.GRACE.toNanos(),
                        System.nanoTime() - start)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Checks the listed symbols against exchangeInfo (or lists the TRADING ones for --all) before writing. */
    private List<FetchJob> resolveJobs(BinanceClient client, List<FetchJob> listed) throws BadInputException {
        BinanceResult<ExchangeInfo> info = client.exchangeInfo();
        if (!info.isOk()) {
            throw new IllegalStateException("cannot read exchangeInfo from " + client.baseUrl() + ": "
                    + info.describe());
        }
        ExchangeInfo exchange = info.orThrow();
        if (jobs.all != null) {
            List<String> symbols = jobs.all.quote == null ? exchange.tradingSymbols()
                    : exchange.tradingSymbols(jobs.all.quote);
            if (symbols.isEmpty()) {
                throw new BadInputException("no TRADING symbol" + (jobs.all.quote == null ? ""
                        : " quoted in '" + jobs.all.quote + "'") + " on " + client.baseUrl());
            }
            List<FetchJob> all = new ArrayList<>();
            for (String s : symbols) {
                all.add(new FetchJob(jobs.all.endpoint, s, jobs.all.interval, limit));
            }
            return all;
        }
        List<String> unknown = new ArrayList<>();
        for (FetchJob j : listed) {
            if (exchange.symbol(j.symbol()).isEmpty()) {
                unknown.add(j.symbol());
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException("--jobs: Binance does not know " + String.join(", ", unknown)
                    + "; valid: a symbol of exchangeInfo, for example " + String.join(", ",
                    exchange.tradingSymbols().subList(0, Math.min(5, exchange.tradingSymbols().size()))));
        }
        return listed;
    }

    static List<FetchJob> parseJobs(List<String> specs, int limit) throws BadInputException {
        Set<FetchJob> out = new LinkedHashSet<>();
        for (String raw : specs) {
            String spec = raw.trim();
            String[] p = spec.split(":", -1);
            if (p.length < 2 || p.length > 3) {
                throw new BadInputException("--jobs: '" + spec + "' is not a job; write SYMBOL:INTERVAL[:ENDPOINT],"
                        + " for example BTCUSDT:1m:klines");
            }
            try {
                out.add(new FetchJob(p.length == 3 ? Endpoint.parse(p[2]) : Endpoint.KLINES,
                        Converters.symbol(p[0]), Interval.parse(p[1]), limit));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--jobs: '" + spec + "': " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(out);
    }

    /** The {@code --workers} value checked by the server's builder (the one owner of its range), or the default. */
    private static int workers(Integer given) throws BadInputException {
        if (given == null) {
            return BinanceDataServer.Builder.defaultWorkers();
        }
        try {
            BinanceDataServer.Builder.checkWorkers(given);
            return given;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--" + e.getMessage(), e);
        }
    }

    /** A duration option's value, or bad input naming the option (also used by {@code qlir agg}). */
    static Duration duration(String flag, String text) throws BadInputException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(flag + ": " + e.getMessage(), e);
        }
    }

    private static int report(List<JobState> states, PrintWriter out) {
        int failed = 0;
        for (JobState s : states) {
            out.printf(Locale.ROOT, "%s: %s, %d slices, %d rows%s%n", s.job(), s.phase().name().toLowerCase(
                    Locale.ROOT), s.slicesAttempted(), s.rows(), s.error().map(e -> "; last error: " + e).orElse(""));
            // failed for good, or still retrying without having received one row
            if (s.phase() == JobPhase.FAILED || (s.rows() == 0 && s.error().isPresent())) {
                failed++;
            }
        }
        out.flush();
        return failed == states.size() && failed > 0 ? Exit.FAILURE : Exit.OK;
    }

    /** A plain progress line per job, at most every {@link #STATUS_EVERY}, and one when its catch-up ends. */
    static final class StatusLines implements FetchListener {

        private final PrintWriter out;
        private final Map<FetchJob, Long> lastLine = new ConcurrentHashMap<>();

        StatusLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void sliceDone(FetchProgress p) {
            long now = System.nanoTime();
            boolean done = p.slicesDone() >= p.slicesTotal();
            Long last = lastLine.get(p.job());
            if (!done && last != null && now - last < STATUS_EVERY.toNanos()) {
                return;
            }
            lastLine.put(p.job(), now);
            String line = ProgressView.line(p.job().toString(), p.slicesDone(), p.slicesTotal(), p.rows(),
                    p.elapsed().toNanos(), false);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
