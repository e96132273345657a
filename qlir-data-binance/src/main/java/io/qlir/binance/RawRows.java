package io.qlir.binance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binance's raw rows as the JSON tree the slice store writes: numbers stay the numbers Binance sent (decimals
 * exactly, as {@code BigDecimal}), strings stay strings, so a slice file holds what the exchange said.
 */
final class RawRows {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private RawRows() {
    }

    /** The batch's rows as a tree. */
    static ArrayNode of(KlineBatch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, batch.size() * 170));
        batch.writeRawJson(out);
        try {
            JsonNode tree = MAPPER.readTree(out.toByteArray());
            if (!(tree instanceof ArrayNode)) {
                throw new IllegalStateException("raw rows of " + batch + " are not a JSON array");
            }
            return (ArrayNode) tree;
        } catch (IOException e) {
            // The client parsed these very bytes already.
            throw new UncheckedIOException("re-reading the checked rows of " + batch + " failed", e);
        }
    }

    /** The first {@code n} rows of a stored slice followed by newly received ones. */
    static ArrayNode concat(ArrayNode stored, int n, ArrayNode received) {
        ArrayNode out = MAPPER.getNodeFactory().arrayNode(n + received.size());
        for (int i = 0; i < n; i++) {
            out.add(stored.get(i));
        }
        out.addAll(received);
        return out;
    }
}
