package io.qlir.data.validate;

import io.qlir.data.file.RowFormat;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.ManifestLoad;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.slice.StatusPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a slice directory against the rules of {@link Rule} and reports every violation; never throws on bad
 * data.
 *
 * <p>Venue-agnostic and read-only: it takes no lock, moves nothing and writes nothing. It may run while a writer
 * works, but manifest, journal and listing are then read at slightly different moments, so a slice written
 * meanwhile can show up as an orphan file; validate a directory no writer holds for an exact answer.
 * {@link ValidationMode#METADATA} (the
 * default) reads only the manifest, journal and one listing of {@code responses/}; {@link ValidationMode#DEEP}
 * also reads every slice file. Gaps inside {@code historical_sparsity} slices are real upstream gaps and come out as
 * warnings, so "clean" (no error) is reachable on real data. Counts per rule are logged at the end.
 * <pre>{@code
 * ValidationReport r = ManifestValidator.validate(dataRoot, series);                  // metadata mode
 * ValidationReport deep = ManifestValidator.validate(dataRoot, series, ValidationMode.DEEP);
 * if (!r.isClean()) System.out.println(r.toTable().print());
 * }</pre>
 */
public final class ManifestValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestValidator.class);

    private final ValidationMode mode;
    private final StatusPolicy policy;
    private final RowFormat format;

    private ManifestValidator(ValidationMode mode, StatusPolicy policy, RowFormat format) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * A validator with its own settings (the policy must be the one the writer used, for status consistency).
     *
     * @param mode how much to read
     * @param policy the status policy to re-run
     * @param format where rows keep their open time (deep mode)
     * @return the validator
     */
    public static ManifestValidator of(ValidationMode mode, StatusPolicy policy, RowFormat format) {
        return new ManifestValidator(mode, policy, format);
    }

    /**
     * Validates a series in metadata mode with the default policy.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the report; a series that is not there is an error in it, never an exception
     */
    public static ValidationReport validate(Path dataRoot, SliceSeries series) {
        return validate(dataRoot, series, ValidationMode.METADATA);
    }

    /**
     * Validates a series with the default policy and row format.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @param mode how much to read
     * @return the report; a series that is not there is an error in it, never an exception
     */
    public static ValidationReport validate(Path dataRoot, SliceSeries series, ValidationMode mode) {
        return validate(series.directory(dataRoot), mode);
    }

    /**
     * Validates a series read through a source (a bucket a data root was pushed to, or the local root), with the
     * default policy and row format. Metadata mode reads the manifest, the journal and one listing of
     * {@code responses/}; deep mode also reads every slice file.
     * <pre>{@code
     * try (StoreSource s3 = StoreSource.open("s3://research/qlir")) {
     *     ValidationReport r = ManifestValidator.validate(s3, series, ValidationMode.DEEP);
     * }
     * }</pre>
     *
     * @param source where the store is read from
     * @param series which slices
     * @param mode how much to read
     * @return the report; a series that is not there is an error in it, never an exception
     */
    public static ValidationReport validate(StoreSource source, SliceSeries series, ValidationMode mode) {
        return of(mode, StatusPolicy.defaults(), RowFormat.OPEN_TIME_FIRST).run(source,
                series.directory(source.root()));
    }

    /** Validates a directory given by its path (this package's tests also check directories that name no series). */
    static ValidationReport validate(Path dir) {
        return validate(dir, ValidationMode.METADATA);
    }

    /** Validates a directory given by its path with the default policy and row format. */
    static ValidationReport validate(Path dir, ValidationMode mode) {
        return of(mode, StatusPolicy.defaults(), RowFormat.OPEN_TIME_FIRST).run(dir);
    }

    /**
     * Validates a series.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the report; anything unreadable is a violation in it, never an exception
     */
    public ValidationReport run(Path dataRoot, SliceSeries series) {
        return run(series.directory(dataRoot));
    }

    /** Validates a directory given by its path; anything unreadable is a violation in the report. */
    ValidationReport run(Path dir) {
        return run(StoreSource.local(dir), dir);
    }

    private ValidationReport run(StoreSource source, Path dir) {
        long t0 = System.nanoTime();
        Findings f = new Findings();
        Manifest m = null;
        int filesRead = 0;
        long rowsRead = 0;
        try {
            // listed after the manifest is read, so a writer running meanwhile (a fetch) shows up as files newer than
            // the manifest (warnings), never as indexed files that seem to be missing
            long readAtMs = source.isLocal() && Files.isDirectory(dir) && SliceDirectory.hasLiveWriter(dir)
                    ? System.currentTimeMillis() : Long.MAX_VALUE; // file times are wall-clock times
            m = load(source, dir, f);
            if (m != null) {
                MetadataChecks.filesystem(m, Layout.listResponses(source, dir), readAtMs, source.isLocal(), f);
                MetadataChecks.invariants(m, f);
                MetadataChecks.status(m, policy, f);
                MetadataChecks.spacingAcross(m, f);
                if (mode == ValidationMode.DEEP) {
                    DeepChecks deep = new DeepChecks(source, dir, policy, format, f);
                    deep.run(m);
                    filesRead = deep.filesRead;
                    rowsRead = deep.rowsRead;
                } else {
                    MetadataChecks.spacingInside(m, f);
                }
            }
        } catch (Exception e) {
            f.error(Rule.MANIFEST_STRUCTURE, null, "the validator could not finish reading " + source.describe(dir)
                    + ": " + e);
        }
        ValidationReport report = new ValidationReport(dir, mode, m == null ? null : m.summary(), filesRead, rowsRead,
                Duration.ofNanos(System.nanoTime() - t0), f.list);
        log(report);
        return report;
    }

    private Manifest load(StoreSource source, Path dir, Findings f) throws java.io.IOException {
        if (!source.isDirectory(dir)) {
            f.error(Rule.MANIFEST_STRUCTURE, null, "no slice directory at " + source.describe(dir)
                    + "; valid: <dataRoot>/<venue>/<endpoint>/raw/<SYMBOL>/<interval>/limit=<limit>");
            return null;
        }
        ManifestLoad load = Layout.readManifest(source, dir);
        if (!load.manifestFound()) {
            f.error(Rule.MANIFEST_STRUCTURE, null, "no " + Layout.MANIFEST + " (open the directory with a writer once "
                    + "to build it from the files)");
        }
        for (ManifestLoad.Problem p : load.problems()) {
            switch (p.kind()) {
                case TORN_TAIL:
                    f.warn(Rule.MANIFEST_STRUCTURE, p.sliceKey(), p.where() + ": " + p.message());
                    break;
                case INVARIANT:
                    f.error(Rule.SLICE_INVARIANTS, p.sliceKey(), p.where() + ": " + p.message());
                    break;
                default:
                    f.error(Rule.MANIFEST_STRUCTURE, p.sliceKey(), p.where() + ": " + p.message());
            }
        }
        if (load.manifest() == null) {
            f.error(Rule.MANIFEST_STRUCTURE, null, "cannot tell which series " + source.describe(dir)
                    + " holds: its path is not "
                    + "<dataRoot>/<venue>/<endpoint>/raw/<SYMBOL>/<interval>/limit=<limit> and no manifest names it");
        }
        return load.manifest();
    }

    private static void log(ValidationReport r) {
        Map<Rule, Integer> counts = r.countsByRule();
        String byRule = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().wireCode() + "=" + e.getValue()).collect(Collectors.joining(", "));
        List<Violation> errors = r.errors();
        if (errors.isEmpty()) {
            LOG.info("validated {} ({}) in {} ms: {}{}", r.directory(), r.mode().wireCode(), r.elapsed().toMillis(),
                    r.describe(), byRule.isEmpty() ? "" : "; by rule: " + byRule);
        } else {
            LOG.warn("validated {} ({}) in {} ms: {}; by rule: {}", r.directory(), r.mode().wireCode(),
                    r.elapsed().toMillis(), r.describe(), byRule);
        }
    }
}
