package io.qlir.cli;

import io.qlir.data.manifest.StoreSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.DirectoryLockedException;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.ManifestSummary;
import io.qlir.data.manifest.ReconcileReport;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.data.validate.Violation;
import io.qlir.parquet.DatasetChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qlir manifest validate|rebuild|summary}: the index of one series' slice files. */
@Command(name = "manifest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check, repair or summarize the manifest of one series in the store.",
        subcommands = {ManifestCommand.Validate.class, ManifestCommand.Rebuild.class, ManifestCommand.Summary.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir manifest validate --symbol BTCUSDT --interval 1m",
            "  qlir manifest summary --symbol BTCUSDT --interval 1m --json",
            "  qlir manifest rebuild --symbol BTCUSDT --interval 1m --endpoint uiklines"
        })
final class ManifestCommand implements Callable<Integer> {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qlir manifest: missing subcommand (validate, rebuild or summary)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.BAD_INPUT;
    }

    /** The options all three subcommands share. */
    abstract static class SeriesCommand implements Callable<Integer> {

        final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        SeriesOptions series = new SeriesOptions();

        @Mixin
        EndpointLimitOptions store = new EndpointLimitOptions();

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @ArgGroup(validate = false, heading = "%nRuntime options:%n")
        RuntimeOptions runtime = new RuntimeOptions();

        SeriesCommand(CliContext context) {
            this.context = context;
        }

        SliceSeries sliceSeries() throws BadInputException {
            return ReadOnlyStore.series(series, store);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** {@code qlir manifest validate}: the validator's findings; exit 1 when any is an ERROR. */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Check a series' manifest against its slice files and print the findings.",
                "",
                "Exit code 0 when clean (warnings alone, such as real upstream gaps, are clean), 1 when there is"
                        + " any ERROR. Read-only: safe while a fetch or the data server is writing."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir manifest validate --symbol BTCUSDT --interval 1m",
                "  qlir manifest validate --symbol BTCUSDT --interval 1m --deep",
                "  qlir manifest validate --symbol ETHUSDT --interval 1h --endpoint uiklines --json",
                "  qlir manifest validate --data-root s3://research/qlir --symbol BTCUSDT --interval 1m --deep"
            })
    static final class Validate extends SeriesCommand {

        @Option(names = "--deep", description = "Also read every slice file: re-hash its data, re-check every open"
                + " time (slower).")
        boolean deep;

        /** The series' URL when read from a bucket (the report's directory is then relative to it). */
        private String location;

        Validate(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            ValidationReport report = ReadOnlyStore.run(context, runtime, sliceSeries(), ReadOnlyStore.Checks.NONE,
                    (store, s) -> validate(store, s));
            if (json) {
                out().println(location == null ? report.toJson() : JSON.writeValueAsString(
                        ((ObjectNode) JSON.readTree(report.toJson())).put("directory", location)));
            } else {
                printFindings(report, out());
            }
            out().flush();
            return report.isClean() ? Exit.OK : Exit.FAILURE;
        }

        /**
         * The validator's report; for the local root, with the Parquet dataset's checks. A bucket's copy of the
         * dataset is not read (a push mirrors it byte for byte from the root it was checked in).
         */
        private ValidationReport validate(StoreSource store, SliceSeries s) {
            location = store.isLocal() ? null : store.describe(s.directory(store.root()));
            ValidationMode mode = deep ? ValidationMode.DEEP : ValidationMode.METADATA;
            ValidationReport report = ManifestValidator.validate(store, s, mode);
            return store.isLocal() ? DatasetChecks.extend(report, store.root(), s, Clock.systemUTC()) : report;
        }

        private static void printFindings(ValidationReport report, PrintWriter out) {
            out.println(report.describe());
            List<Violation> all = report.violations();
            if (all.isEmpty()) {
                return;
            }
            int ruleWidth = "rule".length();
            int keyWidth = "slice".length();
            for (Violation v : all) {
                ruleWidth = Math.max(ruleWidth, v.rule().wireCode().length());
                keyWidth = Math.max(keyWidth, v.sliceKey() == null ? 1 : v.sliceKey().length());
            }
            String row = "%-8s %-" + ruleWidth + "s  %-" + keyWidth + "s  %s%n";
            out.println();
            out.printf(row, "severity", "rule", "slice", "message");
            for (Violation v : all) {
                out.printf(row, v.severity().wireCode(), v.rule().wireCode(), v.sliceKey() == null ? "-"
                        : v.sliceKey(), v.message());
            }
        }
    }

    /** {@code qlir manifest rebuild}: reconciles the manifest with the files (the truth) and rewrites it. */
    @Command(name = "rebuild",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Bring a series' manifest in line with its slice files and rewrite it.",
                "",
                "The slice files are the truth: a missing or unreadable manifest is rebuilt from them, files it"
                        + " does not know are adopted, damaged files are moved to quarantine/ (never deleted),"
                        + " entries whose file is gone become missing. Then the manifest is compared with one built"
                        + " from the files alone, and where they differ (a manifest edited or damaged by hand whose"
                        + " files kept their size and time) the files' entries replace the manifest's; plans and"
                        + " failures of slices without a file stay. Takes the directory's lock: refused while a"
                        + " fetch or the data server writes it."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir manifest rebuild --symbol BTCUSDT --interval 1m",
                "  qlir manifest rebuild --symbol BTCUSDT --interval 1M --limit 100 --json"
            })
    static final class Rebuild extends SeriesCommand {

        Rebuild(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            SliceSeries s = sliceSeries();
            Session session = Session.open(context, runtime);
            Path root = session.existingDataRoot();
            StoreLocator.existing(root, s);
            session.writableDataRoot();
            return Logging.inJob(ReadOnlyStore.jobName(s), () -> rebuild(root));
        }

        private int rebuild(Path root) throws Exception {
            try (SliceDirectory dir = SliceDirectory.open(root, sliceSeries())) {
                ReconcileReport reconcile = dir.lastReconcile();
                Manifest live = dir.manifest();
                List<SliceKey> changed = dir.replaceWithFiles();
                List<String> differences = differences(changed, live, dir.manifest());
                List<String> replaced = changed.stream().map(SliceKey::canonical).toList();
                if (json) {
                    ObjectNode node = JSON.createObjectNode();
                    node.put("directory", dir.path().toString());
                    node.put("reconcile", reconcile.describe());
                    node.set("summary", summaryJson(dir.summary()));
                    node.putPOJO("differences_from_files", differences);
                    node.putPOJO("replaced_from_files", replaced);
                    out().println(JSON.writeValueAsString(node));
                } else {
                    out().println(dir.path() + ": " + reconcile.describe());
                    if (differences.isEmpty()) {
                        out().println("manifest: " + live.summary().describe());
                        out().println("matches the slice files");
                    } else {
                        out().println("differed from the slice files:\n  " + String.join("\n  ", differences));
                        out().println("replaced " + replaced.size() + " entries with what their files say; manifest: "
                                + dir.summary().describe());
                    }
                }
                out().flush();
                return Exit.OK;
            } catch (DirectoryLockedException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        /** What was wrong with each entry the files replaced, from the manifest before and after. */
        private static List<String> differences(List<SliceKey> changed, Manifest before, Manifest after) {
            List<String> out = new ArrayList<>();
            for (SliceKey key : changed) {
                var was = before.entry(key);
                var now = after.entry(key).orElseThrow();
                String what;
                if (was.isEmpty() || !was.get().hasFile()) {
                    what = "file not in the manifest";
                } else if (!now.hasFile()) {
                    what = "in the manifest, but its file is not usable";
                } else if (!was.get().verdict().equals(now.verdict())) {
                    what = "manifest says " + was.get().verdict() + ", file says " + now.verdict();
                } else {
                    what = "manifest entry differs from what its file says";
                }
                out.add(key.canonical() + ": " + what);
            }
            return out;
        }
    }

    /** {@code qlir manifest summary}: how many slices are in each status. */
    @Command(name = "summary",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Count a series' slices by status and reason.",
                "",
                "Read-only: reads the manifest and its journal, takes no lock."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  qlir manifest summary --symbol BTCUSDT --interval 1m",
                "  qlir manifest summary --symbol BTCUSDT --interval 1m --json"
            })
    static final class Summary extends SeriesCommand {

        Summary(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            return ReadOnlyStore.run(context, runtime, sliceSeries(), ReadOnlyStore.Checks.NONE, this::summarize);
        }

        private int summarize(StoreSource store, SliceSeries series) throws Exception {
            Manifest manifest = SliceReader.open(store, series).manifest();
            ManifestSummary summary = manifest.summary();
            if (json) {
                ObjectNode node = summaryJson(summary);
                node.put("series", StoreLocator.describe(series));
                manifest.gridAnchor().ifPresent(a -> node.put("grid_anchor", a));
                out().println(JSON.writeValueAsString(node));
            } else {
                out().println(StoreLocator.describe(series) + ": " + summary.describe());
            }
            out().flush();
            return Exit.OK;
        }
    }

    static ObjectNode summaryJson(ManifestSummary summary) {
        ObjectNode node = JSON.createObjectNode();
        node.put("total", summary.total());
        ObjectNode byStatus = node.putObject("by_status");
        for (SliceStatus s : SliceStatus.values()) {
            byStatus.put(s.wireCode(), summary.count(s));
        }
        ObjectNode byVerdict = node.putObject("by_status_reason");
        for (Map.Entry<SliceVerdict, Integer> e : summary.byVerdict().entrySet()) {
            byVerdict.put(e.getKey().status().wireCode() + "/" + e.getKey().reason().wireCode(), e.getValue());
        }
        return node;
    }
}
