package io.qlir.binance;

/**
 * A fetch job could not start: Binance could not be reached for the first-candle probe (after the client's
 * retries), or refused it for a reason other than an unknown symbol ({@link UnknownSymbolException}).
 *
 * <p>Nothing was written when this is thrown. The message names the job and what Binance (or the network) said;
 * trying again later may help.
 * <pre>{@code
 * try { fetcher.fetch(job); }
 * catch (FetchException e) { log.warn("{}; retrying in a minute", e.getMessage()); }
 * }</pre>
 */
public final class FetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
