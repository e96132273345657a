package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import java.util.Objects;

/**
 * What one fetch job keeps in the store: the candles of one (endpoint, symbol, interval), cut into slices of
 * {@code limit} candles.
 *
 * <p>A job names exactly one slice directory,
 * {@code <data-root>/binance/<endpoint>/raw/<SYMBOL>/<interval>/limit=<limit>}, and so exactly one writer: two jobs
 * that are equal would fight over the directory's lock. {@link #name()} is the job's name in logs (the MDC key
 * {@value BinanceDataServer#MDC_JOB}) and on the command line.
 * <pre>{@code
 * FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);       // limit 1000
 * FetchJob ui = FetchJob.parse("uiklines:ETHUSDT:15m:500");
 * job.name();                                                                // "binance-klines-BTCUSDT-1m"
 * }</pre>
 *
 * @param endpoint klines or uiKlines
 * @param symbol the Binance symbol, upper case (for example {@code BTCUSDT})
 * @param interval the candle interval
 * @param limit candles per slice (and per request), 1 to 1000
 */
public record FetchJob(Endpoint endpoint, String symbol, Interval interval, int limit) {

    /** The slice size used unless a job says otherwise: Binance's largest page. */
    public static final int DEFAULT_LIMIT = KlineQuery.MAX_LIMIT;

    /** The venue folder under the data root. */
    public static final String VENUE = "binance";

    /**
     * Checks the parts, the way a request would.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the Binance symbol, upper case
     * @param interval the candle interval
     * @param limit candles per slice, 1 to 1000
     * @throws IllegalArgumentException naming the bad part and what would be valid
     */
    public FetchJob {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(interval, "interval");
        KlineQuery.checkSymbol(symbol);
        KlineQuery.checkLimit(limit);
    }

    /**
     * A job with the default limit of 1000 candles per slice.
     *
     * @param endpoint klines or uiKlines
     * @param symbol the Binance symbol, upper case
     * @param interval the candle interval
     * @return the job
     * @throws IllegalArgumentException for a bad symbol
     */
    public static FetchJob of(Endpoint endpoint, String symbol, Interval interval) {
        return new FetchJob(endpoint, symbol, interval, DEFAULT_LIMIT);
    }

    /**
     * Parses {@code [endpoint:]SYMBOL:interval[:limit]}, the form the command line takes ({@code serve --jobs}).
     *
     * @param spec for example {@code BTCUSDT:1m}, {@code uiklines:ETHUSDT:15m} or {@code klines:BTCUSDT:1h:500}
     * @return the job (endpoint klines and limit 1000 unless given)
     * @throws IllegalArgumentException naming the text and the valid form
     */
    public static FetchJob parse(String spec) {
        String[] parts = spec == null ? new String[0] : spec.strip().split(":", -1);
        int i = 0;
        Endpoint endpoint = Endpoint.KLINES;
        if (parts.length > 0 && isEndpointCode(parts[0])) {
            endpoint = Endpoint.parse(parts[0]);
            i = 1;
        }
        int rest = parts.length - i;
        if (rest != 2 && rest != 3) {
            throw new IllegalArgumentException("bad job '" + spec + "'; valid: [endpoint:]SYMBOL:interval[:limit], "
                    + "for example BTCUSDT:1m, uiklines:ETHUSDT:15m or klines:BTCUSDT:1h:500");
        }
        try {
            int limit = rest == 3 ? Integer.parseInt(parts[i + 2]) : DEFAULT_LIMIT;
            return new FetchJob(endpoint, parts[i], Interval.parse(parts[i + 1]), limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad job '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static boolean isEndpointCode(String s) {
        for (Endpoint e : Endpoint.values()) {
            if (e.wireCode().equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This job with another slice size (a different directory: slices of different sizes are different files).
     *
     * @param candlesPerSlice 1 to 1000
     * @return a new job
     * @throws IllegalArgumentException when outside 1 to 1000
     */
    public FetchJob withLimit(int candlesPerSlice) {
        return new FetchJob(endpoint, symbol, interval, candlesPerSlice);
    }

    /**
     * The slice series the job writes.
     *
     * @return {@code (binance, <endpoint>, symbol, interval, limit)}
     */
    public SliceSeries series() {
        return new SliceSeries(VENUE, endpoint.wireCode(), symbol, interval, limit);
    }

    /**
     * The job's name in logs, thread names and the MDC: venue, endpoint, symbol, interval, and the limit when it is
     * not 1000.
     *
     * @return for example {@code binance-klines-BTCUSDT-1m} or {@code binance-uiklines-ETHUSDT-15m-limit500}
     */
    public String name() {
        return VENUE + "-" + endpoint.wireCode() + "-" + symbol + "-" + interval.wireCode()
                + (limit == DEFAULT_LIMIT ? "" : "-limit" + limit);
    }

    /**
     * The form {@link #parse} reads back.
     *
     * @return for example {@code klines:BTCUSDT:1m:1000}
     */
    public String spec() {
        return endpoint.wireCode() + ":" + symbol + ":" + interval.wireCode() + ":" + limit;
    }

    /**
     * A short description for logs and errors.
     *
     * @return for example {@code BTCUSDT 1m klines}, with {@code limit=500} appended when not 1000
     */
    @Override
    public String toString() {
        return symbol + " " + interval.wireCode() + " " + endpoint.wireCode()
                + (limit == DEFAULT_LIMIT ? "" : " limit=" + limit);
    }
}
