package io.qlir.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A symbol the fake Binance knows: its status and assets (for exchangeInfo), when it was listed (its first candle
 * is the one containing this instant) and the price its random walk is centred on.
 * <pre>{@code
 * FakeSymbol btc = FakeSymbol.trading("BTCUSDT", Instant.parse("2017-08-17T04:00:00Z")).withBasePrice(30_000);
 * FakeSymbol old = FakeSymbol.trading("BCCUSDT", Instant.parse("2017-11-13T00:00:00Z")).withStatus("BREAK");
 * }</pre>
 *
 * @param symbol the symbol, upper case
 * @param status the exchangeInfo status, for example {@code TRADING} or {@code BREAK}
 * @param baseAsset the base asset, for example {@code BTC}
 * @param quoteAsset the quote asset, for example {@code USDT}
 * @param listedAt the listing instant
 * @param basePrice the price level of the walk
 */
public record FakeSymbol(String symbol, String status, String baseAsset, String quoteAsset, Instant listedAt,
        double basePrice) {

    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "BTC", "ETH", "BNB", "EUR",
            "TRY");

    /**
     * Checks the fields.
     *
     * @param symbol the symbol, upper case
     * @param status the exchangeInfo status
     * @param baseAsset the base asset
     * @param quoteAsset the quote asset
     * @param listedAt the listing instant
     * @param basePrice the price level of the walk, positive
     * @throws IllegalArgumentException for a blank symbol or a price that is not positive
     */
    public FakeSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(listedAt, "listedAt");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (!(basePrice > 0) || Double.isInfinite(basePrice)) {
            throw new IllegalArgumentException("basePrice of " + symbol + " must be positive, got " + basePrice);
        }
    }

    /**
     * A trading symbol, its assets guessed from common quote suffixes, base price 100.
     *
     * @param symbol for example {@code BTCUSDT}
     * @param listedAt the listing instant
     * @return the symbol
     */
    public static FakeSymbol trading(String symbol, Instant listedAt) {
        String quote = QUOTES.stream().filter(q -> symbol.endsWith(q) && symbol.length() > q.length()).findFirst()
                .orElse("");
        String base = symbol.substring(0, symbol.length() - quote.length());
        return new FakeSymbol(symbol, "TRADING", base, quote, listedAt, 100.0);
    }

    /**
     * This symbol with another status.
     *
     * @param newStatus for example {@code BREAK}
     * @return a new symbol
     */
    public FakeSymbol withStatus(String newStatus) {
        return new FakeSymbol(symbol, newStatus, baseAsset, quoteAsset, listedAt, basePrice);
    }

    /**
     * This symbol with another price level.
     *
     * @param price positive
     * @return a new symbol
     */
    public FakeSymbol withBasePrice(double price) {
        return new FakeSymbol(symbol, status, baseAsset, quoteAsset, listedAt, price);
    }

    /**
     * This symbol with other assets.
     *
     * @param base the base asset
     * @param quote the quote asset
     * @return a new symbol
     */
    public FakeSymbol withAssets(String base, String quote) {
        return new FakeSymbol(symbol, status, base, quote, listedAt, basePrice);
    }
}
