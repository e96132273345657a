package io.qlir.cli;

import io.qlir.ops.pipeline.ColumnSemantics;
import io.qlir.ops.pipeline.LastRun;
import io.qlir.ops.pipeline.Pipeline;
import io.qlir.ops.pipeline.PipelineDescription;
import io.qlir.ops.pipeline.PipelineListing;
import io.qlir.ops.pipeline.PipelineRun;
import io.qlir.ops.pipeline.PipelineSpec;
import io.qlir.ops.pipeline.PipelineStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qlir pipelines create|list|show|run}: named, stored recipes of ops. */
@Command(name = "pipelines",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Save a sequence of ops under a name, list and inspect the saved ones, and run one over a stored series.",
            "",
            "A pipeline is a JSON file <data-root>/pipelines/<name>.json (another folder with --pipelines-dir);"
                    + " its ops use the op language of 'qlir indicators' (see 'qlir indicators --help')."
        },
        subcommands = {PipelinesCommand.Create.class, PipelinesCommand.ListPipelines.class,
            PipelinesCommand.Show.class, PipelinesCommand.Run.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir pipelines create trend --ops \"sma(close,20,50); range_shock(14)\" --notes \"fast/slow\"",
            "  qlir pipelines list",
            "  qlir pipelines show trend",
            "  qlir pipelines run trend --symbol BTCUSDT --interval 1m --out trend.csv"
        })
final class PipelinesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir pipelines: missing subcommand (create, list, show or run)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }

    /** What every pipelines subcommand shares: the runtime options and where the pipelines are. */
    abstract static class PipelineCommand implements Callable<Integer> {

        final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--pipelines-dir", paramLabel = "DIR",
                description = "Folder of the pipeline files. Default: <data-root>/pipelines.")
        Path pipelinesDir;

        @ArgGroup(validate = false, heading = "%nRuntime options:%n")
        RuntimeOptions runtime = new RuntimeOptions();

        PipelineCommand(CliContext context) {
            this.context = context;
        }

        PipelineStore store(Session session) {
            Path folder = pipelinesDir != null ? context.workingDir().resolve(pipelinesDir).normalize()
                    : session.config().dataRoot().resolve(PipelineStore.FOLDER);
            return PipelineStore.at(folder);
        }

        /** Reads a stored pipeline; a missing or malformed one is bad input. */
        static PipelineSpec spec(PipelineStore store, String name) throws BadInputException {
            try {
                return store.spec(name);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** {@code qlir pipelines create NAME --ops "..."}. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Save a pipeline. Every op is parsed and dry-run on candles first: nothing is written unless the"
                        + " whole pipeline would run. An existing pipeline is replaced only with --force."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir pipelines create trend --ops \"sma(close,20,50); range_shock(14)\"",
                "  qlir pipelines create touches --ops \"bollinger(close,20,2); band_touches(close,20,2)\" --force"
            })
    static final class Create extends PipelineCommand {

        @Parameters(index = "0", paramLabel = "NAME",
                description = "1 to 64 lower case letters, digits, '_' or '-' (it is also the file name).")
        String name;

        @Option(names = "--ops", required = true, paramLabel = "OPS",
                description = "Ops separated by ';', for example \"sma(close,20,50); range_shock(14)\".")
        String ops;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text stored with the pipeline.")
        String notes;

        @Option(names = "--force", description = "Replace an existing pipeline of that name.")
        boolean force;

        Create(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            Session session = Session.open(context, runtime);
            PipelineStore store = store(session);
            Pipeline pipeline;
            try {
                Pipeline.named(name); // the NAME argument first: its error is not about --ops
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            try {
                pipeline = Pipeline.parse(name, ops);
                pipeline.semantics();
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--ops: " + e.getMessage(), e);
            }
            Path file = store.file(name);
            if (!force && Files.exists(file)) {
                throw new BadInputException("pipeline '" + name + "' already exists (" + file + "); choose another"
                        + " name, or replace it with --force");
            }
            OutputPaths.requireWritableFolder(store.folder(), pipelinesDir != null ? "--pipelines-dir"
                    : "pipelines folder");
            session.startReadOnlyFileLogging();
            PipelineSpec created;
            try {
                created = store.create(pipeline, notes, force);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            out().println((force ? "stored" : "created") + " pipeline " + created.name() + " (" + file + "): "
                    + created.opsText());
            out().flush();
            return Exit.OK;
        }
    }

    /** {@code qlir pipelines list}. */
    @Command(name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "List the stored pipelines: name, ops, when created, last run. A file that is not a"
                    + " valid pipeline is reported on stderr with the reason.",
            footerHeading = "%nExamples:%n",
            footer = {"  qlir pipelines list", "  qlir pipelines list --pipelines-dir ~/research/pipelines"})
    static final class ListPipelines extends PipelineCommand {

        ListPipelines(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            Session session = Session.open(context, runtime);
            PipelineStore store = store(session);
            List<PipelineListing> listings = store.list();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "OPS", "CREATED", "LAST RUN"});
            PrintWriter err = spec.commandLine().getErr();
            for (PipelineListing l : listings) {
                if (l instanceof PipelineListing.Loaded loaded) {
                    PipelineSpec s = loaded.spec();
                    rows.add(new String[] {s.name(), s.opsText(), s.created().toString(),
                        s.lastRunIfAny().map(Show::describe).orElse("never")});
                } else if (l instanceof PipelineListing.Unreadable bad) {
                    err.println("qlir: skipped " + bad.file() + ": " + bad.problem());
                }
            }
            err.flush();
            if (rows.size() == 1) {
                out().println("no pipelines in " + store.folder() + "; create one with 'qlir pipelines create NAME"
                        + " --ops \"sma(close,20,50)\"'");
            } else {
                printColumns(rows, out());
            }
            out().flush();
            return Exit.OK;
        }

        static void printColumns(List<String[]> rows, PrintWriter out) {
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int c = 0; c < r.length; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < r.length; c++) {
                    line.append(c == 0 ? "" : "  ").append(c == r.length - 1 ? r[c]
                            : r[c] + " ".repeat(width[c] - r[c].length()));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    /** {@code qlir pipelines show NAME}. */
    @Command(name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "Show a stored pipeline: its ops, and what every output column means row by row (which"
                    + " inputs and which rows relative to the written row it reads).",
            footerHeading = "%nExamples:%n",
            footer = "  qlir pipelines show trend")
    static final class Show extends PipelineCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The pipeline's name.")
        String name;

        Show(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            Session session = Session.open(context, runtime);
            PipelineStore store = store(session);
            spec(store, name);
            PipelineDescription d;
            try {
                d = store.show(name);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            PrintWriter out = out();
            PipelineSpec s = d.spec();
            out.println("pipeline " + s.name() + " (" + store.file(name) + ")");
            out.println("ops:      " + s.opsText());
            out.println("created:  " + s.created());
            if (!s.notes().isBlank()) {
                out.println("notes:    " + s.notes());
            }
            out.println("last run: " + s.lastRunIfAny().map(Show::describe).orElse("never"));
            out.println("columns:");
            for (ColumnSemantics c : d.columns()) {
                out.println("  " + c.render());
            }
            if (!d.dropped().isEmpty()) {
                out.println("dropped intermediates:");
                d.dropped().forEach(line -> out.println("  " + line));
            }
            out.flush();
            return Exit.OK;
        }

        static String describe(LastRun run) {
            return run.at() + " over " + run.fingerprint().describe();
        }
    }

    /** {@code qlir pipelines run NAME --symbol S --interval I}. */
    @Command(name = "run",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Run a stored pipeline over a stored series (or a candle CSV with --input): load the closed candles,"
                        + " apply the ops, write the table as CSV with <out>.fingerprint.json beside it (which slice"
                        + " files the candles came from), and record the run in the pipeline's file."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir pipelines run trend --symbol BTCUSDT --interval 1m",
                "  qlir pipelines run trend --symbol BTCUSDT --interval 1m --start 2024-01-01 --out trend-jan.csv"
            })
    static final class Run extends PipelineCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The pipeline's name.")
        String name;

        @ArgGroup(validate = false, heading = CandleInput.HEADING)
        CandleInput input = new CandleInput();

        @Option(names = "--out", paramLabel = "FILE",
                description = "The CSV to write. Default: qlir-out/<name>-<SYMBOL>-<interval>.csv.")
        Path out;

        @Mixin
        TimeRangeOptions range = new TimeRangeOptions();

        /** The session the checks ran in (the pipelines folder is resolved from its data root). */
        private Session session;

        Run(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            input.validate();
            range.validate();
            Path file = context.workingDir().resolve(out != null ? out : Path.of("qlir-out",
                    name + "-" + input.stem() + ".csv")).normalize();
            return input.run(context, runtime, spec.commandLine().getErr(), range.start, range.end, true,
                    session -> check(session, file),
                    data -> run(data, store(session), file));
        }

        private void check(Session session, Path file) throws Exception {
            this.session = session;
            if (session.config().remoteDataRoot().isPresent() && pipelinesDir == null) {
                throw new BadInputException("pipelines run with the data root " + session.config().remoteDataRoot()
                        .get() + " needs --pipelines-dir DIR: pipelines and their run records live in a local"
                        + " folder, and a bucket is only read");
            }
            spec(store(session), name);
            OutputPaths.requireWritableFile(file, "--out");
            OutputPaths.requireWritableFolder(store(session).folder(), "pipelines folder");
        }

        private int run(CandleInput.Loaded data, PipelineStore pipelines, Path file) throws Exception {
            PipelineRun run;
            try {
                run = pipelines.run(name, data.candles(), data.fingerprint());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            List<Path> written = run.writeCsv(file);
            out().println("pipeline " + name + " ran over " + data.fingerprint().describe());
            out().println("wrote " + data.candles().rowCount() + " rows to " + file + " (new columns: "
                    + String.join(", ", run.derived().columns()) + "), fingerprint " + written.get(1).getFileName());
            out().flush();
            return Exit.OK;
        }
    }
}
