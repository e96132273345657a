/**
 * <b>Key mental model.</b> {@code qlir demo} runs the real pipeline (client, slice store, manifest, validator,
 * loader, indicators) against a {@link io.qlir.cli.demo.ReplayServer}: a loopback HTTP server that answers like
 * Binance from a bundled recording of real klines ({@link io.qlir.cli.demo.ReplayServer#demoRecording}), with a fixed
 * clock set inside the last recorded candle, so the demo needs no network and shows that candle as still forming.
 * Binance's request rules (checks, error codes, row selection) are not here but in {@code io.qlir.emulator}, shared
 * with the testkit's fake Binance; this package adds only the JDK HTTP server around them.
 */
package io.qlir.cli.demo;
