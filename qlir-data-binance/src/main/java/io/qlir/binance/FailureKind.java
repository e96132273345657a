package io.qlir.binance;

/** Why a call gave up after its retries (see {@link BinanceResult.Failed}). */
public enum FailureKind {
    /** The network failed: no connection, a reset, a timeout, a body cut off in transfer. */
    NETWORK,
    /** Binance answered with HTTP 5xx every time. */
    SERVER_ERROR,
    /** The body was not what the endpoint returns: truncated or malformed JSON, or the wrong shape. */
    INVALID_RESPONSE,
    /** HTTP 429 or 418 came back more often than the client's limit on rate-limit waits. */
    RATE_LIMITED,
    /** The calling thread was interrupted (for example by a shutdown); no further attempt was made. */
    INTERRUPTED
}
