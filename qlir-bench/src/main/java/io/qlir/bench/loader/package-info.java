/**
 * <b>Key mental model.</b> The loader benchmark reads a real slice directory (5,000 files of 1,000 one-minute
 * candles, written once by {@link io.qlir.bench.loader.LoaderFixture} with the store's own writer) into one candle
 * table through the public {@code Binance.load}, in a JVM held to one gigabyte of heap, and reports time per candle
 * and the heap's peak.
 */
package io.qlir.bench.loader;
