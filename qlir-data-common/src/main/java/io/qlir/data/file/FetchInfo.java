package io.qlir.data.file;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was asked of the upstream for a slice, recorded in its file's meta: the venue module fills it in.
 *
 * <pre>{@code
 * FetchInfo fetch = new FetchInfo(url.toString(), params, 200, requestedAt);
 * }</pre>
 *
 * @param url the request URL, or null when there was none
 * @param params the request parameters in the order sent (copied; never null)
 * @param httpStatus the HTTP status of the answer, or null when none arrived
 * @param requestedAt when the request was sent, or null when unknown
 */
public record FetchInfo(String url, Map<String, String> params, Integer httpStatus, Instant requestedAt) {

    /** Nothing known about the request (for files of unknown origin). */
    public static final FetchInfo UNKNOWN = new FetchInfo(null, Map.of(), null, null);

    /**
     * Copies the parameters, keeping their order.
     *
     * @param url the request URL, or null when there was none
     * @param params the request parameters in the order sent; null means none
     * @param httpStatus the HTTP status of the answer, or null when none arrived
     * @param requestedAt when the request was sent, or null when unknown
     */
    public FetchInfo {
        params = params == null || params.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
