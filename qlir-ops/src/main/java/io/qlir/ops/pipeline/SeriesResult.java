package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import java.util.Objects;

/**
 * What a pipeline made of one series in a {@link SeriesBatch}: the derived table, or why there is none. One series'
 * failure never hides another's result, so a run over fifty symbols reports every series, each by its id.
 * <pre>{@code
 * for (SeriesResult r : batch.apply(tables)) {
 *     if (r instanceof SeriesResult.Done d) {
 *         write(d.series(), d.derived());
 *     } else if (r instanceof SeriesResult.Failed f) {
 *         log.warn(f.describe());                  // names the series and the cause
 *     }
 * }
 * }</pre>
 */
public sealed interface SeriesResult permits SeriesResult.Done, SeriesResult.Failed {

    /**
     * The series' id, as the caller gave it.
     *
     * @return the id, for example {@code BTCUSDT}
     */
    String series();

    /**
     * The pipeline ran on the series.
     *
     * @param series the series' id
     * @param derived the series' candles plus the pipeline's columns, with their specs
     */
    record Done(String series, Derived derived) implements SeriesResult {

        /**
         * Validates the components.
         *
         * @param series the series' id
         * @param derived the derived table
         */
        public Done {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(derived, "derived");
        }
    }

    /**
     * Loading the series, running the pipeline on it, or handing its result to the sink failed.
     *
     * @param series the series' id
     * @param cause what failed: the loader's exception, a {@link PipelineException} naming the op, or the sink's
     */
    record Failed(String series, Exception cause) implements SeriesResult {

        /**
         * Validates the components.
         *
         * @param series the series' id
         * @param cause what failed
         */
        public Failed {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(cause, "cause");
        }

        /**
         * One line naming the series and the cause.
         *
         * @return for example {@code ETHUSDT: pipeline 'trend' op 2 'vwap()' failed: ...}
         */
        public String describe() {
            String m = cause.getMessage();
            return series + ": " + (m == null || m.isBlank() ? cause.getClass().getSimpleName() : m);
        }
    }
}
