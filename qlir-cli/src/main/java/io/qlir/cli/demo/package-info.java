/**
 * <b>Key mental model.</b> {@code qlir demo} runs the real pipeline (client, slice store, manifest, validator,
 * loader, indicators) against a {@link io.qlir.cli.demo.ReplayServer}: a loopback HTTP server that answers like
 * Binance from a bundled {@link io.qlir.cli.demo.Recording} of real klines, with a fixed clock set inside the last
 * recorded candle, so the demo needs no network and shows that candle as still forming.
 */
package io.qlir.cli.demo;
