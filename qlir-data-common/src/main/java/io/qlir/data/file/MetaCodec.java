package io.qlir.data.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.core.Interval;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the {@code meta} object. Reads both our keys and the Python qlir's; writes the Python key names
 * where they exist so either implementation can read the other's files.
 */
final class MetaCodec {

    private MetaCodec() {
    }

    static SliceMeta read(ObjectNode m) {
        SliceKey key = key(m);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = m.get("request_params");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        String url = text(m, "url", "requested_url");
        if (params.isEmpty() && url != null) {
            params.putAll(queryParams(url));
        }
        FetchInfo fetch = new FetchInfo(url, params, integer(m.get("http_status")), time(m.get("requested_at")));
        return new SliceMeta(key, text(m, "slice_id"), text(m, "venue", "source"), text(m, "endpoint"), fetch,
                verdict(m), integer(m.get("n_items")), longValue(m.get("received_first_open")),
                longValue(m.get("received_last_open")), time(m.get("completed_at")), longValue(m.get("grid_anchor_ms")),
                text(m, "data_sha256"), text(m, "qlir_version"), text(m, "writer"), m);
    }

    static void write(JsonGenerator g, SliceMeta meta) throws IOException {
        SliceKey k = meta.key();
        g.writeStartObject();
        g.writeStringField("slice_comp_key", k.canonical());
        g.writeStringField("slice_id", meta.sliceId());
        nullableString(g, "venue", meta.venue());
        nullableString(g, "endpoint", meta.endpoint());
        g.writeStringField("symbol", k.symbol());
        g.writeStringField("interval", k.interval().wireCode());
        g.writeNumberField("limit", k.limit());
        nullableString(g, "url", meta.fetch().url());
        g.writeObjectFieldStart("request_params");
        for (Map.Entry<String, String> e : meta.fetch().params().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        nullableNumber(g, "http_status", meta.fetch().httpStatus() == null ? null : meta.fetch().httpStatus().longValue());
        g.writeNumberField("requested_first_open", k.startMs());
        g.writeNumberField("requested_last_open_implicit", k.lastOpenMs());
        nullableNumber(g, "n_items", meta.nItems() == null ? null : meta.nItems().longValue());
        nullableNumber(g, "received_first_open", meta.receivedFirstOpenMs());
        nullableNumber(g, "received_last_open", meta.receivedLastOpenMs());
        nullableString(g, "slice_status", meta.verdict() == null ? null : meta.verdict().status().wireCode());
        nullableString(g, "slice_status_reason", meta.verdict() == null ? null : meta.verdict().reason().wireCode());
        nullableString(g, "requested_at", meta.fetch().requestedAt() == null ? null : meta.fetch().requestedAt().toString());
        nullableString(g, "completed_at", meta.completedAt() == null ? null : meta.completedAt().toString());
        nullableNumber(g, "grid_anchor_ms", meta.gridAnchorMs());
        nullableString(g, "data_sha256", meta.dataSha256());
        nullableString(g, "qlir_version", meta.qlirVersion());
        nullableString(g, "writer", meta.writer());
        g.writeEndObject();
    }

    private static SliceKey key(ObjectNode m) {
        String canonical = text(m, "slice_comp_key", "canonical_slice_comp_key", "canoncal_slice");
        if (canonical != null) {
            return SliceKey.parse(canonical);
        }
        String symbol = text(m, "symbol");
        String interval = text(m, "interval");
        Integer limit = integer(m.get("limit"));
        Long start = longValue(m.get("requested_first_open"));
        if (start == null) {
            start = longValue(m.get("request_param_start_ms"));
        }
        if (symbol == null || interval == null || limit == null || start == null) {
            throw new IllegalArgumentException("meta names no slice; valid: a 'slice_comp_key' "
                    + "(SYMBOL:interval:startMs:limit), or 'symbol', 'interval', 'limit' and 'requested_first_open'");
        }
        return new SliceKey(symbol, Interval.parse(interval), start, limit);
    }

    private static SliceVerdict verdict(ObjectNode m) {
        String status = text(m, "slice_status", "status");
        String reason = text(m, "slice_status_reason", "reason");
        if (status == null || reason == null
                || !SliceStatus.CODEC.codes().contains(status) || !SliceReason.CODEC.codes().contains(reason)) {
            return null;
        }
        return new SliceVerdict(SliceStatus.CODEC.decode(status), SliceReason.CODEC.decode(reason));
    }

    static Instant time(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String s = n.asText();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // Python's isoformat(): "2025-01-02T03:04:05.123456+00:00", or naive local time taken as UTC
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(ObjectNode m, String... names) {
        for (String name : names) {
            JsonNode n = m.get(name);
            if (n != null && !n.isNull()) {
                return n.asText();
            }
        }
        return null;
    }

    private static Integer integer(JsonNode n) {
        Long v = longValue(n);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    private static Long longValue(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Map<String, String> queryParams(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void nullableString(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void nullableNumber(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
