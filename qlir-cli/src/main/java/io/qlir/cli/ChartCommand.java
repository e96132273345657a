package io.qlir.cli;

import io.qlir.charts.CandleChartOptions;
import io.qlir.charts.ChartSpec;
import io.qlir.charts.Charts;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code qlir chart}: a PNG of candles with the columns of ops drawn where their specs say they belong. */
@Command(name = "chart",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Draw candles and indicators to a PNG.",
            "",
            "The ops (the same language as 'qlir indicators') are computed over all the candles; then the last"
                    + " bars (or those between --start and --end) are drawn: averages and Bollinger bands over"
                    + " the candles, band touches as dots on their line, range shock in a panel below with"
                    + " events marked."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir chart --input btc.csv --out btc.png \\",
            "      --ops \"sma(close,20,50); bollinger(close,20,2); band_touches(close,20,2); range_shock(14)\"",
            "  qlir chart --input btc.csv --ops \"ema(close,20)\" --start 2019-04-20 --out last-day.png"
        })
final class ChartCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    CandleInput input = new CandleInput();

    @Mixin
    TimeRangeOptions range = new TimeRangeOptions();

    @Option(names = "--ops", required = true, paramLabel = "OPS",
            description = "Ops whose columns are drawn, for example \"sma(close,20,50); range_shock(14)\""
                    + " (see 'qlir indicators --help').")
    String ops;

    @Option(names = "--out", required = true, paramLabel = "F.png", description = "The PNG file to write.")
    Path out;

    @Option(names = "--last", paramLabel = "N", defaultValue = "300",
            description = "Draw the last N bars (of the --start/--end range when given). Default: ${DEFAULT-VALUE}.")
    int lastBars;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x900",
            description = "Image size in pixels. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title. Default: the input file's name.")
    String title;

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    ChartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        range.validate();
        Session.open(context, runtime);
        List<Op> parsed = IndicatorsCommand.parseOps(ops);
        Path file = IndicatorsCommand.outputFile(context, out);
        CandleChartOptions options = options();
        Table candles = input.read(context);
        Derived derived = IndicatorsCommand.apply(parsed, candles);
        ChartSpec chart;
        try {
            chart = Charts.candles(derived, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot chart " + input.input + ": " + e.getMessage(), e);
        }
        Charts.writePng(chart, file);
        spec.commandLine().getOut().println("wrote " + out + " (" + options.width() + "x" + options.height()
                + ", columns: " + String.join(", ", derived.columns()) + ")");
        return Exit.OK;
    }

    private CandleChartOptions options() throws BadInputException {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x", -1);
        int width;
        int height;
        try {
            if (wh.length != 2) {
                throw new NumberFormatException();
            }
            width = Integer.parseInt(wh[0].trim());
            height = Integer.parseInt(wh[1].trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--size '" + size + "' is not WIDTHxHEIGHT; for example 1600x900");
        }
        try {
            CandleChartOptions.Builder b = CandleChartOptions.builder()
                    .size(width, height)
                    .title(title != null ? title : input.input.getFileName().toString())
                    .lastBars(lastBars);
            if (range.start != null || range.end != null) {
                b.between(range.start, range.end);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
