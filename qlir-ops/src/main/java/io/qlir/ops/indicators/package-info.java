/**
 * Technical indicators over candle tables, reached through the {@link io.qlir.ops.indicators.Indicators} façade.
 *
 * <p><b>Key mental model.</b> An indicator is a function from a table to a {@link io.qlir.core.Derived}: the same
 * columns plus new ones, each new column carrying a {@code RowDerivationSpec} that states which rows relative to the
 * written row {@code i} it read ({@code [i-13 .. i]} for an SMA of 14, {@code [.. i]} for a recursive EMA). Inputs
 * are read once as primitive arrays and outputs are written as arrays wrapped into columns, so nothing is copied;
 * many windows of one indicator share one pass over the data. Where an indicator has a TA-Lib twin (SMA, EMA, WMA,
 * ATR, BBANDS, RSI, MACD) qlir follows TA-Lib's seeding and warm-up and matches it to {@code 1e-9} relative, except
 * where TA-Lib loses digits (BBANDS over a tiny spread), where qlir stays exact. Undefined values are NaN, never
 * ±inf.
 *
 * <p>Only the façade, {@link io.qlir.ops.indicators.Bands}, {@link io.qlir.ops.indicators.BandPosition} and
 * {@link io.qlir.ops.indicators.IndicatorOpProvider} are public; the kernels only indicators use (the fused range
 * passes, the TA-Lib-ordered recursions, ATR's fused pass) are package-private here, and the kernels core ops share
 * (rolling sums and means, the Bollinger pass, true ranges) live in qlir-core's {@code io.qlir.core.kernels}. Each
 * reads its inputs in blocks that stay in cache, writes only its output columns at full length, and states its
 * accuracy bound in its class comment. {@code IndicatorOpProvider} registers every indicator in the op catalogue
 * ({@code io.qlir.core.catalogue}) with its params, outputs and chart hints, so the op language
 * ({@code OpLanguage.parse("sma(close,20)")}), the CLI, charts and pipelines reach them as {@code Op} values.
 */
package io.qlir.ops.indicators;
