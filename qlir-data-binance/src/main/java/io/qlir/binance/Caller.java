package io.qlir.binance;

import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.RetryPolicy;
import io.qlir.data.retry.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call, all its attempts: takes weight from the budget, sends, classifies the answer, and retries, waits or
 * gives up. Everything the client knows about HTTP status codes and Binance's rate-limit headers lives here.
 */
final class Caller {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceClient.class);
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    /** Reads a 200 response into a value; malformed bodies throw {@link MalformedResponseException}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Response response) throws IOException, MalformedResponseException;
    }

    private enum Verdict { OK, REFUSED, RATE_LIMITED, RETRY, INTERRUPTED }

    /** The verdict on one attempt and what goes with it. */
    private record Attempt<T>(Verdict verdict, T value, int status, int code, String reason, Duration pause,
            FailureKind kind, Throwable cause) {
        static <T> Attempt<T> ok(T value) {
            return new Attempt<>(Verdict.OK, value, 200, 0, "", Duration.ZERO, null, null);
        }

        static <T> Attempt<T> retry(FailureKind kind, String reason, Throwable cause) {
            return new Attempt<>(Verdict.RETRY, null, 0, 0, reason, Duration.ZERO, kind, cause);
        }
    }

    static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder http429 = new LongAdder();
        final LongAdder http418 = new LongAdder();
        final LongAdder binanceErrors = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder weight = new LongAdder();

        ClientStats snapshot() {
            return new ClientStats(requests.sum(), retries.sum(), http429.sum(), http418.sum(), binanceErrors.sum(),
                    failures.sum(), weight.sum());
        }
    }

    private final OkHttpClient http;
    private final String userAgent;
    private final WeightBudget budget;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;
    private final RateLimitWaits waits;
    private final AnnouncedLimits limits;
    private volatile Runnable rereadLimits = () -> { };
    private final Counters counters = new Counters();
    private final Map<Thread, Call> inFlight = new ConcurrentHashMap<>();
    private final RequestListener listener;

    Caller(OkHttpClient http, String userAgent, WeightBudget budget, RetryPolicy policy, Sleeper sleeper,
            RandomGenerator random, Clock clock, RateLimitWaits waits, AnnouncedLimits limits) {
        this(http, userAgent, budget, policy, sleeper, random, clock, waits, limits, RequestListener.NONE);
    }

    Caller(OkHttpClient http, String userAgent, WeightBudget budget, RetryPolicy policy, Sleeper sleeper,
            RandomGenerator random, Clock clock, RateLimitWaits waits, AnnouncedLimits limits,
            RequestListener listener) {
        this.http = http;
        this.userAgent = userAgent;
        this.budget = budget;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.waits = waits;
        this.limits = limits;
        this.listener = listener;
    }

    /**
     * How much rate limiting a call sits out: at most {@code count} 429/418 answers, each asking for at most
     * {@code longest}.
     */
    record RateLimitWaits(int count, Duration longest) {
    }

    Counters counters() {
        return counters;
    }

    /**
     * Cancels the HTTP exchange a thread is waiting on, if any: a blocking socket read does not notice an
     * interrupt, so a stop request interrupts the thread and cancels its call. The call then ends as
     * {@link FailureKind#INTERRUPTED} when the thread is interrupted, and is retried otherwise.
     */
    void cancel(Thread thread) {
        Call call = inFlight.get(thread);
        if (call != null) {
            call.cancel();
        }
    }

    /** What reads the announced limits again after a 429 (the client's exchangeInfo call). */
    void onLimitsStale(Runnable reread) {
        this.rereadLimits = reread;
    }

    <T> BinanceResult<T> call(String request, HttpUrl url, int weight, Reader<T> reader) {
        return call(request, url, weight, reader, policy);
    }

    <T> BinanceResult<T> call(String request, HttpUrl url, int weight, Reader<T> reader, RetryPolicy policy) {
        Tally tally = new Tally(System.nanoTime());
        int faults = 0;
        while (true) {
            String tooLong = pauseBeyondCap();
            if (tooLong != null) {
                return failed(request, FailureKind.RATE_LIMITED, tooLong, null, tally);
            }
            if (limits.takeStale()) {
                rereadLimits.run(); // after a 429: the announced limits may have changed
            }
            WeightBudget.Lease lease;
            List<WeightBudget.Lease> announced;
            try {
                lease = budget.acquire(weight);
                try {
                    announced = limits.acquire(weight);
                } catch (InterruptedException | RuntimeException e) {
                    lease.close();
                    throw e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(request, FailureKind.INTERRUPTED, "interrupted while waiting for request weight", e,
                        tally);
            }
            tally.requests++;
            counters.requests.increment();
            counters.weight.add(weight);
            Attempt<T> a;
            try (lease) {
                a = attempt(url, reader);
            } finally {
                announced.forEach(WeightBudget.Lease::close);
            }
            heard(url, a, weight);
            switch (a.verdict()) {
                case OK:
                    return new BinanceResult.Ok<>(a.value(), request, tally.info());
                case REFUSED:
                    counters.binanceErrors.increment();
                    BinanceResult.BinanceError<T> refused = new BinanceResult.BinanceError<>(a.status(), a.code(),
                            a.reason(), request, tally.info());
                    LOG.warn("{}", refused.describe());
                    return refused;
                case RATE_LIMITED:
                    if (!rateLimited(request, a, tally)) {
                        return failed(request, FailureKind.RATE_LIMITED, "HTTP " + a.status() + " after "
                                + waits.count() + " rate-limit waits", null, tally);
                    }
                    continue; // acquire() now waits for the pause to end (or fails above the cap)
                case INTERRUPTED:
                    return failed(request, FailureKind.INTERRUPTED, a.reason(), a.cause(), tally);
                default:
                    break;
            }
            faults++;
            if (!policy.allowsRetryAfter(faults)) {
                return failed(request, a.kind(), a.reason(), a.cause(), tally);
            }
            Duration delay;
            synchronized (random) {
                delay = policy.delayBeforeRetry(faults, random);
            }
            LOG.info("{}: {}; retry {} of {} in {} ms", request, a.reason(), faults, policy.maxAttempts() - 1,
                    delay.toMillis());
            tally.retries++;
            counters.retries.increment();
            tell(() -> listener.retried(endpoint(url)));
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(request, FailureKind.INTERRUPTED, "interrupted during backoff after: " + a.reason(), e,
                        tally);
            }
        }
    }

    /** Tells the listener how one request ended. */
    private void heard(HttpUrl url, Attempt<?> a, int weight) {
        RequestOutcome outcome = switch (a.verdict()) {
            case OK -> RequestOutcome.OK;
            case REFUSED -> RequestOutcome.BINANCE_ERROR;
            case RATE_LIMITED -> RequestOutcome.RATE_LIMITED;
            case RETRY, INTERRUPTED -> RequestOutcome.FAILED;
        };
        tell(() -> listener.requested(endpoint(url), outcome, a.status(), weight));
    }

    /** The last path segment: {@code klines}, {@code uiKlines}, {@code exchangeInfo}, {@code time}. */
    private static String endpoint(HttpUrl url) {
        List<String> segments = url.pathSegments();
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("request listener failed (ignored): {}", e.toString());
        }
    }

    /** Pauses the shared budget; false when the call has waited too often. */
    private boolean rateLimited(String request, Attempt<?> a, Tally tally) {
        boolean ban = a.status() == 418;
        if (ban) {
            tally.http418++;
            counters.http418.increment();
        } else {
            tally.http429++;
            counters.http429.increment();
        }
        Instant until = clock.instant().plus(a.pause());
        String why = "HTTP " + a.status() + " on " + request + ", Retry-After " + a.pause().toSeconds() + " s";
        budget.pauseUntil(until, why);
        limits.markStale();
        if (ban) {
            LOG.error("{}: IP banned by Binance ({}); every request of this process pauses until {}", request,
                    a.reason(), until);
        } else {
            LOG.warn("{}: too many requests ({}); every request of this process pauses until {}", request, a.reason(),
                    until);
        }
        return tally.http429 + tally.http418 <= waits.count();
    }

    /**
     * Why no request may go now, when the budget is paused longer than the cap: a ban of hours or days is not
     * waited out (the process would look hung); every call fails clearly until the pause is over. Null otherwise.
     */
    private String pauseBeyondCap() {
        Optional<Instant> until = budget.pausedUntil();
        if (until.isEmpty()) {
            return null;
        }
        Duration left = Duration.between(clock.instant(), until.get());
        if (left.compareTo(waits.longest()) <= 0) {
            return null;
        }
        return "Binance asks this IP to wait until " + until.get() + " (" + budget.snapshot().pauseReason()
                + "), longer than the " + waits.longest().toMinutes() + " min this client waits out; not sending. "
                + "Try again after " + until.get() + " (the cap is BinanceClient.Builder.maxRetryAfter)";
    }

    private <T> BinanceResult<T> failed(String request, FailureKind kind, String reason, Throwable cause,
            Tally tally) {
        counters.failures.increment();
        BinanceResult.Failed<T> f = new BinanceResult.Failed<>(kind, reason, request, cause, tally.info());
        if (kind == FailureKind.INTERRUPTED) {
            LOG.info("{}", f.describe());
        } else {
            LOG.warn("{}", f.describe());
        }
        return f;
    }

    private <T> Attempt<T> attempt(HttpUrl url, Reader<T> reader) {
        Request req = new Request.Builder().url(url).header("User-Agent", userAgent).get().build();
        Call call = http.newCall(req);
        Thread self = Thread.currentThread();
        inFlight.put(self, call);
        if (self.isInterrupted()) {
            call.cancel(); // a stop that came before the call was registered
        }
        try (Response r = call.execute()) {
            reportUsage(r);
            int status = r.code();
            if (status == 429 || status == 418) {
                Duration fallback = status == 418 ? Duration.ofMinutes(2) : budget.window();
                Duration wait = RetryAfter.atLeastFloor(r.header("Retry-After"), clock.instant(), fallback);
                JsonBodies.ErrorBody e = JsonBodies.error(bodyBytes(r));
                return new Attempt<>(Verdict.RATE_LIMITED, null, status, e.code(), e.msg(), wait, null, null);
            }
            if (status >= 500) {
                return Attempt.retry(FailureKind.SERVER_ERROR, ("HTTP " + status + " " + snippet(r)).strip(), null);
            }
            if (status >= 400) {
                JsonBodies.ErrorBody e = JsonBodies.error(bodyBytes(r));
                return new Attempt<>(Verdict.REFUSED, null, status, e.code(), e.msg(), Duration.ZERO, null, null);
            }
            if (status != 200) {
                return Attempt.retry(FailureKind.INVALID_RESPONSE, "unexpected HTTP " + status, null);
            }
            return Attempt.ok(reader.read(r));
        } catch (MalformedResponseException e) {
            return Attempt.retry(FailureKind.INVALID_RESPONSE, e.getMessage(), e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new Attempt<>(Verdict.INTERRUPTED, null, 0, 0, "interrupted during the request",
                        Duration.ZERO, FailureKind.INTERRUPTED, e);
            }
            return Attempt.retry(FailureKind.NETWORK, "timeout (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (self.isInterrupted()) {
                return new Attempt<>(Verdict.INTERRUPTED, null, 0, 0, "interrupted during the request",
                        Duration.ZERO, FailureKind.INTERRUPTED, e);
            }
            return Attempt.retry(FailureKind.NETWORK, e.getClass().getSimpleName() + " (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // a broken exchange can surface as anything (OkHttp: IllegalArgumentException "byteCount < 0" for a
            // body longer than its Content-Length); it is one failed attempt, retried like any other fault
            return Attempt.retry(FailureKind.INVALID_RESPONSE, "the response could not be read: " + e, e);
        } finally {
            inFlight.remove(self, call);
        }
    }

    private void reportUsage(Response r) {
        limits.reportUsage(r);
        String used = r.header(USED_WEIGHT_HEADER);
        if (used != null) {
            try {
                budget.reportServerUsage(Integer.parseInt(used.strip()));
            } catch (NumberFormatException e) {
                LOG.debug("ignoring unreadable {} header '{}'", USED_WEIGHT_HEADER, used);
            }
        }
    }

    private static byte[] bodyBytes(Response r) {
        ResponseBody body = r.body();
        try {
            return body.bytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String snippet(Response r) {
        byte[] b = bodyBytes(r);
        if (b.length == 0) {
            return "";
        }
        JsonBodies.ErrorBody e = JsonBodies.error(b);
        return "(" + (e.code() != 0 ? e.code() + " " : "") + e.msg() + ")";
    }

    /** Mutable counts of one call. */
    private static final class Tally {
        final long startNanos;
        int requests;
        int retries;
        int http429;
        int http418;

        Tally(long startNanos) {
            this.startNanos = startNanos;
        }

        CallInfo info() {
            return new CallInfo(requests, retries, http429, http418, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
