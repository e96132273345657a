/**
 * <b>Key mental model.</b> qlir ops run on Spark unchanged: each series ({@code symbol}, {@code interval}, and
 * {@code endpoint} when present), or each chunk of one, becomes a qlir candle table on an executor, the ops apply
 * there, and the rows come back with the new columns, named and valued exactly as on one machine. The ops' row
 * semantics decide the split before any data is read ({@link io.qlir.spark.DerivePlan}): when every op reads a
 * bounded past window, a series is cut into chunks that each carry a halo of the rows before them (the largest
 * lookback, read from the specs); when one op reads all earlier rows ({@code [.. i]}), each series runs whole.
 * <pre>{@code
 * Dataset<Row> derived = QlirSpark.derive(spark.read().parquet("parquet/binance"), "sma(close,14); rsi(close,14)");
 * }</pre>
 * Over qlir's own dataset, where every series is a folder of sorted month files, {@link
 * io.qlir.spark.QlirSpark#deriveDataset} (the data source {@link io.qlir.spark.QlirDeriveSource}) needs no shuffle
 * and no sort: one task per series folder reads its months in order as Spark column batches into a qlir table and
 * hands the derived columns back as column batches over qlir's arrays (whole, or streamed in chunks with their halo
 * when every op is bounded). {@link io.qlir.spark.DeriveJob} is the same for {@code spark-submit} over qlir's Parquet
 * dataset. Spark is a
 * provided dependency: a cluster, or the {@code qlir-spark/derive} launcher, supplies it.
 */
package io.qlir.spark;
