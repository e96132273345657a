package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.BinanceFetcher;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchOrder;
import io.qlir.binance.FetchSummary;
import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.charts.CandleChartOptions;
import io.qlir.charts.Charts;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import io.qlir.cli.demo.ReplayServer;
import io.qlir.cli.logging.Logging;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.emulator.RecordedKlines;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qlir demo}: the whole real pipeline with no network, on an embedded replay of recorded Binance klines.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the whole pipeline offline on real recorded Binance data.",
            "",
            "A local server on loopback replays 500 real Binance 30m klines (BTCUSDT prices, April 2019) with its"
                    + " clock stopped inside the last candle, so that candle is still forming. qlir fetches them"
                    + " through its real client into slices under DIR/data, validates the manifest, loads the"
                    + " candles (the forming one left out), computes SMA, ARP, range shock and Bollinger band"
                    + " touches, prints a summary, and writes a CSV and a chart. Runs again in the same DIR find"
                    + " everything on disk and fetch nothing."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir demo",
            "  qlir demo --out demo-out && qlir manifest summary --data-root demo-out/data --symbol BTCUSDT"
                    + " --interval 30m --limit 100"
        })
final class DemoCommand implements Callable<Integer> {

    static final String SYMBOL = "BTCUSDT";
    static final int LIMIT = 100;
    static final String OPS = "sma(close,14,50); arp(14); range_shock(14); bollinger(close,20,2);"
            + " band_touches(close,20,2)";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the data root (DIR/data), the CSV and the chart. Default: a new temporary"
                    + " folder.")
    Path out;

    @Option(names = "--log-profile", paramLabel = "PROFILE",
            description = "prod (the demo's default: warnings only on the console), info or debug.")
    String logProfile;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        RecordedKlines recording = ReplayServer.demoRecording();
        long lastOpen = recording.openTime(recording.size() - 1);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(lastOpen + 10 * 60_000L), ZoneOffset.UTC);
        Path dir = outputFolder();
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.dataRoot = dir.resolve("data").toString();
        runtime.logProfile = logProfile != null || context.environment().containsKey("QLIR_LOG_PROFILE")
                ? logProfile : "prod";
        PrintWriter o = spec.commandLine().getOut();
        try (ReplayServer server = ReplayServer.start(List.of(recording), clock)) {
            Session session = Session.open(context, runtime, r -> r.flag(Setting.BASE_URL,
                    server.baseUrl().toString()));
            RuntimeConfig config = session.config();
            Path root = session.writableDataRoot();
            FetchJob job = new FetchJob(io.qlir.binance.Endpoint.KLINES, SYMBOL, recording.interval(), LIMIT);
            o.println("qlir demo: the whole pipeline on real recorded Binance data, offline");
            o.printf("1. replay   %s serves %s %s: %d recorded candles, %s .. %s; clock stopped at %s%n",
                    server.baseUrl(), SYMBOL, recording.interval().wireCode(), recording.size(),
                    Instant.ofEpochMilli(recording.openTime(0)), Instant.ofEpochMilli(lastOpen), clock.instant());
            o.flush();
            Logging.inJob(job.name(), () -> {
                pipeline(o, config, clock, root, job, dir);
                return null;
            });
            return Exit.OK;
        }
    }

    private void pipeline(PrintWriter o, RuntimeConfig config, Clock clock, Path root, FetchJob job, Path dir)
            throws Exception {
        FetchSummary fetched;
        try (BinanceClient client = BinanceClients.from(config, clock)) {
            fetched = BinanceFetcher.builder(client, root).order(FetchOrder.OLDEST_FIRST).build()
                    .fetch(job, null, null);
        }
        o.println("2. fetch    " + fetched.describe());
        ValidationReport report = ManifestValidator.validate(root, job.series(), ValidationMode.DEEP);
        o.println("3. validate " + report.describe());
        LoadResult loaded = CandleLoader.of(root, job.series()).clock(clock).load();
        o.println("4. load     " + loaded.describe());
        List<Op> ops = IndicatorsCommand.parseOps(OPS);
        Derived derived = IndicatorsCommand.apply(ops, loaded.candles());
        o.println("5. indicators " + OPS);
        o.println();
        DemoSummary.print(derived.table(), o);
        o.println();
        Path csv = dir.resolve("demo-indicators.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            TableOutput.write(derived.table(), OutputFormat.CSV, w);
        }
        Path png = dir.resolve("demo-chart.png");
        Charts.writePng(Charts.candles(derived, CandleChartOptions.builder()
                .title(SYMBOL + " " + job.interval().wireCode() + ", replayed from a real Binance recording (April"
                        + " 2019)")
                .lastBars(200)
                .build()), png);
        o.println("6. files    " + csv + " (" + derived.table().rowCount() + " rows, "
                + derived.table().columnCount() + " columns)");
        o.println("           " + png);
        o.println("           data root " + root + " (try: qlir manifest summary --data-root " + root
                + " --symbol " + SYMBOL + " --interval " + job.interval().wireCode() + " --limit " + LIMIT + ")");
        o.println(report.isClean() ? "done: clean" : "done, but the store is NOT clean: see step 3");
        o.flush();
        if (!report.isClean()) {
            throw new IllegalStateException("the demo's store did not validate clean: " + report.describe());
        }
    }

    private Path outputFolder() throws Exception {
        if (out == null) {
            return Files.createTempDirectory("qlir-demo-");
        }
        if (out.getNameCount() > 0 && out.getName(0).toString().matches("[a-zA-Z][a-zA-Z0-9+.-]*:")) {
            // picocli made a Path of "s3://b/p": "s3:/b/p"; a URL is never a folder the demo can write
            throw new BadInputException("--out " + out.toString().replaceFirst(":/", "://") + " is a URL; the demo"
                    + " writes a local folder (push its data root afterwards with 'qlir push --to s3://...')");
        }
        Path dir = context.workingDir().resolve(out).toAbsolutePath().normalize();
        String problem = Session.writableProblem(dir);
        if (problem != null) {
            throw new BadInputException("--out " + dir + " is not writable: " + problem
                    + "; choose a writable folder");
        }
        return Files.createDirectories(dir);
    }
}
