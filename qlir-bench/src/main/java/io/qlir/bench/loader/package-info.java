/**
 * <b>Key mental model.</b> The loader benchmark reads a real slice directory (5,000 files of 1,000 one-minute
 * candles, written once by {@link io.qlir.bench.loader.LoaderFixture} with the store's own writer) into one candle
 * table through the public {@code Binance.load}, in a JVM held to one gigabyte of heap, and reports time per candle
 * and the heap's peak. The Parquet benchmarks read the same candles packed into the dataset
 * ({@link io.qlir.bench.loader.ParquetFixture}); {@link io.qlir.bench.loader.RealFixtureSize} measures the dataset's
 * size on the real Binance recordings, {@link io.qlir.bench.loader.ZstdCeiling} what zstd alone costs a reader.
 */
package io.qlir.bench.loader;
