/**
 * <b>Key mental model.</b> Pacing is measured, not timed: jobs share one {@code BinanceClient} against the local
 * {@code FakeBinance} whose weight window is scaled down (seconds, not a minute), and the result is how much of each
 * full window's weight budget was used and how many 429s the fake sent. These run as JMH single-shot benchmarks
 * whose numbers are auxiliary counters; the time score itself is just the harness's fixed duration.
 * {@link io.qlir.bench.fetch.ServeScaleFake} is no benchmark: a fake Binance with 2,000 symbols to measure
 * {@code qlir serve --all} against by hand.
 */
package io.qlir.bench.fetch;
