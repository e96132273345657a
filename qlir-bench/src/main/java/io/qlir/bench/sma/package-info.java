/**
 * <b>Key mental model.</b> SMA is the yardstick: qlir computes six windows in one blocked pass, and each peer does
 * the same six windows its own way (TA-Lib's array port, a hand-written running sum, Tablesaw's rolling mean, ta4j's
 * {@code SMAIndicator}). Scores are nanoseconds per row per window, so runs over ten million rows (qlir, TA-Lib, the
 * loops) and over one million rows (Tablesaw, ta4j, and qlir again beside them) compare directly.
 */
package io.qlir.bench.sma;
