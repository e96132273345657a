package io.qlir.binance;

import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceKey;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One fetch-mode run of one job: open (probing first), plan the range, fetch what is due in the chosen order with
 * a few threads, close, summarize.
 */
final class FetchRun {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceFetcher.class);

    /** The range actually fetched and how many grid slices overlap it. */
    record Range(Instant from, Instant to, int slices) {
    }

    private final FetchEngine engine;
    private final StopSignal stop;
    private final FetchJob job;
    private final ProgressMeter meter;
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicReference<IOException> storeFailure = new AtomicReference<>();
    private volatile boolean interrupted;

    private FetchRun(FetchEngine engine, StopSignal stop, FetchJob job) {
        this.engine = engine;
        this.stop = stop;
        this.job = job;
        this.meter = new ProgressMeter(job);
    }

    static FetchSummary run(FetchEngine engine, StopSignal stop, FetchJob job, Long fromMs, Long toMs)
            throws IOException {
        String previous = MDC.get(BinanceDataServer.MDC_JOB);
        MDC.put(BinanceDataServer.MDC_JOB, job.name());
        FetchRun run = new FetchRun(engine, stop, job);
        try {
            FetchSummary s = run.run(fromMs, toMs);
            LOG.info("{}", s.describe());
            engine.notify(() -> engine.listener.finished(s));
            return s;
        } finally {
            if (run.interrupted) {
                Thread.currentThread().interrupt(); // handed back only after the directory is closed
            }
            if (previous == null) {
                MDC.remove(BinanceDataServer.MDC_JOB);
            } else {
                MDC.put(BinanceDataServer.MDC_JOB, previous);
            }
        }
    }

    private FetchSummary run(Long fromMs, Long toMs) throws IOException {
        FetchEngine.Opened opened;
        try (StopSignal.Worker worker = stop.enter()) {
            opened = engine.open(job, worker);
        } catch (FetchEngine.StoppedException e) {
            return meter.summary(null, null, stop.reason());
        }
        meter.call(opened.probe());
        if (opened.dir() == null) {
            return meter.summary(null, null, null);
        }
        try (SliceDirectory dir = opened.dir()) {
            long anchor = dir.gridAnchor().getAsLong();
            long now = engine.clock.millis();
            long from = fromMs == null ? anchor : Math.max(fromMs, anchor);
            long to = toMs == null ? now : Math.min(toMs, now);
            if (from > to) {
                LOG.info("{}: nothing to fetch in [{} .. {}] (first candle {}, now {})", job, instant(fromMs),
                        instant(toMs), Instant.ofEpochMilli(anchor), Instant.ofEpochMilli(now));
                return meter.summary(new Range(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), 0),
                        dir.summary(), null);
            }
            int planned = fetchRange(dir, from, to);
            String stoppedBy = refusal.get() != null ? refusal.get()
                    : interrupted ? "the calling thread was interrupted" : stop.reason();
            return meter.summary(new Range(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), planned),
                    dir.summary(), stoppedBy);
        }
    }

    /** Plans the range, fetches what is due in the chosen order; returns how many slices overlap the range. */
    private int fetchRange(SliceDirectory dir, long from, long to) throws IOException {
        List<SliceKey> planned = dir.plan(from, to);
        List<SliceEntry> due = new ArrayList<>(dir.due(from, to));
        Comparator<SliceEntry> byStart = Comparator.comparingLong(e -> e.key().startMs());
        due.sort(engine.order == FetchOrder.NEWEST_FIRST ? byStart.reversed() : byStart);
        meter.expect(due.size());
        engine.notify(() -> engine.listener.started(job, due.size()));
        LOG.info("{}: {} of {} slices due in [{} .. {}]", job, due.size(), planned.size(), Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to));
        work(dir, due);
        return planned.size();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /** Works through the due slices with up to {@code concurrency} threads (this one included). */
    private void work(SliceDirectory dir, List<SliceEntry> due) throws IOException {
        Queue<SliceEntry> queue = new ConcurrentLinkedQueue<>(due);
        SliceFetch fetch = new SliceFetch(engine, job, dir);
        int threads = Math.min(engine.concurrency, due.size());
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(() -> {
                MDC.put(BinanceDataServer.MDC_JOB, job.name());
                drain(queue, fetch);
            }, job.name() + "-" + i);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        drain(queue, fetch);
        for (Thread t : helpers) {
            join(t);
        }
        if (storeFailure.get() != null) {
            throw storeFailure.get();
        }
    }

    private void drain(Queue<SliceEntry> queue, SliceFetch fetch) {
        try (StopSignal.Worker worker = stop.enter()) {
            SliceEntry next;
            while (!stop.isStopped() && !interrupted && refusal.get() == null && storeFailure.get() == null
                    && (next = queue.poll()) != null) {
                SliceFetch.Outcome o = fetch.fetch(next, worker);
                if (o.stopped()) {
                    meter.call(o.call());
                    return;
                }
                FetchProgress p = meter.record(o);
                engine.notify(() -> engine.listener.sliceDone(p));
                engine.recorded(job, next, o);
                if (o.refusal() != null) {
                    refusal.compareAndSet(null, o.refusal());
                }
            }
        } catch (IOException e) {
            storeFailure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            storeFailure.compareAndSet(null, new IOException(job + ": fetching failed: " + e, e));
        }
    }

    /** Waits for a helper; an interrupt of this thread ends the run after the in-flight slices, not during them. */
    private void join(Thread t) {
        while (true) {
            try {
                t.join();
                return;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
