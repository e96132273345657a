package io.qlir.ops.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.core.Interval;
import java.time.Instant;

/** The JSON form of a {@link DatasetFingerprint}; field names are the wire contract. */
final class FingerprintJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FingerprintJson() {
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode toNode(DatasetFingerprint fp) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("symbol", fp.symbol());
        n.put("interval", fp.interval() == null ? null : fp.interval().wireCode());
        n.put("endpoint", fp.endpoint());
        n.put("first_open_time", fp.firstOpenTime() == null ? null : fp.firstOpenTime().toString());
        n.put("last_open_time", fp.lastOpenTime() == null ? null : fp.lastOpenTime().toString());
        n.put("first_open_time_ms", fp.firstOpenTime() == null ? null : fp.firstOpenTime().toEpochMilli());
        n.put("last_open_time_ms", fp.lastOpenTime() == null ? null : fp.lastOpenTime().toEpochMilli());
        n.put("row_count", fp.rowCount());
        n.put("slice_count", fp.sliceCount());
        n.put("hash_basis", fp.hashBasis().wireCode());
        n.put("hash", fp.hash());
        return n;
    }

    static DatasetFingerprint fromNode(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a fingerprint is a JSON object, got " + n);
        }
        String interval = text(n, "interval");
        return new DatasetFingerprint(text(n, "symbol"), interval == null ? null : Interval.parse(interval),
                text(n, "endpoint"), instant(n, "first_open_time_ms"), instant(n, "last_open_time_ms"),
                integer(n, "row_count"), integer(n, "slice_count"), HashBasis.CODEC.decode(required(n, "hash_basis")),
                required(n, "hash"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("fingerprint field '" + field + "' must be a string, got " + v);
        }
        return v.asText();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("fingerprint field '" + field + "' is missing");
        }
        return v;
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("fingerprint field '" + field + "' must be epoch millis, got " + v);
        }
        return Instant.ofEpochMilli(v.asLong());
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("fingerprint field '" + field + "' must be an integer, got " + v);
        }
        return v.asInt();
    }
}
