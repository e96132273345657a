package io.qlir.ops.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.ops.dataset.DatasetFingerprint;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of a {@link PipelineSpec}; field names are the file format. */
final class SpecJson {

    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecJson() {
    }

    static String write(PipelineSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("name", spec.name());
        ArrayNode ops = n.putArray("ops");
        spec.ops().forEach(ops::add);
        n.put("created", spec.created().toString());
        n.put("notes", spec.notes());
        if (spec.lastRun() == null) {
            n.putNull("last_run");
        } else {
            LastRun r = spec.lastRun();
            ObjectNode run = n.putObject("last_run");
            run.put("at", r.at().toString());
            run.put("rows", r.rows());
            ArrayNode cols = run.putArray("output_columns");
            r.outputColumns().forEach(cols::add);
            run.set("fingerprint", r.fingerprint().toJsonNode());
        }
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Reads a spec file's structure (ops are checked by the store); every problem names the file. */
    static PipelineSpec read(String text, Path file, String expectedName) {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(file, "is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw bad(file, "must hold a JSON object with name, ops and created", null);
        }
        JsonNode format = n.get("format");
        if (format != null && !(format.isInt() && format.asInt() == FORMAT)) {
            throw bad(file, "has format " + format + "; this qlir reads format " + FORMAT, null);
        }
        String name = string(n, "name", file, true);
        if (!name.equals(expectedName)) {
            throw bad(file, "names pipeline '" + name + "' but the file is named for '" + expectedName
                    + "'; rename one to match", null);
        }
        try {
            return new PipelineSpec(name, ops(n, file), instant(n.get("created"), "created", file),
                    string(n, "notes", file, false), lastRun(n.get("last_run"), file));
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad(file, "is invalid: " + e.getMessage(), e);
        }
    }

    private static List<String> ops(JsonNode n, Path file) {
        JsonNode ops = n.get("ops");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw bad(file, "needs \"ops\": a non-empty list of op texts such as [\"sma(close,20,50)\", "
                    + "\"range_shock(14)\"]", null);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!ops.get(i).isTextual() || ops.get(i).asText().isBlank()) {
                throw bad(file, "op " + (i + 1) + " must be op-language text such as \"sma(close,20)\", got "
                        + ops.get(i), null);
            }
            out.add(ops.get(i).asText().strip());
        }
        return out;
    }

    private static LastRun lastRun(JsonNode r, Path file) {
        if (r == null || r.isNull()) {
            return null;
        }
        if (!r.isObject()) {
            throw bad(file, "has a \"last_run\" that is not an object: " + r, null);
        }
        JsonNode rows = r.get("rows");
        if (rows == null || !rows.canConvertToInt()) {
            throw bad(file, "has a \"last_run\" without an integer \"rows\"", null);
        }
        List<String> cols = new ArrayList<>();
        JsonNode c = r.get("output_columns");
        if (c != null && c.isArray()) {
            c.forEach(v -> cols.add(v.asText()));
        }
        return new LastRun(instant(r.get("at"), "last_run.at", file), rows.asInt(), cols,
                DatasetFingerprint.fromJsonNode(r.get("fingerprint")));
    }

    private static String string(JsonNode n, String field, Path file, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(file, "needs a \"" + field + "\" string", null);
            }
            return "";
        }
        if (!v.isTextual()) {
            throw bad(file, "has a \"" + field + "\" that is not a string: " + v, null);
        }
        return v.asText();
    }

    private static Instant instant(JsonNode v, String field, Path file) {
        if (v == null || !v.isTextual()) {
            throw bad(file, "needs \"" + field + "\" as an ISO-8601 instant such as \"2024-05-01T10:00:00Z\"", null);
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw bad(file, "has \"" + field + "\" '" + v.asText() + "', which is not an ISO-8601 instant such as "
                    + "\"2024-05-01T10:00:00Z\"", e);
        }
    }

    private static PipelineException bad(Path file, String problem, Throwable cause) {
        return new PipelineException("pipeline file " + file + " " + problem, file, cause);
    }
}
