package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.ops.dataset.DatasetFingerprint;
import io.qlir.ops.dataset.TableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The pipelines folder: one JSON spec per pipeline ({@code <folder>/<name>.json}), created, listed, shown and run
 * by name.
 *
 * <p>Nothing is written that would not run: {@link #create} parses every op and dry-runs the pipeline on a small
 * synthetic candle table before writing, and refuses to replace an existing pipeline unless forced. Every read
 * checks the file and its ops, so a malformed file or an unknown op is one {@link PipelineException} naming the file
 * and the op. Writes are atomic. Instances are immutable; {@code with...} methods return new ones.
 * <pre>{@code
 * PipelineStore store = PipelineStore.inDataRoot(dataRoot);          // <data-root>/pipelines
 * store.create("trend", "sma(close,20,50); range_shock(14)", "", false);
 * store.list();                                                      // name, ops, created, last run
 * store.show("trend").columns();                                     // every output column's spec
 * store.run("trend", candles, DatasetFingerprint.of(candles, source)).writeCsv(out);
 * }</pre>
 */
public final class PipelineStore {

    /** The name of the pipelines folder inside a data root. */
    public static final String FOLDER = "pipelines";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineStore.class);
    private static final String SUFFIX = ".json";

    private final Path folder;
    private final OpCatalogue catalogue;
    private final Clock clock;

    private PipelineStore(Path folder, OpCatalogue catalogue, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A store in a folder of your choice (created on the first write).
     *
     * @param folder the pipelines folder
     * @return the store, with the standard op catalogue and the system UTC clock
     */
    public static PipelineStore at(Path folder) {
        return new PipelineStore(folder, OpCatalogue.standard(), Clock.systemUTC());
    }

    /**
     * The default store of a data root: {@code <data-root>/pipelines}.
     *
     * @param dataRoot the data root
     * @return the store
     */
    public static PipelineStore inDataRoot(Path dataRoot) {
        return at(dataRoot.resolve(FOLDER));
    }

    /**
     * This store parsing ops with another op catalogue (one that holds ops of your own).
     *
     * @param catalogue the catalogue
     * @return a new store
     */
    public PipelineStore withCatalogue(OpCatalogue catalogue) {
        return new PipelineStore(folder, catalogue, clock);
    }

    /**
     * This store stamping creation and run times from another clock (tests, replays).
     *
     * @param timeSource the clock
     * @return a new store
     */
    public PipelineStore withClock(Clock timeSource) {
        return new PipelineStore(folder, catalogue, timeSource);
    }

    /**
     * The pipelines folder.
     *
     * @return the folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * The spec file of a pipeline, whether or not it exists.
     *
     * @param name the pipeline's name
     * @return {@code <folder>/<name>.json}
     * @throws PipelineException when the name is invalid
     */
    public Path file(String name) {
        return folder.resolve(Pipeline.checkName(name) + SUFFIX);
    }

    /**
     * Parses, validates and stores a pipeline.
     *
     * @param name the pipeline's name (lower case letters, digits, {@code _}, {@code -})
     * @param opsText ops separated by {@code ;} or new lines, as {@code qlir indicators} takes them
     * @param notes free text, or {@code null}
     * @param force whether to replace an existing pipeline of that name
     * @return the stored spec
     * @throws PipelineException for a bad name, an op that does not parse or fails on candles (naming it), or an
     *     existing pipeline without {@code force}
     * @throws UncheckedIOException when the file cannot be written
     */
    public PipelineSpec create(String name, String opsText, String notes, boolean force) {
        return create(Pipeline.parse(name, opsText, catalogue), notes, force);
    }

    /**
     * Validates and stores a pipeline built in code.
     *
     * @param pipeline the pipeline, with at least one op
     * @param notes free text, or {@code null}
     * @param force whether to replace an existing pipeline of that name
     * @return the stored spec
     * @throws PipelineException when it has no ops, an op is not in this store's catalogue or fails on candles, or
     *     the pipeline exists and {@code force} is false
     * @throws UncheckedIOException when the file cannot be written
     */
    public PipelineSpec create(Pipeline pipeline, String notes, boolean force) {
        if (pipeline.ops().isEmpty()) {
            throw new PipelineException("pipeline '" + pipeline.name() + "' needs at least one op, for example "
                    + "\"sma(close,20,50); range_shock(14)\"", null);
        }
        List<String> texts = pipeline.ops().stream().map(Op::toText).collect(Collectors.toList());
        OpTexts.parse(pipeline.name(), texts, catalogue, null);   // every op must be one this store can read back
        pipeline.semantics();                                     // and run on candles
        Path file = file(pipeline.name());
        if (!force && Files.exists(file)) {
            throw new PipelineException("pipeline '" + pipeline.name() + "' already exists (" + file
                    + "); choose another name or replace it with force (--force)", file);
        }
        PipelineSpec spec = new PipelineSpec(pipeline.name(), texts, clock.instant(), notes, null);
        write(file, spec);
        LOG.info("pipeline {} {}: {}", pipeline.name(), force ? "stored (force)" : "created", spec.opsText());
        return spec;
    }

    /**
     * Every file of the folder ending in {@code .json}, by name: a pipeline, or the reason it is not one. A missing
     * folder lists nothing.
     *
     * @return the listings, sorted by file name
     * @throws UncheckedIOException when the folder cannot be read
     */
    public List<PipelineListing> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the pipelines folder " + folder, e);
        }
        List<PipelineListing> out = new ArrayList<>();
        for (Path f : files) {
            String stem = f.getFileName().toString();
            stem = stem.substring(0, stem.length() - SUFFIX.length());
            try {
                out.add(new PipelineListing.Loaded(f, read(f, stem)));
            } catch (PipelineException e) {
                out.add(new PipelineListing.Unreadable(f, e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Reads a stored pipeline and checks that every op parses.
     *
     * @param name the pipeline's name
     * @return the spec
     * @throws PipelineException when there is no such pipeline (listing the stored names), the file is malformed,
     *     or an op is unknown or invalid (naming the file and the op)
     */
    public PipelineSpec spec(String name) {
        return read(file(name), name);
    }

    /**
     * A stored pipeline, ready to apply.
     *
     * @param name the pipeline's name
     * @return the pipeline
     * @throws PipelineException as {@link #spec(String)}
     */
    public Pipeline pipeline(String name) {
        PipelineSpec spec = spec(name);
        return toPipeline(spec, file(name));
    }

    /**
     * A stored pipeline with every output column's row semantics (found by applying it to a small synthetic candle
     * table) and the intermediates its ops drop.
     *
     * @param name the pipeline's name
     * @return the description
     * @throws PipelineException as {@link #spec(String)}, or when an op fails on candles
     */
    public PipelineDescription show(String name) {
        PipelineSpec spec = spec(name);
        Pipeline p = toPipeline(spec, file(name));
        return new PipelineDescription(spec, p.semantics(), p.dropped());
    }

    /**
     * Runs a stored pipeline over a table and records the run (time, rows, output columns, the dataset's
     * fingerprint) in its spec file.
     *
     * @param name the pipeline's name
     * @param candles the input; not modified
     * @param fingerprint what the input is, for example {@code DatasetFingerprint.of(candles, source)}
     * @return the derived table and the updated spec
     * @throws PipelineException as {@link #spec(String)}, or naming the op that failed on this input
     * @throws UncheckedIOException when the spec file cannot be updated
     */
    public PipelineRun run(String name, Table candles, DatasetFingerprint fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        PipelineSpec spec = spec(name);
        Derived derived = toPipeline(spec, file(name)).apply(candles);
        PipelineSpec after = spec.withLastRun(new LastRun(clock.instant(), candles.rowCount(), derived.columns(),
                fingerprint));
        write(file(name), after);
        LOG.info("pipeline {} ran over {}: {} new columns", name, fingerprint.describe(), derived.columns().size());
        return new PipelineRun(after, derived);
    }

    private PipelineSpec read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PipelineException("no pipeline named '" + name + "' in " + folder + "; stored pipelines: "
                    + storedNames(), file, e);
        } catch (IOException e) {
            throw new PipelineException("pipeline file " + file + " cannot be read: " + e, file, e);
        }
        PipelineSpec spec = SpecJson.read(text, file, name);
        toPipeline(spec, file);
        return spec;
    }

    private Pipeline toPipeline(PipelineSpec spec, Path file) {
        Pipeline p = Pipeline.named(spec.name());
        for (Op op : OpTexts.parse(spec.name(), spec.ops(), catalogue, file)) {
            p = p.then(op);
        }
        return p;
    }

    private void write(Path file, PipelineSpec spec) {
        try {
            TableFiles.writeAtomically(file, SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pipeline file " + file, e);
        }
    }

    private List<String> storedNames() {
        List<String> names = new ArrayList<>();
        for (PipelineListing l : list()) {
            String f = l.file().getFileName().toString();
            names.add(f.substring(0, f.length() - SUFFIX.length()));
        }
        return names;
    }

    @Override
    public String toString() {
        return "PipelineStore[" + folder + "]";
    }
}
