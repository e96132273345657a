package io.qlir.cli;

import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.FetchProgress;
import io.qlir.binance.FetchSummary;
import io.qlir.cli.logging.Logging;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "After a series' writes, do X off-thread": one worker thread of its own runs a {@link Step} for a series each time
 * it is {@linkplain #request requested}, so the writer (a fetching job, an aggregation) never waits for it. Requests
 * that arrive while the series' step is queued are folded into it: a backfill of a thousand slices costs a few
 * steps, not a thousand. A request that arrives while the step runs queues one more (the step may have read before
 * the write). A failing step is logged and counted; the next request tries again. {@link #then} chains a second
 * worker that is requested each time a step of this one ends, so {@code serve --agg --push} pushes a series'
 * Parquet months after they are written. As a {@link FetchListener} it requests the step after each slice a job
 * wrote and when a job's run ends, which is how {@code serve} hooks it to its jobs.
 * <pre>{@code
 * AfterSeriesWrites push = new AfterSeriesWrites("push", job -> pusher.push(job));
 * AfterSeriesWrites agg = new AfterSeriesWrites("agg", job -> aggregator.aggregate(job.series())).then(push);
 * agg.request(job);                // returns at once
 * agg.close(Duration.ofSeconds(30)); // finishes what is queued within the bound, then push's
 * }</pre>
 */
final class AfterSeriesWrites implements FetchListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AfterSeriesWrites.class);

    /** What to do for a series; runs on the worker's thread with the job's MDC set. */
    @FunctionalInterface
    interface Step {

        /** Does the work for one series; an exception is logged and counted, and the next request tries again. */
        void run(FetchJob job) throws Exception;
    }

    private final String what;
    private final Step step;
    private final ExecutorService worker;
    private final Map<FetchJob, AtomicBoolean> queued = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile AfterSeriesWrites next;

    /**
     * @param what what the step does, for the thread name ({@code qlir-<what>}) and log lines
     * @param step the step
     */
    AfterSeriesWrites(String what, Step step) {
        this.what = what;
        this.step = step;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qlir-" + what);
            t.setDaemon(true); // a step still running when the stop bound passed is abandoned with the JVM
            return t;
        });
    }

    /** Requests {@code after} for a series each time a step of this worker ends for it; returns this. */
    AfterSeriesWrites then(AfterSeriesWrites after) {
        this.next = after;
        return this;
    }

    @Override
    public void sliceDone(FetchProgress progress) {
        request(progress.job());
    }

    @Override
    public void finished(FetchSummary summary) {
        request(summary.job());
    }

    /** Queues the step for the job's series unless it is already queued; never blocks. */
    void request(FetchJob job) {
        AtomicBoolean pending = queued.computeIfAbsent(job, j -> new AtomicBoolean());
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> runStep(job, pending));
        } catch (RejectedExecutionException stopping) {
            pending.set(false); // closed: the writes after the stop are picked up by the next start
        }
    }

    private void runStep(FetchJob job, AtomicBoolean pending) {
        pending.set(false);
        try {
            Logging.inJob(Logging.jobName(FetchJob.VENUE, job.endpoint().wireCode(), job.symbol(), job.interval()),
                    () -> {
                        step.run(job);
                        return null;
                    });
            runs.incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
            LOG.warn("{}: {} failed (the next write tries again): {}", job, what, e.getMessage());
        }
        AfterSeriesWrites after = next;
        if (after != null) {
            after.request(job);
        }
    }

    /** Steps that ended normally so far. */
    long runs() {
        return runs.get();
    }

    /** Steps that failed so far. */
    long failures() {
        return failures.get();
    }

    /**
     * Stops taking requests and lets what is queued finish within {@code bound}; a step still running then is
     * interrupted and abandoned (its thread is a daemon). Then closes the chained worker in what is left of the bound.
     *
     * @return true when everything queued here and downstream finished in time
     */
    boolean close(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        worker.shutdown();
        boolean done = worker.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS);
        if (!done) {
            LOG.warn("{}: still running after {}; abandoned (the next start picks it up)", what, bound);
            worker.shutdownNow();
        }
        AfterSeriesWrites after = next;
        if (after != null) {
            done &= after.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return done;
    }

    /** {@link #close(Duration)} with {@link StopOnShutdown#GRACE}. */
    @Override
    public void close() throws InterruptedException {
        close(StopOnShutdown.GRACE);
    }
}
