package io.qlir.core;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Deterministic synthetic candles, the project's one generator: a seeded random walk in continuous time that any
 * candle can be computed from directly, without walking from the start. The fake Binance serves it, pipelines are
 * dry-run on it, and benchmarks measure on it.
 *
 * <p>The log price at time {@code t} is a sum of value-noise layers: layer {@code L} places a seeded uniform value
 * every {@code 2^L} seconds and interpolates linearly between them, with an amplitude growing like
 * {@code sqrt(2^L)}, so price changes over a lag {@code d} have a spread growing like {@code sqrt(d)}, as a random
 * walk's do. Because the price is a function of time, a candle closes exactly where the next one opens, and
 * candles of different intervals agree on their open and close prices (their highs, lows and volumes do not add
 * up across intervals). A candle that is still forming at "now" closes at the price of "now" and carries the
 * elapsed fraction of its volume, so its values change as time passes, as Binance's do.
 *
 * <p>Numbers carry Binance's precision, not more. Binance trades a price in steps of the symbol's tick and a quantity
 * in steps of its lot; the quote volumes are sums of price × quantity over the trades. In the real recording
 * {@code spot-30m-2019-04-11} (BTCUSDT near 5,000, qlir-testkit's {@code BinanceRecordings}) every price has at most
 * two decimals (tick 0.01: of 500 opens 415 have two, 40 one, 45 none), the base and taker-buy base volumes at most
 * six (lot 0.000001), and the quote volumes eight. So here:
 * <ul>
 *   <li>open, high, low and close sit on a tick: the largest power of ten not above {@code basePrice × 1e-6}, but not
 *       below 1e-8 (Binance's eight decimals); 30,000 gives 0.01, as BTCUSDT's, 2,000 gives 0.001, 0.5 gives
 *       1e-7. Open and close are rounded to the nearest tick, the high up and the low down, so the high stays at or
 *       above and the low at or below the open and close; a price is never below one tick, so the low stays
 *       positive. The rule is one plausible tick per price level, not Binance's table of symbols: at 5,000 it gives
 *       0.001 where BTCUSDT's was 0.01, so it errs on the finer side (finer prices compress less);</li>
 *   <li>the base volumes (volume, taker buy base) are rounded to 6 decimals;</li>
 *   <li>the quote volumes (quote volume, taker buy quote) to 8 decimals.</li>
 * </ul>
 * How many decimals the numbers carry decides how well they compress (the Parquet dataset of issue 14): eight random
 * decimals in every price would make each double's mantissa noise, which real prices are not.
 * <pre>{@code
 * SyntheticMarket btc = SyntheticMarket.of(42, "BTCUSDT", 30_000);
 * Table candles = btc.candles(Interval.M1, Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), 240);
 * SyntheticMarket.Candle forming = btc.candle(Interval.H1, openTime, clock.millis());
 * }</pre>
 */
public final class SyntheticMarket {

    private static final int LAYERS = 27;          // 2^26 s is about two years
    private static final double SIGMA = 0.0001;    // per-second scale of the walk
    private static final double[] AMPLITUDE = new double[LAYERS];

    static {
        for (int l = 0; l < LAYERS; l++) {
            AMPLITUDE[l] = SIGMA * Math.sqrt(1L << l);
        }
    }

    /** Binance's finest precision: eight decimals. */
    private static final int MAX_DECIMALS = 8;
    /** Base volumes are in lots of 1e-6, as BTCUSDT's were. */
    private static final double LOTS_PER_UNIT = 1e6;
    private static final double QUOTE_STEPS_PER_UNIT = 1e8;

    private final long symbolSeed;
    private final double basePrice;
    /** Decimals of the price tick (negative for a tick of 10 or more). */
    private final int priceDecimals;
    /** Ticks per unit ({@code 10^decimals}) for a tick of 1 or finer, else units per tick; exact either way. */
    private final double tickScale;

    private SyntheticMarket(long symbolSeed, double basePrice) {
        this.symbolSeed = symbolSeed;
        this.basePrice = basePrice;
        this.priceDecimals = tickDecimals(basePrice);
        this.tickScale = Math.pow(10, Math.abs(priceDecimals));
    }

    /**
     * The decimals of the tick of a price level: the tick is the largest power of ten not above
     * {@code basePrice × 1e-6}, and not below 1e-8.
     */
    static int tickDecimals(double basePrice) {
        int exponent = (int) Math.floor(Math.log10(basePrice));
        // log10 may land a hair off an exact power of ten: settle the exponent on the price itself
        if (Math.pow(10, exponent) > basePrice) {
            exponent--;
        } else if (Math.pow(10, exponent + 1) <= basePrice) {
            exponent++;
        }
        return Math.min(MAX_DECIMALS, 6 - exponent);
    }

    /**
     * The price tick of the markets at a price level, exactly: what a fake exchange announces as the symbol's
     * {@code tickSize}, so its filters and its candles agree.
     * <pre>{@code
     * SyntheticMarket.tickSize(30_000).toPlainString();   // "0.01"
     * }</pre>
     *
     * @param basePrice the price level, positive and finite
     * @return the tick, a power of ten
     * @throws IllegalArgumentException for a price that is not positive and finite
     */
    public static java.math.BigDecimal tickSize(double basePrice) {
        requirePrice(basePrice, "basePrice");
        return java.math.BigDecimal.ONE.scaleByPowerOfTen(-tickDecimals(basePrice));
    }

    private static void requirePrice(double basePrice, String what) {
        if (!(basePrice > 0) || Double.isInfinite(basePrice)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + basePrice);
        }
    }

    /**
     * The market of one symbol under a global seed: the same seed and symbol give the same candles everywhere.
     *
     * @param seed the global seed
     * @param symbol the symbol, for example {@code BTCUSDT} (mixed into the seed)
     * @param basePrice the price level of the walk, positive and finite
     * @return the market
     * @throws IllegalArgumentException for a price that is not positive and finite
     */
    public static SyntheticMarket of(long seed, String symbol, double basePrice) {
        requirePrice(basePrice, "basePrice of " + symbol);
        return new SyntheticMarket(symbolSeed(seed, symbol), basePrice);
    }

    /**
     * One candle's numbers, as Binance's kline row carries them.
     *
     * @param openTime open time, epoch millis
     * @param open open price
     * @param high high price
     * @param low low price
     * @param close close price (the price at "now" while forming)
     * @param volume base volume
     * @param closeTime close time, epoch millis
     * @param quoteVolume quote volume
     * @param trades number of trades
     * @param takerBase taker buy base volume
     * @param takerQuote taker buy quote volume
     */
    public record Candle(long openTime, double open, double high, double low, double close, double volume,
            long closeTime, double quoteVolume, long trades, double takerBase, double takerQuote) {
    }

    /**
     * The price at a time (not rounded).
     *
     * @param timeMs epoch millis
     * @return the price
     */
    public double price(long timeMs) {
        return basePrice * Math.exp(logWalk(timeMs, null));
    }

    /**
     * The log of the walk at a time. With a cache (three slots per layer: knot, its value, the next knot's value),
     * knots a previous, nearby time already computed are reused: consecutive candles share most of them.
     */
    private double logWalk(long timeMs, double[] cache) {
        double seconds = timeMs / 1000.0;
        double log = 0;
        for (int l = 0; l < LAYERS; l++) {
            double span = 1L << l;
            double x = seconds / span;
            long k = (long) Math.floor(x);
            double frac = x - k;
            double a;
            double b;
            if (cache != null && cache[3 * l] == k) {
                a = cache[3 * l + 1];
                b = cache[3 * l + 2];
            } else {
                a = signedUniform(symbolSeed, l, k);
                b = signedUniform(symbolSeed, l, k + 1);
                if (cache != null) {
                    cache[3 * l] = k;
                    cache[3 * l + 1] = a;
                    cache[3 * l + 2] = b;
                }
            }
            log += AMPLITUDE[l] * (a + (b - a) * frac);
        }
        return log;
    }

    /**
     * The candle opening at {@code openTime}, as seen at {@code nowMs} (forming when {@code nowMs} is before its
     * close time).
     *
     * @param interval the interval
     * @param openTime the open time, aligned to the interval
     * @param nowMs "now", epoch millis ({@link Long#MAX_VALUE} for a closed candle)
     * @return the candle
     */
    public Candle candle(Interval interval, long openTime, long nowMs) {
        return candle(interval, openTime, nowMs, null);
    }

    private Candle candle(Interval interval, long openTime, long nowMs, double[] cache) {
        long closeTime = interval.closeTime(openTime);
        long length = closeTime + 1 - openTime;
        boolean forming = nowMs <= closeTime;
        double fraction = forming ? Math.max(0.0, (double) (nowMs - openTime + 1) / length) : 1.0;
        double open = onTick(basePrice * Math.exp(logWalk(openTime, cache)), RoundingMode.HALF_EVEN);
        double close = onTick(basePrice * Math.exp(logWalk(forming ? nowMs : closeTime + 1, cache)),
                RoundingMode.HALF_EVEN);
        double seconds = length / 1000.0 * fraction;
        double reach = SIGMA * Math.sqrt(Math.max(seconds, 1.0)) * 0.8;
        double high = onTick(Math.max(open, close) * Math.exp(reach * uniform(symbolSeed, openTime, 1)),
                RoundingMode.CEILING);
        double low = onTick(Math.min(open, close) * Math.exp(-reach * uniform(symbolSeed, openTime, 2)),
                RoundingMode.FLOOR);
        double volume = round(seconds / 60.0 * (5 + 20 * uniform(symbolSeed, openTime, 3)), LOTS_PER_UNIT);
        double mid = (open + high + low + close) / 4;
        double quote = round(volume * mid, QUOTE_STEPS_PER_UNIT);
        long trades = Math.round(volume * 37 * (0.5 + uniform(symbolSeed, openTime, 4)));
        double takerBase = round(volume * (0.35 + 0.3 * uniform(symbolSeed, openTime, 5)), LOTS_PER_UNIT);
        double takerQuote = round(takerBase * mid, QUOTE_STEPS_PER_UNIT);
        return new Candle(openTime, open, high, low, close, volume, closeTime, quote, trades, takerBase, takerQuote);
    }

    /**
     * A price on the tick: {@code HALF_EVEN} (nearest), {@code CEILING} (a high) or {@code FLOOR} (a low), and never
     * below one tick. Ticks of 1 and finer count in ticks per unit, so the result is the double nearest the decimal
     * (as Binance's strings parse); coarser ticks count in units per tick.
     */
    private double onTick(double price, RoundingMode mode) {
        if (priceDecimals >= 0) {
            return Math.max(1.0, steps(price * tickScale, mode)) / tickScale;
        }
        return Math.max(1.0, steps(price / tickScale, mode)) * tickScale;
    }

    private static double steps(double x, RoundingMode mode) {
        return switch (mode) {
            case CEILING -> Math.ceil(x);
            case FLOOR -> Math.floor(x);
            default -> Math.rint(x);
        };
    }

    /**
     * Hands consecutive closed candles to a sink, oldest first: the fast way to make many (the walk's knots are
     * shared between neighbours, not recomputed), with the same values as {@link #candle} gives one by one.
     *
     * @param interval the interval
     * @param firstOpenTime the first candle's open time, aligned to the interval
     * @param count how many candles
     * @param sink takes each candle
     */
    public void forEachCandle(Interval interval, long firstOpenTime, long count, Consumer<Candle> sink) {
        double[] cache = new double[3 * LAYERS];
        Arrays.fill(cache, Double.NaN);
        long t = firstOpenTime;
        for (long i = 0; i < count; i++, t = interval.plus(t, 1)) {
            sink.accept(candle(interval, t, Long.MAX_VALUE, cache));
        }
    }

    /**
     * Consecutive closed candles as a candle table ({@link Candles#COLUMNS}).
     *
     * @param interval the interval
     * @param firstOpenTime the first candle's open time, aligned to the interval
     * @param count how many candles
     * @return the table, oldest first
     */
    public Table candles(Interval interval, long firstOpenTime, int count) {
        Candles.Builder b = Candles.builder(count);
        forEachCandle(interval, firstOpenTime, count, c -> b.add(c.openTime(), c.open(), c.high(), c.low(),
                c.close(), c.volume(), c.closeTime(), c.quoteVolume(), c.trades(), c.takerBase(), c.takerQuote()));
        return b.build();
    }

    /**
     * A stable 64-bit seed for a symbol under a global seed (FNV-1a over the name, then mixed).
     *
     * @param seed the global seed
     * @param symbol any name
     * @return the symbol's seed
     */
    public static long symbolSeed(long seed, String symbol) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < symbol.length(); i++) {
            h ^= symbol.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(seed ^ h);
    }

    /**
     * A seeded uniform number in {@code [0, 1)}, a pure function of its three arguments: the walk's noise, and the
     * dice of the fake Binance's fault plan.
     *
     * @param seed the seed
     * @param a the first coordinate (for example a time)
     * @param b the second coordinate (for example which draw)
     * @return the number
     */
    public static double uniform(long seed, long a, long b) {
        return (mix(seed ^ mix(a * 0x9E3779B97F4A7C15L + b)) >>> 11) * 0x1.0p-53;
    }

    private static double signedUniform(long seed, int layer, long knot) {
        return 2 * uniform(seed + layer * 0xD1B54A32D192ED03L, knot, layer) - 1;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Rounds to the nearest step of a volume ({@code stepsPerUnit} = 1e6 for lots of 1e-6, 1e8 for 8 decimals). */
    private static double round(double x, double stepsPerUnit) {
        return Math.round(x * stepsPerUnit) / stepsPerUnit;
    }
}
