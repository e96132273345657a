package io.qlir.ops.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored pipeline as its JSON file holds it: name, ops as op-language text, when it was created, notes, and its
 * last run.
 *
 * <p>The file ({@code <pipelines>/<name>.json}) is meant to be read and edited by people:
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "name" : "trend",
 *   "ops" : [ "sma(close,20,50)", "range_shock(14)" ],
 *   "created" : "2024-05-01T10:00:00Z",
 *   "notes" : "fast and slow trend with shocks",
 *   "last_run" : null
 * }
 * }</pre>
 *
 * @param name the pipeline's name, also its file name
 * @param ops the ops in canonical op-language text, in order
 * @param created when it was created
 * @param notes free text, empty when none
 * @param lastRun the last run, or {@code null} when it never ran (see {@link #lastRunIfAny()})
 */
public record PipelineSpec(String name, List<String> ops, Instant created, String notes, LastRun lastRun) {

    /**
     * Validates the components.
     *
     * @param name the pipeline's name, also its file name
     * @param ops the ops in canonical op-language text, in order
     * @param created when it was created
     * @param notes free text, empty when none
     * @param lastRun the last run, or {@code null} when it never ran
     * @throws PipelineException when the name is invalid
     */
    public PipelineSpec {
        Pipeline.checkName(name);
        ops = List.copyOf(ops);
        Objects.requireNonNull(created, "created");
        notes = notes == null ? "" : notes;
    }

    /**
     * The last run.
     *
     * @return the last run, or empty when the pipeline never ran
     */
    public Optional<LastRun> lastRunIfAny() {
        return Optional.ofNullable(lastRun);
    }

    /**
     * The ops as one op-language text: {@code sma(close,20,50); range_shock(14)}.
     *
     * @return the text
     */
    public String opsText() {
        return String.join("; ", ops);
    }

    /**
     * This spec with a new last run.
     *
     * @param run the run
     * @return a new spec
     */
    public PipelineSpec withLastRun(LastRun run) {
        return new PipelineSpec(name, ops, created, notes, run);
    }
}
