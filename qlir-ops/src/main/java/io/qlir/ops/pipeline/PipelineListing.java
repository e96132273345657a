package io.qlir.ops.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the pipelines folder as {@link PipelineStore#list()} found it: a pipeline, or a file that is not one
 * (malformed JSON, a missing field, an unknown op) with the reason, so that one broken file does not hide the rest.
 * <pre>{@code
 * for (PipelineListing l : store.list()) {
 *     if (l instanceof PipelineListing.Loaded ok) { print(ok.spec().name(), ok.spec().opsText()); }
 *     else if (l instanceof PipelineListing.Unreadable bad) { warn(bad.file(), bad.problem()); }
 * }
 * }</pre>
 */
public sealed interface PipelineListing {

    /**
     * The spec file.
     *
     * @return the file
     */
    Path file();

    /**
     * A pipeline that was read and whose ops all parse.
     *
     * @param file the spec file
     * @param spec the pipeline
     */
    record Loaded(Path file, PipelineSpec spec) implements PipelineListing {

        /**
         * Validates the components.
         *
         * @param file the spec file
         * @param spec the pipeline
         */
        public Loaded {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /**
     * A file in the folder that is not a valid pipeline.
     *
     * @param file the spec file
     * @param problem the one-line reason, as {@link PipelineStore#spec(String)} would report it
     */
    record Unreadable(Path file, String problem) implements PipelineListing {

        /**
         * Validates the components.
         *
         * @param file the spec file
         * @param problem the one-line reason, as {@link PipelineStore#spec(String)} would report it
         */
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
