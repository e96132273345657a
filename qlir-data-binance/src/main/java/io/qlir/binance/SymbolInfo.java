package io.qlir.binance;

/**
 * One symbol of {@code /api/v3/exchangeInfo}, reduced to what a market-data store needs.
 *
 * <p>The status stays a string: Binance defines the set ({@code TRADING}, {@code BREAK}, {@code HALT}, ...) and adds
 * to it; only {@code TRADING} matters here.
 *
 * @param symbol the symbol, for example {@code BTCUSDT}
 * @param status the trading status, for example {@code TRADING} or {@code BREAK}
 * @param baseAsset the asset bought, for example {@code BTC}
 * @param quoteAsset the asset paid, for example {@code USDT}
 */
public record SymbolInfo(String symbol, String status, String baseAsset, String quoteAsset) {

    /** The status of a symbol that trades now. */
    public static final String TRADING = "TRADING";

    /**
     * Whether the symbol trades now.
     *
     * @return true when the status is {@code TRADING}
     */
    public boolean isTrading() {
        return TRADING.equals(status);
    }
}
