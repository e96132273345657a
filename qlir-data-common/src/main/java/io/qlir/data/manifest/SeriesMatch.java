package io.qlir.data.manifest;

import io.qlir.data.file.SliceMeta;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a slice file's meta says it belongs to a series. Slice ids hash only {@code SYMBOL:interval:start:limit},
 * so a file of another endpoint (a uiKlines twin of a klines slice) or venue has the very name its twin would have;
 * only the meta tells them apart. A field the meta does not carry (the Python qlir writes no venue or endpoint) is
 * not held against the file; the request URL then names the endpoint.
 */
final class SeriesMatch {

    private SeriesMatch() {
    }

    /** What in the meta contradicts the series, or null when nothing does. */
    static String mismatch(SliceSeries series, SliceMeta meta) {
        if (meta.venue() != null && !meta.venue().equalsIgnoreCase(series.venue())) {
            return "meta venue '" + meta.venue() + "' is not this directory's (" + series.venue() + ")";
        }
        if (meta.endpoint() != null && !meta.endpoint().equalsIgnoreCase(series.endpoint())) {
            return "meta endpoint '" + meta.endpoint() + "' is not this directory's (" + series.endpoint() + ")";
        }
        String urlEndpoint = meta.endpoint() == null ? lastPathSegment(meta.fetch().url()) : null;
        if (urlEndpoint != null && isEndpointName(urlEndpoint, series) && !urlEndpoint.equals(series.endpoint())) {
            return "it was fetched from " + meta.fetch().url() + ", not from this directory's endpoint ("
                    + series.endpoint() + ")";
        }
        String symbol = meta.rawText("symbol");
        if (symbol != null && !symbol.equals(series.symbol())) {
            return "meta symbol '" + symbol + "' is not this directory's (" + series.symbol() + ")";
        }
        String sent = meta.fetch().params().get("symbol");
        if (sent != null && !sent.equals(series.symbol())) {
            return "it was fetched for symbol '" + sent + "', not for this directory's (" + series.symbol() + ")";
        }
        return null;
    }

    /** Binance's endpoints are {@code /api/v3/klines} and {@code /api/v3/uiKlines}: named by the folder lowercase. */
    private static boolean isEndpointName(String segment, SliceSeries series) {
        return segment.endsWith("klines") && series.endpoint().endsWith("klines");
    }

    private static String lastPathSegment(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url).getPath();
            if (path == null || path.isEmpty()) {
                return null;
            }
            return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
