package io.qlir.cli;

import io.qlir.charts.CandleChartOptions;
import io.qlir.charts.ChartSpec;
import io.qlir.charts.Charts;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.ops.pipeline.ColumnSemantics;
import io.qlir.ops.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code qlir chart}: a candlestick chart with the columns of ops drawn on it, as PNG. */
@Command(name = "chart",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Draw candles and indicators as a PNG, headless.",
            "",
            "Averages, Bollinger bands and VWAP go over the candles, band touches and boolean flags are marked on"
                    + " them, range shocks get a panel below with every bar at or above --shock marked as an event,"
                    + " other numbers a panel of their own. Indicators are computed over the bars before the first"
                    + " one drawn too (their warm-up is loaded from the store), so they are defined from the left"
                    + " edge. Ops use the op language of 'qlir indicators'."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir chart --symbol BTCUSDT --interval 1m --out btc.png \\",
            "      --ops \"sma(close,20,50); bollinger(close,20,2); band_touches(close,20,2); range_shock(14)\"",
            "  qlir chart --symbol BTCUSDT --interval 1h --start 2024-03-01 --end 2024-03-07 --ops \"sma(close,24)\""
                    + " --out week.png --width 1200 --height 700",
            "  qlir chart --input btc.csv --ops \"range_shock(14)\" --out shocks.png"
        })
final class ChartCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = CandleInput.HEADING)
    CandleInput input = new CandleInput();

    @Mixin
    TimeRangeOptions range = new TimeRangeOptions();

    @Option(names = "--ops", required = true, paramLabel = "OPS",
            description = "Ops whose columns are drawn, for example \"sma(close,20,50); range_shock(14)\".")
    String ops;

    @Option(names = "--out", required = true, paramLabel = "F.png", description = "The PNG file to write.")
    Path out;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600",
            description = "Image width in pixels, 100..10000. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "900",
            description = "Image height in pixels, 100..10000. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "300",
            description = "Draw at most the last N bars (of the --start/--end range, if given)."
                    + " Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--shock", paramLabel = "X", defaultValue = "2.0",
            description = "A range shock at or above X marks an event. Default: ${DEFAULT-VALUE}.")
    double shock;

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    ChartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        input.validate();
        range.validate();
        List<Op> parsed = parseOps();
        CandleChartOptions options = options(parsed);
        Path file = context.workingDir().resolve(out).normalize();
        OutputPaths.requireSuffix(file, ".png", "--out");
        OutputPaths.requireWritableFile(file, "--out");
        // a CSV is drawn whole (the options keep --start/--end); from the store, the ops' warm-up is loaded too
        Instant from = input.isCsv() || range.start == null ? null
                : Instant.ofEpochMilli(input.interval.plus(input.interval.floor(range.start.toEpochMilli()),
                        -warmupBars(parsed)));
        Instant to = input.isCsv() ? null : range.end;
        return input.run(context, runtime, spec.commandLine().getErr(), from, to, true,
                ReadOnlyStore.Checks.NONE,
                candles -> draw(candles.candles(), options, file));
    }

    private List<Op> parseOps() throws BadInputException {
        try {
            List<Op> parsed = OpCatalogue.standard().parseAll(ops);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("no op given; for example \"sma(close,20,50)\"");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--ops: " + e.getMessage(), e);
        }
    }

    private CandleChartOptions options(List<Op> parsed) throws BadInputException {
        String title = input.label();
        if (bars < 1) {
            throw new BadInputException("--bars must be at least 1 (the number of last bars to draw), got " + bars);
        }
        try {
            return CandleChartOptions.builder().size(width, height).title(title).ops(parsed).lastBars(bars)
                    .shockThreshold(shock).between(range.start, range.end).build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--width/--height/--shock: " + e.getMessage(), e);
        }
    }

    /** The bars before the first drawn one that the ops need to be defined there: their largest warm-up. */
    private static int warmupBars(List<Op> parsed) throws BadInputException {
        Pipeline p = Pipeline.named("chart");
        for (Op op : parsed) {
            p = p.then(op);
        }
        try {
            return p.semantics().stream().mapToInt(c -> c.spec().warmup()).max().orElse(0);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--ops: " + e.getMessage(), e);
        }
    }

    private int draw(Table candles, CandleChartOptions options, Path file) throws Exception {
        ChartSpec chart;
        try {
            chart = Charts.candles(candles, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Charts.writePng(chart, file);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + file + " (" + chart.width() + "x" + chart.height() + "): "
                + String.join(", ", chart.seriesNames()));
        stdout.flush();
        return Exit.OK;
    }
}
