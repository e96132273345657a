/**
 * <b>Key mental model.</b> The end-to-end benchmark of issue 15: the research run "read a year of one-minute candles
 * of twenty symbols from the Parquet dataset and add rolling features", done once by qlir (per-series tables on a
 * pool of all cores) and once by DuckDB (one SQL statement with window functions over the same files, its default
 * threads), in the same JMH run. {@link io.qlir.bench.endtoend.EndToEndWork} holds the work of both sides so the
 * agreement test checks exactly what the benchmark times; {@link io.qlir.bench.endtoend.EndToEndFixture} builds the
 * dataset once with qlir's own aggregator.
 */
package io.qlir.bench.endtoend;
