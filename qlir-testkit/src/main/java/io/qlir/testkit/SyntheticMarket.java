package io.qlir.testkit;

import io.qlir.core.Interval;

/**
 * Deterministic synthetic candles: a seeded random walk in continuous time that any candle can be computed from
 * directly, without walking from the listing.
 *
 * <p>The log price at time {@code t} is a sum of value-noise layers: layer {@code L} places a seeded uniform value
 * every {@code 2^L} seconds and interpolates linearly between them, with an amplitude growing like
 * {@code sqrt(2^L)}, so price changes over a lag {@code d} have a spread growing like {@code sqrt(d)}, as a random
 * walk's do. Because the price is a function of time, a candle closes exactly where the next one opens, and
 * candles of different intervals agree on their open and close prices (their highs, lows and volumes do not add
 * up across intervals). A candle that is still forming at "now" closes at the price of "now" and carries the
 * elapsed fraction of its volume, so its values change as time passes, as Binance's do.
 */
final class SyntheticMarket {

    private static final int LAYERS = 27;          // 2^26 s is about two years
    private static final double SIGMA = 0.0001;    // per-second scale of the walk
    private static final double[] AMPLITUDE = new double[LAYERS];

    static {
        for (int l = 0; l < LAYERS; l++) {
            AMPLITUDE[l] = SIGMA * Math.sqrt(1L << l);
        }
    }

    private SyntheticMarket() {
    }

    /** One candle's numbers. */
    record Candle(long openTime, double open, double high, double low, double close, double volume, long closeTime,
            double quoteVolume, long trades, double takerBase, double takerQuote) {
    }

    /** The price of a symbol (by its seed and base price) at {@code timeMs}. */
    static double price(long symbolSeed, double basePrice, long timeMs) {
        double seconds = timeMs / 1000.0;
        double log = 0;
        for (int l = 0; l < LAYERS; l++) {
            double span = 1L << l;
            double x = seconds / span;
            long k = (long) Math.floor(x);
            double frac = x - k;
            double a = signedUniform(symbolSeed, l, k);
            double b = signedUniform(symbolSeed, l, k + 1);
            log += AMPLITUDE[l] * (a + (b - a) * frac);
        }
        return basePrice * Math.exp(log);
    }

    /**
     * The candle opening at {@code openTime}, as seen at {@code nowMs} (forming when {@code nowMs} is before its
     * close time).
     */
    static Candle candle(long symbolSeed, double basePrice, Interval interval, long openTime, long nowMs) {
        long closeTime = interval.closeTime(openTime);
        long length = closeTime + 1 - openTime;
        boolean forming = nowMs <= closeTime;
        double fraction = forming ? Math.max(0.0, (double) (nowMs - openTime + 1) / length) : 1.0;
        double open = round8(price(symbolSeed, basePrice, openTime));
        double close = round8(price(symbolSeed, basePrice, forming ? nowMs : closeTime + 1));
        double seconds = length / 1000.0 * fraction;
        double reach = SIGMA * Math.sqrt(Math.max(seconds, 1.0)) * 0.8;
        double high = round8(Math.max(open, close) * Math.exp(reach * uniform(symbolSeed, openTime, 1)));
        double low = round8(Math.min(open, close) * Math.exp(-reach * uniform(symbolSeed, openTime, 2)));
        double volume = round8(seconds / 60.0 * (5 + 20 * uniform(symbolSeed, openTime, 3)));
        double mid = (open + high + low + close) / 4;
        double quote = round8(volume * mid);
        long trades = Math.round(volume * 37 * (0.5 + uniform(symbolSeed, openTime, 4)));
        double takerBase = round8(volume * (0.35 + 0.3 * uniform(symbolSeed, openTime, 5)));
        double takerQuote = round8(takerBase * mid);
        return new Candle(openTime, open, high, low, close, volume, closeTime, quote, trades, takerBase, takerQuote);
    }

    /** A stable 64-bit seed for a symbol under a global seed (FNV-1a over the name, then mixed). */
    static long symbolSeed(long seed, String symbol) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < symbol.length(); i++) {
            h ^= symbol.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(seed ^ h);
    }

    static double uniform(long seed, long a, long b) {
        return (mix(seed ^ mix(a * 0x9E3779B97F4A7C15L + b)) >>> 11) * 0x1.0p-53;
    }

    private static double signedUniform(long seed, int layer, long knot) {
        return 2 * uniform(seed + layer * 0xD1B54A32D192ED03L, knot, layer) - 1;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Rounds to 8 decimals, as Binance quotes prices and volumes. */
    static double round8(double x) {
        return Math.round(x * 1e8) / 1e8;
    }
}
