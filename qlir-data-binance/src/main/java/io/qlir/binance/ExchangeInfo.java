package io.qlir.binance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of {@code /api/v3/exchangeInfo} that a market-data store uses: the symbols with their status and
 * assets, and the rate limits.
 * <pre>{@code
 * List<String> usdt = client.exchangeInfo().orThrow().tradingSymbols("USDT");
 * }</pre>
 *
 * @param serverTime the server's time when it answered
 * @param symbols every symbol, in Binance's order
 * @param rateLimits the rate limits Binance announces
 */
public record ExchangeInfo(Instant serverTime, List<SymbolInfo> symbols, List<RateLimit> rateLimits) {

    /**
     * Copies the lists.
     *
     * @param serverTime the server's time when it answered
     * @param symbols every symbol, in Binance's order
     * @param rateLimits the rate limits Binance announces
     */
    public ExchangeInfo {
        Objects.requireNonNull(serverTime, "serverTime");
        symbols = List.copyOf(symbols);
        rateLimits = List.copyOf(rateLimits);
    }

    /**
     * The symbols whose status is {@code TRADING}.
     *
     * @return symbol names, in Binance's order
     */
    public List<String> tradingSymbols() {
        return symbols.stream().filter(SymbolInfo::isTrading).map(SymbolInfo::symbol).toList();
    }

    /**
     * The symbols whose status is {@code TRADING} and whose quote asset is the given one.
     *
     * @param quoteAsset for example {@code USDT} (case-sensitive, as Binance writes assets)
     * @return symbol names, in Binance's order
     */
    public List<String> tradingSymbols(String quoteAsset) {
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        return symbols.stream().filter(s -> s.isTrading() && quoteAsset.equals(s.quoteAsset()))
                .map(SymbolInfo::symbol).toList();
    }

    /**
     * One symbol's entry.
     *
     * @param symbol the symbol
     * @return its entry, or empty when Binance does not list it
     */
    public Optional<SymbolInfo> symbol(String symbol) {
        return symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
    }

    /**
     * The request-weight limit, when Binance announces one.
     *
     * @return the {@code REQUEST_WEIGHT} entry
     */
    public Optional<RateLimit> requestWeightLimit() {
        return rateLimits.stream().filter(r -> "REQUEST_WEIGHT".equals(r.type())).findFirst();
    }
}
