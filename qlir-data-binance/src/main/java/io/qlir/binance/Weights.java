package io.qlir.binance;

/**
 * Request weights from Binance's spot REST documentation ("Market data endpoints" and "General endpoints"):
 * {@code /api/v3/klines} and {@code /api/v3/uiKlines} weigh 2 whatever the limit, {@code /api/v3/exchangeInfo}
 * (all symbols) weighs 20, {@code /api/v3/time} weighs 1. The server's own count ({@code X-MBX-USED-WEIGHT-1M}) is
 * read after every call, so a changed weight upstream shows up as external usage instead of a 429.
 */
final class Weights {
    static final int KLINES = 2;
    static final int EXCHANGE_INFO = 20;
    static final int TIME = 1;

    private Weights() {
    }

    static int klines(int limit) {
        KlineQuery.checkLimit(limit);
        return KLINES;
    }
}
