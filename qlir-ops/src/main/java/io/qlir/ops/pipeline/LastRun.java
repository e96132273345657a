package io.qlir.ops.pipeline;

import io.qlir.ops.dataset.DatasetFingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a stored pipeline last ran, on what data, and what it produced.
 *
 * @param at when the run finished
 * @param rows the number of rows of the input (and the output)
 * @param outputColumns the new columns the run produced, in creation order
 * @param fingerprint the dataset the run read
 */
public record LastRun(Instant at, int rows, List<String> outputColumns, DatasetFingerprint fingerprint) {

    /**
     * Validates the components.
     *
     * @param at when the run finished
     * @param rows the number of rows of the input (and the output)
     * @param outputColumns the new columns the run produced, in creation order
     * @param fingerprint the dataset the run read
     */
    public LastRun {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fingerprint, "fingerprint");
        outputColumns = List.copyOf(outputColumns);
    }
}
