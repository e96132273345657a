package io.qlir.binance;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of a {@link BinanceClient} call: the value, a refusal by Binance, or a failure after retries.
 *
 * <p>Why a result and not exceptions: a fetch worker must treat each case differently (store the rows; mark the
 * slice failed and stop asking for an unknown symbol; mark it failed and try again later after network trouble),
 * and a sealed type makes every caller say what it does in each case. Bad arguments are not results: they throw
 * {@link IllegalArgumentException} before any request is sent.
 * <ul>
 *   <li>{@link Ok}: the value.</li>
 *   <li>{@link BinanceError}: Binance answered with an error (an unknown symbol: {@code -1121 Invalid symbol.}, a bad
 *       interval: {@code -1120}, any other 4xx). Never retried: asking again gets the same answer.</li>
 *   <li>{@link Failed}: network faults, 5xx or malformed bodies persisted through every retry, or rate limits through
 *       every wait, or the thread was interrupted.</li>
 * </ul>
 * <pre>{@code
 * BinanceResult<KlineBatch> r = client.klines(query);
 * if (r instanceof BinanceResult.Ok<KlineBatch> ok) {
 *     store(ok.value());
 * } else if (r instanceof BinanceResult.BinanceError<KlineBatch> e) {
 *     log.error(e.describe());            // names the symbol, the code and the message
 * } else {
 *     retryLater(r.describe());
 * }
 * KlineBatch batch = r.orThrow();         // or: the value, else a BinanceException
 * }</pre>
 *
 * @param <T> the value type
 */
public sealed interface BinanceResult<T> {

    /**
     * What the call cost (requests, retries, rate-limit hits, time).
     *
     * @return the call info
     */
    CallInfo call();

    /**
     * The request, as described in logs (endpoint, symbol, interval, range, limit).
     *
     * @return the request description
     */
    String request();

    /**
     * One line saying what happened, naming the request.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether this is an {@link Ok}.
     *
     * @return true for a value
     */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value, when there is one.
     *
     * @return the value or empty
     */
    default Optional<T> asOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /**
     * The value, or an exception describing why there is none.
     *
     * @return the value
     * @throws BinanceException for a {@link BinanceError} or {@link Failed}
     */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new BinanceException(this);
    }

    /**
     * Transforms the value of an {@link Ok}; other results pass through unchanged.
     *
     * @param f the transformation
     * @param <U> the new value type
     * @return the transformed result
     */
    @SuppressWarnings("unchecked")
    default <U> BinanceResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()), ok.request(), ok.call());
        }
        return (BinanceResult<U>) this; // BinanceError and Failed hold no T
    }

    /**
     * The value.
     *
     * @param value the value
     * @param request the request, as described in logs
     * @param call what the call cost
     * @param <T> the value type
     */
    record Ok<T>(T value, String request, CallInfo call) implements BinanceResult<T> {
        /**
         * Checks that nothing is null.
         *
         * @param value the value
         * @param request the request, as described in logs
         * @param call what the call cost
         */
        public Ok {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(call, "call");
        }

        @Override
        public String describe() {
            return request + ": ok after " + call.requests() + " request(s)";
        }
    }

    /**
     * Binance refused the request (HTTP 4xx other than 429 and 418). Not retried.
     *
     * @param httpStatus the HTTP status
     * @param code Binance's error code (for example {@code -1121}), or 0 when the body carried none
     * @param message Binance's message (for example {@code "Invalid symbol."}), or the start of the body
     * @param request the request, naming the symbol
     * @param call what the call cost
     * @param <T> the value type the call would have returned
     */
    record BinanceError<T>(int httpStatus, int code, String message, String request, CallInfo call)
            implements BinanceResult<T> {

        @Override
        public String describe() {
            return request + ": Binance error " + (code != 0 ? code + " " : "") + "\"" + message + "\" (HTTP "
                    + httpStatus + ")";
        }
    }

    /**
     * The call gave up.
     *
     * @param kind what kind of trouble persisted
     * @param reason the last problem, in words (for example {@code "HTTP 503"} or
     *     {@code "malformed JSON at row 17"})
     * @param request the request, as described in logs
     * @param cause the last exception, or null
     * @param call what the call cost
     * @param <T> the value type the call would have returned
     */
    record Failed<T>(FailureKind kind, String reason, String request, Throwable cause, CallInfo call)
            implements BinanceResult<T> {

        /**
         * How many requests were sent before giving up.
         *
         * @return the attempts
         */
        public int attempts() {
            return call.requests();
        }

        @Override
        public String describe() {
            return request + ": failed (" + kind + ") after " + call.requests() + " request(s): " + reason;
        }
    }
}
