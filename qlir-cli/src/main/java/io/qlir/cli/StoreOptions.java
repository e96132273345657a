package io.qlir.cli;

import picocli.CommandLine.Option;

/**
 * {@code --limit N}: the candles per request, which is also the slice size of the store (a store directory is
 * {@code .../limit=N/}), so it must match what the data was fetched with.
 */
final class StoreOptions {

    /** Binance's largest page for klines and uiKlines. */
    static final int MAX_LIMIT = 1000;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Candles per request and per slice file, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    int limit;

    void validate() throws BadInputException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInputException("--limit " + limit + " is out of range; Binance serves 1 to " + MAX_LIMIT
                    + " candles per request");
        }
    }
}
