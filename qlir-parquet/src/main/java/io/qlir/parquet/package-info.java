/**
 * The Parquet dataset of a qlir store: complete slices packed into one file per series-month, in Hive-style
 * partition folders that DuckDB, Polars, Spark and Trino read directly.
 *
 * <p><b>Key mental model.</b> The slice files stay the truth; the dataset is derived from them and can always be
 * rebuilt. Each month file records its lineage (the slices and data checksums it was made from), so the
 * {@link io.qlir.parquet.DatasetAggregator} knows from the files alone which months are current and rewrites only
 * the others; a month is <i>sealed</i> once every slice it covers is complete, and is not rewritten again unless
 * its slices change. The loader ({@code Binance.load}) takes sealed months from here through the
 * {@code StoredMonths} service when their lineage proves them equal to the slice files, so its answers are the
 * same with or without the dataset, only faster. Layout and column contract: {@code docs/data-layout.md}.
 * <pre>{@code
 * DatasetAggregator.of(dataRoot).aggregate(series);              // qlir agg
 * Table jan = ParquetDataset.readMonth(ParquetLayout.monthFile(dataRoot, series, YearMonth.of(2024, 1)));
 * }</pre>
 */
package io.qlir.parquet;
