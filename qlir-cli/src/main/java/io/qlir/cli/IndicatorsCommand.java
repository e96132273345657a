package io.qlir.cli;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code qlir indicators}: applies ops written in the op language to candles and writes the derived table. */
@Command(name = "indicators",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compute indicators over candles with the op language.",
            "",
            "Candles come from a CSV file (--input) or from the store (--symbol, --interval). Ops are separated by"
                    + " ';' (or new lines) and applied in order, each to the table the previous one made; every"
                    + " new column says which rows it read (--explain). The result (candle columns plus new"
                    + " columns) goes to --out, or to stdout.",
            "",
            "With --symbols A,B,... (and --interval) or --all, many stored series are derived at once, one per"
                    + " core (--threads), each written to its own file in --out DIR: SYMBOL-INTERVAL.csv (.json with"
                    + " --format json; -uiklines and -limitN follow for other endpoints and limits). A series that"
                    + " fails is named on stderr, the others are still written, and the exit code is 1."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir indicators --input btc.csv --ops \"sma(close,14,50); arp(14)\" --explain",
            "  qlir indicators --symbol BTCUSDT --interval 1h --start 2024-01-01 --ops \"rsi(close,14)\" --out r.csv",
            "  qlir indicators --input btc.csv --out touches.csv \\",
            "      --ops \"bollinger(close,20,2); band_touches(close,20,2)\"",
            "  qlir indicators --input btc.csv --ops \"rsi(close,14)\" --format json > rsi.json",
            "  qlir indicators --symbols BTCUSDT,ETHUSDT --interval 1m --ops \"sma(close,20,50); arp(14)\" \\",
            "      --out features/",
            "  qlir indicators --all --interval 1h --ops \"rsi(close,14)\" --out rsi/ --quiet"
        })
final class IndicatorsCommand implements Callable<Integer> {

    private static final int SIGNATURE_WIDTH = 32;
    private static final int HELP_WIDTH = 79;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = CandleInput.HEADING)
    CandleInput input = new CandleInput();

    @ArgGroup(validate = false, heading = "%nMany series of the store at once (one file per series in --out DIR):%n")
    ManySeriesOptions many = new ManySeriesOptions();

    @Mixin
    TimeRangeOptions range = new TimeRangeOptions();

    @Option(names = "--ops", required = true, paramLabel = "OPS",
            description = "Ops to apply, for example \"sma(close,14,50); arp(14)\". The ops are listed below.")
    String ops;

    @Option(names = "--explain",
            description = "Print every new column's row semantics (its derivation spec); without --out, instead"
                    + " of the table.")
    boolean explain;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table to FILE instead of stdout; with"
            + " --symbols or --all, the folder each series' file is written to.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            converter = Converters.OutputFormatConverter.class,
            description = "csv (default) or json.")
    OutputFormat format;

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    IndicatorsCommand(CliContext context) {
        this.context = context;
    }

    /** Appends the op reference (every catalogued op's signature and summary) to the command's help. */
    static void addOpReference(CommandLine indicators) {
        List<String> footer = new ArrayList<>(List.of(indicators.getCommandSpec().usageMessage().footer()));
        footer.add("");
        footer.add("Ops (name(arguments), '...' = one or more values, [x] = optional):");
        List<OpDefinition> defs = OpCatalogue.standard().definitions();
        int width = 0;
        for (OpDefinition d : defs) {
            width = Math.max(width, Math.min(SIGNATURE_WIDTH, d.signature().length()));
        }
        for (OpDefinition d : defs) {
            String sig = d.signature();
            boolean hasSummary = !d.summary().isBlank() && !d.summary().equals(sig);
            String line = "  " + sig + " ".repeat(Math.max(0, width - sig.length())) + "  "
                    + (hasSummary ? d.summary() : "");
            if (line.length() <= HELP_WIDTH) {
                footer.add(line.stripTrailing());
            } else {
                footer.add("  " + sig);
                footer.add("      " + d.summary());
            }
        }
        indicators.getCommandSpec().usageMessage().footer(footer.toArray(new String[0]));
    }

    @Override
    public Integer call() throws Exception {
        if (many.requested()) {
            range.validate();
            CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            ManySeriesIndicators.Request request = new ManySeriesIndicators.Request(many, input,
                    parsed.hasMatchedOption("--endpoint"), parsed.hasMatchedOption("--limit"), range.start, range.end,
                    ops, out, format, explain);
            return new ManySeriesIndicators(context, runtime, request).run(spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (many.threads != null || many.quiet) {
            throw new BadInputException((many.threads != null ? "--threads" : "--quiet") + " works with --symbols or"
                    + " --all (many series at once); one series is derived on one thread without a progress bar");
        }
        input.validate();
        range.validate();
        return input.run(context, runtime, spec.commandLine().getErr(), range.start, range.end, false,
                session -> check(), this::compute);
    }

    private void check() throws BadInputException {
        parseOps(ops);
        if (out != null) {
            outputFile(context, out);
        }
    }

    private int compute(CandleInput.Loaded candles) throws Exception {
        Derived derived = apply(parseOps(ops), candles.candles());
        PrintWriter stdout = spec.commandLine().getOut();
        if (explain) {
            stdout.println(derived.explain());
        }
        if (out != null) {
            write(derived.table(), outputFile(context, out));
            stdout.println("wrote " + derived.table().rowCount() + " rows to " + out + " (new columns: "
                    + String.join(", ", derived.columns()) + ")");
        } else if (!explain) {
            TableOutput.write(derived.table(), format, stdout);
        }
        stdout.flush();
        return Exit.OK;
    }

    static List<Op> parseOps(String ops) throws BadInputException {
        try {
            List<Op> parsed = OpCatalogue.standard().parseAll(ops);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("no op given; for example \"sma(close,14)\"");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--ops: " + e.getMessage(), e);
        }
    }

    static Derived apply(List<Op> parsed, Table candles) throws BadInputException {
        Derived derived = null;
        for (Op op : parsed) {
            try {
                derived = derived == null ? op.apply(candles) : derived.then(op);
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                throw new BadInputException("--ops: " + (m.startsWith(op.toText()) ? "" : op.toText() + ": ") + m, e);
            }
        }
        return derived;
    }

    /** Checks that an output file's folder exists, before any work is done. */
    static Path outputFile(CliContext context, Path out) throws BadInputException {
        Path file = context.workingDir().resolve(out);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--out " + file + ": folder " + parent + " does not exist");
        }
        OutputPaths.requireWritableFile(file, "--out");
        OutputPaths.requireOutsideStore(file, "--out");
        return file;
    }

    private void write(Table table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TableOutput.write(table, format, w);
        }
    }
}
