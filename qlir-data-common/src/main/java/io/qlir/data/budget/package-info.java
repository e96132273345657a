/**
 * <b>Key mental model.</b> A {@link io.qlir.data.budget.WeightBudget} is the one gate that every request of a
 * process passes on its way to a rate-limited server: a request asks for its weight, waits until the weight fits in
 * the window, holds it while in flight, and gives it back a full window after its response arrived. A server that
 * counts weight in any window of that length then never sees more than the capacity, whatever its window phase.
 *
 * <p>The budget also listens to the server: a reported usage larger than its own count (another process on the same
 * IP) is reserved too, and a server that says "stop" (HTTP 429 or a 418 ban) pauses every caller of the budget until
 * the instant it named. Share one budget per process (per IP); time comes from an injected {@link java.time.Clock}
 * and {@link io.qlir.data.retry.Sleeper}, so tests run on a manual clock.
 * <pre>{@code
 * WeightBudget budget = WeightBudget.builder().capacity(6000).window(Duration.ofMinutes(1)).build();
 * try (WeightBudget.Lease lease = budget.acquire(2)) {   // blocks until 2 units fit
 *     Response r = http.execute(request);
 *     budget.reportServerUsage(usedWeightHeader(r));
 * }                                                      // released: expires one window later
 * }</pre>
 */
package io.qlir.data.budget;
