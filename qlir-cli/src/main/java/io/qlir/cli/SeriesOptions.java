package io.qlir.cli;

import io.qlir.core.Interval;
import picocli.CommandLine.Option;

/** {@code --symbol S --interval I}: which series of the store a command works on. */
final class SeriesOptions {

    /** The help of {@code --symbol}, shared with {@link CandleInput} (where the flag is optional). */
    static final String SYMBOL_HELP = "Trading pair as Binance spells it, upper-case, for example BTCUSDT.";
    /** The help of {@code --interval}, shared with {@link CandleInput} (where the flag is optional). */
    static final String INTERVAL_HELP = "Candle interval, case-sensitive: 1s, 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h,"
            + " 8h, 12h, 1d, 3d, 1w, 1M (month).";

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL",
            converter = Converters.SymbolConverter.class,
            description = SYMBOL_HELP)
    String symbol;

    @Option(names = "--interval", required = true, paramLabel = "INTERVAL",
            converter = Converters.IntervalConverter.class,
            description = INTERVAL_HELP)
    Interval interval;
}
