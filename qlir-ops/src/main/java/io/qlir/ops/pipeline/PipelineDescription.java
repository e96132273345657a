package io.qlir.ops.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * What {@code qlir pipelines show} prints: the stored pipeline, every output column's row semantics, and the
 * intermediates its ops dropped.
 *
 * @param spec the stored pipeline
 * @param columns every output column with the op that wrote it and its spec, in creation order
 * @param dropped the DROPPED events of intermediates, rendered
 */
public record PipelineDescription(PipelineSpec spec, List<ColumnSemantics> columns, List<String> dropped) {

    /**
     * Validates the components.
     *
     * @param spec the stored pipeline
     * @param columns every output column with the op that wrote it and its spec, in creation order
     * @param dropped the DROPPED events of intermediates, rendered
     */
    public PipelineDescription {
        Objects.requireNonNull(spec, "spec");
        columns = List.copyOf(columns);
        dropped = List.copyOf(dropped);
    }
}
