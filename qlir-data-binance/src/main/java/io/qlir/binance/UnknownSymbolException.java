package io.qlir.binance;

import io.qlir.data.manifest.NoSuchSeriesException;
import java.util.List;

/**
 * Binance does not know a job's symbol: the job fails before anything is written (no directory is created).
 *
 * <p>It is the venue's {@link NoSuchSeriesException} (an {@link IllegalArgumentException}): bad input, retrying
 * cannot help. The message names
 * the symbol, Binance's answer, and, when exchangeInfo could be read, trading symbols that look alike.
 * <pre>{@code
 * try { fetcher.fetch(FetchJob.of(Endpoint.KLINES, "BTCUSTD", Interval.M1)); }
 * catch (UnknownSymbolException e) { log.error(e.getMessage()); }   // ... 'BTCUSTD' ... did you mean BTCUSDT?
 * }</pre>
 */
public final class UnknownSymbolException extends NoSuchSeriesException {

    private static final long serialVersionUID = 1L;

    /** The refused symbol, as asked. */
    private final String symbol;

    UnknownSymbolException(FetchJob job, String binanceAnswer, List<String> lookalikes) {
        super(job.series(), "Binance does not know symbol '" + job.symbol() + "' (" + binanceAnswer + "); nothing was written. "
                + "Valid: a symbol listed by /api/v3/exchangeInfo, upper case"
                + (lookalikes.isEmpty() ? ", for example BTCUSDT" : "; did you mean " + String.join(", ", lookalikes)
                + "?"));
        this.symbol = job.symbol();
    }

    /**
     * The symbol Binance refused.
     *
     * @return the symbol as asked
     */
    public String symbol() {
        return symbol;
    }
}
