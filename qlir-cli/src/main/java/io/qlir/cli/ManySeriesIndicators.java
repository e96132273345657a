package io.qlir.cli;

import io.qlir.binance.Endpoint;
import io.qlir.cli.logging.Logging;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import io.qlir.ops.pipeline.BatchSummary;
import io.qlir.ops.pipeline.Pipeline;
import io.qlir.ops.pipeline.SeriesBatch;
import io.qlir.ops.pipeline.SeriesResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code qlir indicators --symbols A,B,... | --all --ops ... --out DIR}: one pipeline over many stored series, each
 * loaded, derived and written on its own thread ({@link SeriesBatch}), one file per series in {@code DIR} named
 * {@link #fileName}. Every mistake in the selection is bad input before any work (exit 2); a series that fails
 * while running is named in the summary on stderr, the others are still written, and the exit code is 1.
 */
final class ManySeriesIndicators {

    /** What the command asked for, from its options. */
    record Request(ManySeriesOptions many, CandleInput input, boolean endpointGiven, boolean limitGiven,
                   Instant from, Instant to, String ops, Path out, OutputFormat format, boolean explain) {
    }

    private final CliContext context;
    private final RuntimeOptions runtime;
    private final Request request;

    ManySeriesIndicators(CliContext context, RuntimeOptions runtime, Request request) {
        this.context = context;
        this.runtime = runtime;
        this.request = request;
    }

    /** Checks the options that need no store. */
    void validate() throws BadInputException {
        request.many().validate();
        String how = request.many().all ? "--all" : "--symbols";
        if (request.input().input != null || request.input().symbol != null) {
            throw new BadInputException(how + " and " + (request.input().input != null ? "--input" : "--symbol")
                    + " are mutually exclusive: " + how + " runs on series of the store, each written to --out DIR");
        }
        if (!request.many().all && request.input().interval == null) {
            throw new BadInputException("--symbols needs --interval, for example --symbols BTCUSDT,ETHUSDT"
                    + " --interval 1m");
        }
        if (request.out() == null) {
            throw new BadInputException(how + " needs --out DIR: one file per series is written into it, for"
                    + " example --out features/");
        }
        if (request.explain()) {
            throw new BadInputException("--explain works on one series; run it with --symbol to see the row"
                    + " semantics, which are the same for every series");
        }
        request.input().store.validate();
    }

    /** Runs: finds the series, checks the folder, derives and writes every series. */
    int run(PrintWriter out, PrintWriter err) throws Exception {
        validate();
        Session session = Session.open(context, runtime);
        Path root = session.existingDataRoot();
        List<SliceSeries> selected = select(root);
        Path dir = context.workingDir().resolve(request.out());
        OutputPaths.requireWritableFolder(dir, "--out");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--out " + dir + " is a file; with " + (request.many().all ? "--all"
                    : "--symbols") + " give a folder, one file per series is written into it");
        }
        Map<String, SliceSeries> byId = byId(selected);
        List<Op> ops = IndicatorsCommand.parseOps(request.ops());
        Pipeline pipeline = Pipeline.named("indicators");
        for (Op op : ops) {
            pipeline = pipeline.then(op);
        }
        session.startReadOnlyFileLogging();
        Files.createDirectories(dir);
        ProgressView progress = new ProgressView(err, context.terminal(), "indicators", "series", System::nanoTime);
        BatchSummary summary = derive(pipeline, root, dir, byId, progress);
        progress.finish();
        out.println("wrote " + summary.done().size() + " files to " + request.out() + " (" + summary.rows()
                + " rows, new columns: " + String.join(", ", pipeline.semantics().stream()
                .map(c -> c.column()).toList()) + ")");
        out.flush();
        if (!summary.ok()) {
            err.println("indicators: " + summary.describe());
            err.flush();
            return Exit.FAILURE;
        }
        return Exit.OK;
    }

    private BatchSummary derive(Pipeline pipeline, Path root, Path dir, Map<String, SliceSeries> byId,
                                ProgressView progress) throws InterruptedException {
        long started = System.nanoTime();
        int total = byId.size();
        long[] counts = new long[2];                  // series finished, rows derived; guarded by progress
        boolean show = !request.many().quiet;
        SeriesBatch batch = SeriesBatch.builder(pipeline).threads(request.many().threads()).listener(r -> {
            synchronized (progress) {
                counts[0]++;
                if (r instanceof SeriesResult.Done d) {
                    counts[1] += d.derived().table().rowCount();
                }
                if (show) {
                    progress.update(counts[0], total, counts[1], Duration.ofNanos(System.nanoTime() - started));
                }
            }
        }).build();
        return batch.forEach(List.copyOf(byId.keySet()), id -> {
            SliceSeries s = byId.get(id);
            return Logging.inJob(ReadOnlyStore.jobName(s),
                    () -> StoredCandles.load(StoreSource.local(root), s, request.from(), request.to(), false)
                            .candles());
        }, (id, derived) -> write(derived, dir.resolve(fileName(byId.get(id), request.format()))));
    }

    /** Writes next to the file first and then moves it in place, so a failed series leaves no partial file. */
    private void write(Derived derived, Path file) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                TableOutput.write(derived.table(), request.format(), w);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private List<SliceSeries> select(Path root) throws BadInputException {
        CandleInput in = request.input();
        if (!request.many().all) {
            List<SliceSeries> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String symbol : request.many().symbols) {
                if (seen.add(symbol)) {
                    SliceSeries s = StoreLocator.series(in.store.endpoint, symbol, in.interval, in.store.limit);
                    StoreLocator.existing(root, s);
                    out.add(s);
                }
            }
            return out;
        }
        List<SliceSeries> out = new ArrayList<>();
        for (SliceSeries s : StoreLocator.seriesUnder(root)) {
            if ((in.interval == null || s.interval() == in.interval)
                    && (!request.endpointGiven() || s.endpoint().equals(in.store.endpoint.wireCode()))
                    && (!request.limitGiven() || s.limit() == in.store.limit)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            List<String> present = StoreLocator.list(root);
            throw new BadInputException("--all: no series under data root " + root + " matches "
                    + filters() + "; " + (present.isEmpty() ? "the data root holds no series yet: fetch one with"
                    + " 'qlir fetch'" : "series present: " + String.join(", ", present)));
        }
        return out;
    }

    private String filters() {
        CandleInput in = request.input();
        List<String> f = new ArrayList<>();
        if (in.interval != null) {
            f.add("--interval " + in.interval.wireCode());
        }
        if (request.endpointGiven()) {
            f.add("--endpoint " + in.store.endpoint.wireCode());
        }
        if (request.limitGiven()) {
            f.add("--limit " + in.store.limit);
        }
        return f.isEmpty() ? "(no filter)" : String.join(" ", f);
    }

    /** The series by the id the summary names them with: {@code BTCUSDT 1m klines limit=1000}. */
    private static Map<String, SliceSeries> byId(List<SliceSeries> selected) {
        Map<String, SliceSeries> out = new LinkedHashMap<>();
        for (SliceSeries s : selected) {
            out.put(StoreLocator.describe(s), s);
        }
        return out;
    }

    /**
     * The file a series is written to: {@code BTCUSDT-1m.csv}; {@code -uiklines} follows the interval for that
     * endpoint, and {@code -limit100} for a limit other than 1000, so that two series never share a file.
     */
    static String fileName(SliceSeries s, OutputFormat format) {
        return s.symbol() + "-" + s.interval().folderName()
                + (s.endpoint().equals(Endpoint.KLINES.wireCode()) ? "" : "-" + s.endpoint())
                + (s.limit() == EndpointLimitOptions.MAX_LIMIT ? "" : "-limit" + s.limit())
                + "." + format.wireCode();
    }
}
