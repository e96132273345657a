package io.qlir.binance;

/**
 * Hears every HTTP request a {@link BinanceClient} sends: what a metrics binder counts (requests by endpoint and
 * outcome, 429/418, retries) without the client depending on a metrics library.
 *
 * <p>Calls come from the callers' threads, several at once: an implementation must be thread-safe and quick, and
 * must not throw (an exception is logged and ignored). The endpoint is the last segment of the REST path
 * ({@code klines}, {@code uiKlines}, {@code exchangeInfo}, {@code time}): a small, fixed set.
 * <pre>{@code
 * BinanceClient client = BinanceClient.builder()
 *         .requestListener((endpoint, outcome, status, weight) -> counts.add(endpoint + " " + outcome))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface RequestListener {

    /** A listener that ignores everything. */
    RequestListener NONE = (endpoint, outcome, status, weight) -> {
    };

    /**
     * A request's response arrived, or the request failed.
     *
     * @param endpoint the endpoint, for example {@code klines}
     * @param outcome how it ended
     * @param status the HTTP status, 0 when no response arrived
     * @param weight the request weight it was charged
     */
    void requested(String endpoint, RequestOutcome outcome, int status, int weight);

    /**
     * A failed request is about to be sent again, after a backoff.
     *
     * @param endpoint the endpoint, for example {@code klines}
     */
    default void retried(String endpoint) {
    }
}
