/**
 * <b>Key mental model.</b> A retry is a decision plus a wait: {@link io.qlir.data.retry.RetryPolicy} is an
 * immutable value that says how many attempts a call gets and how long to wait before each retry (capped
 * exponential backoff, shortened by a random jitter so that many clients that failed together do not retry
 * together); a {@link io.qlir.data.retry.Sleeper} performs the wait. Neither knows what is being retried: the
 * caller decides which failures are worth another attempt.
 *
 * <p>Time is injected everywhere so that tests run instantly and deterministically: pass a fake sleeper that
 * advances a manual clock, and a seeded random generator for the jitter.
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(200)).build();
 * for (int attempt = 1; ; attempt++) {
 *     try { return call(); }
 *     catch (IOException e) {
 *         if (!policy.allowsRetryAfter(attempt)) throw e;
 *         sleeper.sleep(policy.delayBeforeRetry(attempt, random));
 *     }
 * }
 * }</pre>
 */
package io.qlir.data.retry;
