package io.qlir.ops.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What a streaming {@link SeriesBatch#forEach} run did, in the input order of the series whatever order they finished
 * in: the series derived and handed to the sink, and the series that failed, each with its cause. It holds no
 * tables, so a run over a year of fifty symbols ends with a small value.
 * <pre>{@code
 * BatchSummary s = batch.forEach(symbols, loader, sink);
 * if (!s.ok()) System.err.println(s.describe());    // 19 of 20 series derived; failed: ETHUSDT: ...
 * }</pre>
 *
 * @param done the ids of the series derived and taken by the sink, in input order
 * @param failed the series that failed, in input order
 * @param rows the rows of every derived series, summed
 */
public record BatchSummary(List<String> done, List<SeriesResult.Failed> failed, long rows) {

    /**
     * Validates and copies the components.
     *
     * @param done the ids of the series derived
     * @param failed the series that failed
     * @param rows the rows derived
     */
    public BatchSummary {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, not " + rows);
        }
    }

    /**
     * Whether every series was derived.
     *
     * @return true when none failed
     */
    public boolean ok() {
        return failed.isEmpty();
    }

    /**
     * One line: how many series were derived, then every failure naming its series.
     *
     * @return for example {@code 19 of 20 series derived; failed: ETHUSDT: ...}
     */
    public String describe() {
        int total = done.size() + failed.size();
        StringBuilder b = new StringBuilder().append(done.size()).append(" of ").append(total)
                .append(" series derived");
        if (!failed.isEmpty()) {
            List<String> lines = new ArrayList<>();
            failed.forEach(f -> lines.add(f.describe()));
            b.append("; failed: ").append(String.join("; ", lines));
        }
        return b.toString();
    }

    /** The summary of a run over {@code series}, where {@code failures[k]} is null when series {@code k} was done. */
    static BatchSummary of(List<String> series, SeriesResult.Failed[] failures, long rows) {
        List<String> done = new ArrayList<>();
        List<SeriesResult.Failed> failed = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            if (failures[k] == null) {
                done.add(series.get(k));
            } else {
                failed.add(failures[k]);
            }
        }
        return new BatchSummary(done, failed, rows);
    }
}
