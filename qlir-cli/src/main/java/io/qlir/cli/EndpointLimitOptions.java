package io.qlir.cli;

import io.qlir.binance.Endpoint;
import picocli.CommandLine.Option;

/**
 * {@code --endpoint E --limit N}: which of the store's directories a command works on. The limit is the candles per
 * request and so the slice size ({@code .../limit=N/}), so it must match what the data was fetched with.
 */
final class EndpointLimitOptions {

    /** Binance's largest page for klines and uiKlines. */
    static final int MAX_LIMIT = 1000;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT", defaultValue = "klines",
            converter = Converters.EndpointConverter.class,
            description = "klines (candles as traded, the default) or uiklines (as Binance's charts draw them);"
                    + " stored apart, never mixed.")
    Endpoint endpoint = Endpoint.KLINES;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Candles per request and per slice file, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    int limit = MAX_LIMIT;

    void validate() throws BadInputException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInputException("--limit " + limit + " is out of range; Binance serves 1 to " + MAX_LIMIT
                    + " candles per request");
        }
    }
}
