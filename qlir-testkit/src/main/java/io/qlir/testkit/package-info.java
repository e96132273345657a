/**
 * <b>Key mental model.</b> {@link io.qlir.testkit.FakeBinance} is Binance on localhost: a real HTTP server (so the
 * client under test runs its whole stack: OkHttp, timeouts, JSON parsing, retries) whose answers are a pure
 * function of the request, a seed and two clocks. Candles are synthetic but behave like Binance's (listing time,
 * forming candle, startTime/endTime/limit rules, error codes), the weight limit is enforced the way Binance enforces
 * it (429, then 418), and faults are injected on demand, by a seeded {@link io.qlir.testkit.FaultPlan} or a script.
 *
 * <p>It is deliberately independent of the production client (it depends on qlir-core only), so that a test of the
 * client against it checks the client against a second, separately written model of Binance, and so that
 * qlir-data-binance's own tests can use it without a dependency cycle. {@link io.qlir.testkit.ManualTime} lets a
 * test share one manual clock between the fake's rate limit and the client's waits. Binance's request rules
 * (checks, error codes, row selection) are not written here but in {@code io.qlir.emulator} (module qlir-emulator),
 * which the CLI demo's replay server shares.
 *
 * <p>The testkit also owns what every module's tests share: the real Binance recordings ({@link
 * io.qlir.testkit.BinanceRecordings}, one copy in this module's resources), the bounded wait ({@link
 * io.qlir.testkit.Await}) and the generator's candles as Binance rows without a server ({@link
 * io.qlir.testkit.SyntheticKlines}).
 * <pre>{@code
 * try (FakeBinance fake = FakeBinance.builder().weightLimit(100, Duration.ofSeconds(2)).start()) {
 *     BinanceClient client = BinanceClient.builder().baseUrl(fake.baseUrl())
 *             .weightLimit(100, Duration.ofSeconds(2)).build();
 *     ...
 *     assertThat(fake.tooManyRequestsCount()).isZero();
 * }
 * }</pre>
 */
package io.qlir.testkit;
