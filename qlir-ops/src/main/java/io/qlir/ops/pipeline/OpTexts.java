package io.qlir.ops.pipeline;

import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses a pipeline's op texts one by one, so that an error names the op (and the file it came from). */
final class OpTexts {

    private OpTexts() {
    }

    static List<Op> parse(String pipeline, List<String> texts, OpCatalogue catalogue, Path file) {
        List<Op> ops = new ArrayList<>();
        int position = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            position++;
            try {
                ops.add(catalogue.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                String where = file == null ? "pipeline '" + pipeline + "'" : "pipeline file " + file;
                throw new PipelineException(where + ": op " + position + " '" + text.strip() + "' is invalid: "
                        + e.getMessage(), file, e);
            }
        }
        return ops;
    }
}
