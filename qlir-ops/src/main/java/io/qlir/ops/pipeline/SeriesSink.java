package io.qlir.ops.pipeline;

import io.qlir.core.Derived;

/**
 * Receives one series' derived table in a {@link SeriesBatch#forEach streaming run}, on the worker thread that
 * derived it, as soon as it is derived (so writing runs on every core too, and the table can be dropped right
 * after). Several calls run at once for different series, in completion order: it must be thread-safe.
 * <pre>{@code
 * SeriesSink toCsv = (series, derived) -> TableFiles.writeCsv(derived.table(), outDir.resolve(series + ".csv"));
 * }</pre>
 */
@FunctionalInterface
public interface SeriesSink {

    /**
     * Takes one series' result.
     *
     * @param series the series' id
     * @param derived its candles plus the pipeline's columns
     * @throws Exception when the result cannot be taken (a file cannot be written); the batch records it as that
     *     series' failure
     */
    void accept(String series, Derived derived) throws Exception;
}
