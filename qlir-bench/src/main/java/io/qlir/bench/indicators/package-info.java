/**
 * <b>Key mental model.</b> Each qlir indicator runs beside its twin in TA-Lib's Java port (EMA, ATR, BBANDS, RSI,
 * MACD) over ten million candles, and beside its ta4j twin over one million; indicators without a twin (ARP-D, range
 * shock) run alone. Scores are nanoseconds per row per output column, so a three-line indicator (Bollinger, MACD) is
 * judged per line.
 */
package io.qlir.bench.indicators;
