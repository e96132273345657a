package io.qlir.binance;

/**
 * How one HTTP request to Binance ended, as a {@link RequestListener} hears it (one call may send several
 * requests: retries and rate-limit waits each send another).
 */
public enum RequestOutcome {
    /** HTTP 200 with a body the endpoint returns. */
    OK,
    /** Binance refused the request (HTTP 4xx other than 429/418, usually with an error code). */
    BINANCE_ERROR,
    /** The request failed: the network, HTTP 5xx, a malformed body, or an interrupt. */
    FAILED,
    /** HTTP 429 (too many requests) or 418 (IP banned). */
    RATE_LIMITED
}
