/**
 * The loader: slice files in, one clean candle table out.
 *
 * <p><b>Key mental model.</b> A slice directory may hold overlapping files, files that caught a candle while it was
 * still forming, and gaps; a {@link io.qlir.binance.load.CandleLoader} resolves all of that into a table in
 * qlir-core's candle schema where each open time appears once, sorted, with its final (closed) values, plus a
 * {@link io.qlir.binance.load.GapReport} of what is missing. It plans the exact table size from the manifest first,
 * then streams every file once into presized primitive columns: memory is the table plus one file. It reads without a
 * lock, so it can run next to a fetch or a data server. Most code reaches it through
 * {@code io.qlir.binance.Binance.load}.
 * <pre>{@code
 * LoadResult r = CandleLoader.of(dataRoot, new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 1000))
 *         .between(from, to).reindex(true).load();
 * Table candles = r.candles();
 * r.gaps().describe();
 * }</pre>
 */
package io.qlir.binance.load;
