package io.qlir.data.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.slice.SliceKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kline rows recorded elsewhere (a JSON array of Binance's kline rows, as {@code /api/v3/klines} returns them),
 * stored as the slices of a series they fall in: the way a recording becomes a store without a fetch, for demos,
 * benchmarks and tests that start from real candles. The store's own rules apply, as for any fetch: each slice's rows
 * are validated, its status follows from the store's clock (a slice still open then is {@code partial}), and a slice
 * file is never replaced by one with fewer rows.
 * <pre>{@code
 * try (SliceDirectory dir = SliceDirectory.open(root, series, StoreOptions.builder().clock(clock).build())) {
 *     RecordedRows.write(dir, rows, new FetchInfo(url, Map.of("symbol", "BTCUSDT"), 200, clock.instant()));
 * }
 * }</pre>
 */
public final class RecordedRows {

    private RecordedRows() {
    }

    /**
     * Writes every slice from the one of the first row to the store's "now", each with the rows that fall in it (a
     * slice past the recording's end is written empty, as the venue would answer it). When the directory has no grid
     * anchor yet, the first row's open time becomes it (as the venue's first candle would).
     *
     * @param dir the series' directory, open for writing
     * @param rows the recorded rows, sorted by open time, at least one
     * @param fetch what to record as each slice's request
     * @return the entries written, in time order
     * @throws IllegalArgumentException when {@code rows} is not a non-empty array of kline rows, or the first row's
     *     open time is not an open time of the interval (when it becomes the anchor)
     * @throws IOException when a slice or the manifest cannot be written
     */
    public static List<SliceEntry> write(SliceDirectory dir, JsonNode rows, FetchInfo fetch) throws IOException {
        if (rows == null || !rows.isArray() || rows.isEmpty() || !rows.get(0).isArray()) {
            throw new IllegalArgumentException("recorded rows for " + dir.path() + " must be a non-empty JSON array of "
                    + "kline rows ([openTime, open, high, low, close, ...]), got " + (rows == null ? "null"
                    : rows.getNodeType() + " of " + rows.size()));
        }
        long first = rows.get(0).get(0).asLong();
        if (dir.gridAnchor().isEmpty()) {
            dir.setGridAnchor(first);
        }
        List<SliceEntry> written = new ArrayList<>();
        for (SliceKey key : dir.plan(first, dir.options().clock().millis())) {
            ArrayNode slice = JsonNodeFactory.instance.arrayNode();
            for (JsonNode r : rows) {
                long open = r.get(0).asLong();
                if (open >= key.startMs() && open <= key.endMs()) {
                    slice.add(r);
                }
            }
            written.add(dir.write(key, slice, fetch));
        }
        return written;
    }
}
