package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import io.qlir.ops.dataset.DatasetFingerprint;
import io.qlir.ops.dataset.TableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of running a stored pipeline: the derived table and the spec as stored after the run (with its new
 * last run and fingerprint).
 * <pre>{@code
 * PipelineRun run = store.run("trend", candles, DatasetFingerprint.of(candles, source));
 * run.writeCsv(Path.of("out/trend.csv"));   // and out/trend.csv.fingerprint.json beside it
 * }</pre>
 *
 * @param spec the spec after the run, as written to its file
 * @param derived the input's columns plus the pipeline's, with specs
 */
public record PipelineRun(PipelineSpec spec, Derived derived) {

    /**
     * Validates the components.
     *
     * @param spec the spec after the run, as written to its file
     * @param derived the input's columns plus the pipeline's, with specs
     */
    public PipelineRun {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(derived, "derived");
    }

    /**
     * The dataset the run read.
     *
     * @return the fingerprint of the last run
     */
    public DatasetFingerprint fingerprint() {
        return spec.lastRun().fingerprint();
    }

    /**
     * Writes the whole derived table as exact CSV and the fingerprint beside it
     * ({@code <file>.fingerprint.json}).
     *
     * @param file the CSV file
     * @return the files written: the CSV, then the fingerprint
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeCsv(Path file) throws IOException {
        TableFiles.writeCsv(derived.table(), file);
        return List.of(file, fingerprint().writeBeside(file));
    }
}
