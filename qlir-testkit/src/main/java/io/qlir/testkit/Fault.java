package io.qlir.testkit;

/** A misbehaviour the fake Binance can inject into a response. */
public enum Fault {
    /** HTTP 500 or 503 with Binance's internal-error body. */
    SERVER_ERROR,
    /** The connection closes after the request arrives, without a response. */
    RESET,
    /** The headers announce the full body, half of it arrives, then the connection drops. */
    TRUNCATED_BODY,
    /** HTTP 200 with a body that is not valid JSON. */
    MALFORMED_JSON,
    /** The correct response, after a delay (longer than a short read timeout). */
    DELAY,
    /** HTTP 429 with a {@code Retry-After} (scripted only). */
    TOO_MANY_REQUESTS,
    /** HTTP 418: the IP is banned for the {@code Retry-After} (scripted only). */
    BANNED
}
