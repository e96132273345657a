package io.qlir.cli;

import io.qlir.charts.ChartSpec;
import io.qlir.charts.Charts;
import io.qlir.charts.StudyChartOptions;
import io.qlir.ops.study.Direction;
import io.qlir.ops.study.RunStats;
import io.qlir.ops.study.SmaPersistence;
import io.qlir.ops.study.SmaPersistenceOptions;
import io.qlir.ops.study.Studies;
import java.io.PrintWriter;
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

/** {@code qlir study sma}: studies of a stored series, written as CSVs, charts and a dataset fingerprint. */
@Command(name = "study",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ask a question of a whole stored series; the answer is tables, charts and a fingerprint.",
        subcommands = {StudyCommand.Sma.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir study sma --symbol BTCUSDT --interval 1m",
            "  qlir study sma --symbol BTCUSDT --interval 1m --windows 5..20,50 --decimals 2 --out sma-btc"
        })
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir study: missing study (sma)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }

    /** {@code qlir study sma}: SMA direction persistence over a range of windows. */
    @Command(name = "sma",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "SMA direction persistence: once an SMA turns up (or down), how many bars does it keep going?",
                "",
                "For each window the SMA's direction per bar is the sign of its change (after --decimals rounding);"
                        + " runs are stretches of one direction, a flat bar ends a run, and runs cut by the start"
                        + " or end of the data are censored (counted apart). Writes summary, distribution,"
                        + " survival, censored and bars CSVs, study.json, fingerprint.json (which slice files the"
                        + " candles came from) and sma-persistence.png into --out, and prints the summary. Candles"
                        + " come from the store (--symbol, --interval) or a CSV file (--input)."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir study sma --symbol BTCUSDT --interval 1m",
                "  qlir study sma --symbol BTCUSDT --interval 1m --windows 5,10,20,50 --start 2024-01-01"
                        + " --end 2024-03-31",
                "  qlir study sma --symbol ETHUSDT --interval 1h --decimals 2 --out eth-sma"
            })
    static final class Sma implements Callable<Integer> {

        static final String CHART_FILE = "sma-persistence.png";

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @ArgGroup(validate = false, heading = CandleInput.HEADING)
        CandleInput input = new CandleInput();

        @Option(names = "--windows", paramLabel = "LIST", defaultValue = "5..60",
                description = "SMA windows: ranges a..b and single windows separated by commas, for example 5..60,"
                        + " 5,10,20 or 5..20,50. Default: ${DEFAULT-VALUE}.")
        String windows;

        @Option(names = "--col", paramLabel = "COLUMN", defaultValue = "close",
                description = "The candle column to average. Default: ${DEFAULT-VALUE}.")
        String column;

        @Option(names = "--decimals", paramLabel = "D",
                description = "Round the SMA to D decimal places (0.." + SmaPersistenceOptions.MAX_DECIMALS
                        + ") before taking its direction, so float noise is not a move. Default: no rounding.")
        Integer decimals;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Output folder (created; its study files are replaced)."
                        + " Default: qlir-out/study-sma-<SYMBOL>-<interval>.")
        Path out;

        @Option(names = "--width", paramLabel = "PX", defaultValue = "1600",
                description = "Chart width in pixels, 100..10000. Default: ${DEFAULT-VALUE}.")
        int width;

        @Option(names = "--height", paramLabel = "PX", defaultValue = "900",
                description = "Chart height in pixels, 100..10000. Default: ${DEFAULT-VALUE}.")
        int height;

        @Mixin
        TimeRangeOptions range = new TimeRangeOptions();

        @ArgGroup(validate = false, heading = "%nRuntime options:%n")
        RuntimeOptions runtime = new RuntimeOptions();

        Sma(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            input.validate();
            range.validate();
            SmaPersistenceOptions options = options();
            StudyChartOptions chartOptions = chartOptions();
            Path dir = outDir();
            return input.run(context, runtime, spec.commandLine().getErr(), range.start, range.end, true,
                    session -> OutputPaths.requireWritableFolder(dir, "--out"),
                    candles -> run(candles, dir, options, chartOptions));
        }

        private int run(CandleInput.Loaded data, Path dir, SmaPersistenceOptions options,
                        StudyChartOptions chartOptions) throws Exception {
            SmaPersistence result;
            try {
                result = Studies.smaPersistence(data.candles(), options);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--col " + column + ": " + e.getMessage(), e);
            }
            ChartSpec chart = Charts.smaPersistence(result, chartOptions);
            List<Path> files = result.writeTo(dir, data.fingerprint());
            Charts.writePng(chart, dir.resolve(CHART_FILE));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("SMA direction persistence of " + column + ", " + data.fingerprint().describe());
            printSummary(result, stdout);
            stdout.println("wrote " + (files.size() + 1) + " files to " + dir + " (" + String.join(", ",
                    SmaPersistence.FILES) + ", " + CHART_FILE + ")");
            stdout.flush();
            return Exit.OK;
        }

        private SmaPersistenceOptions options() throws BadInputException {
            List<Integer> ws;
            try {
                ws = SmaPersistenceOptions.parseWindows(windows);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--windows: " + e.getMessage(), e);
            }
            SmaPersistenceOptions.Builder b = SmaPersistenceOptions.builder().column(column).windows(ws);
            if (decimals != null) {
                b.decimals(decimals);
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                String flag = decimals != null && e.getMessage().startsWith("decimals") ? "--decimals" : "--windows";
                throw new BadInputException(flag + ": " + e.getMessage(), e);
            }
        }

        private StudyChartOptions chartOptions() throws BadInputException {
            try {
                return StudyChartOptions.builder().size(width, height)
                        .title("SMA direction persistence: " + (input.isCsv() ? input.label()
                                : input.symbol + " " + input.interval.wireCode()) + " " + column)
                        .build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--width/--height: " + e.getMessage(), e);
            }
        }

        private Path outDir() {
            Path dir = out != null ? out : Path.of("qlir-out", "study-sma-" + input.stem());
            return context.workingDir().resolve(dir).normalize();
        }

        static void printSummary(SmaPersistence result, PrintWriter out) {
            out.println(String.format(Locale.ROOT, "%6s  %-36s  %-36s", "window", "up runs: n  mean  median  p90  max",
                    "down runs: n  mean  median  p90  max"));
            for (int w : result.windows()) {
                out.println(String.format(Locale.ROOT, "%6d  %-36s  %-36s", w, cell(result.stats(w, Direction.UP)),
                        cell(result.stats(w, Direction.DOWN))));
            }
        }

        private static String cell(RunStats s) {
            if (s.runs() == 0) {
                return String.format(Locale.ROOT, "%d  (no completed run)", s.runs());
            }
            return String.format(Locale.ROOT, "%d  %.2f  %s  %s  %d", s.runs(), s.mean(), number(s.median()),
                    number(s.p90()), s.max());
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
