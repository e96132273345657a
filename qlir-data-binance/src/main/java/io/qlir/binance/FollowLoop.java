package io.qlir.binance;

import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.retry.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One data-server job on its own thread: catch up, then keep the newest slice's tail fresh; sleep while nothing is
 * due; back off and try again when something fails; end only on a stop request or an unknown symbol.
 */
final class FollowLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);
    /** Slices per round: after this many, the due list is recomputed, so a close is never stuck behind backfill. */
    private static final int ROUND = 16;

    /** The follow options shared by every job of a server. */
    record Settings(Long sinceMs, Duration cadence, Duration closeDelay, Duration backoff, Duration maxBackoff,
                    Duration maxSleep, Sleeper sleeper) {
    }

    private final FetchEngine engine;
    private final FetchJob job;
    private final Settings settings;
    private final StopSignal stop;
    private final JobStateHolder state;
    private final ProgressMeter meter;
    private final FollowSchedule schedule;
    private SliceDirectory dir;
    private SliceFetch fetch;
    private long fromMs;
    private int jobFailures;
    private boolean refused;

    FollowLoop(FetchEngine engine, FetchJob job, Settings settings, StopSignal stop, JobStateHolder state) {
        this.engine = engine;
        this.job = job;
        this.settings = settings;
        this.stop = stop;
        this.state = state;
        this.meter = new ProgressMeter(job);
        this.schedule = new FollowSchedule(job.interval(), engine.storeOptions.policy(), settings.cadence(),
                settings.closeDelay(), settings.backoff(), settings.maxBackoff());
    }

    @Override
    public void run() {
        MDC.put(BinanceDataServer.MDC_JOB, job.name());
        try (StopSignal.Worker worker = stop.enter()) {
            loop(worker);
        } finally {
            closeDirectory();
            state.phase(JobPhase.STOPPED, null);
            LOG.info("{}: stopped", job);
            MDC.remove(BinanceDataServer.MDC_JOB);
        }
    }

    private void loop(StopSignal.Worker worker) {
        while (!stop.isStopped()) {
            try {
                step(worker);
                jobFailures = 0;
            } catch (UnknownSymbolException e) {
                LOG.error("{}: {}", job, e.getMessage());
                state.failedForGood(e.getMessage());
                engine.notify(() -> engine.listener.jobFailed(job, JobFailureKind.UNKNOWN_SYMBOL, e.getMessage()));
                return;
            } catch (FetchEngine.StoppedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                jobFailures++;
                closeDirectory();
                long wait = schedule.delay(jobFailures);
                String message = e.getMessage() != null ? e.getMessage() : e.toString();
                LOG.warn("{}: {}; trying again in {} s", job, message, wait / 1000);
                state.error(message);
                JobFailureKind kind = e instanceof IOException || e instanceof FetchException ? JobFailureKind.STORE
                        : JobFailureKind.OTHER;
                engine.notify(() -> engine.listener.jobFailed(job, refused ? JobFailureKind.REFUSED : kind, message));
                refused = false;
                state.phase(JobPhase.BACKING_OFF, Instant.ofEpochMilli(engine.clock.millis() + wait));
                worker.sleep(settings.sleeper(), Duration.ofMillis(wait));
            }
        }
    }

    private void step(StopSignal.Worker worker) throws IOException {
        if (dir == null && !open(worker)) {
            long now = engine.clock.millis();
            sleepUntil(worker, now, Math.min(schedule.nextClose(now), now + settings.maxSleep().toMillis()));
            return;
        }
        long now = engine.clock.millis();
        dir.plan(fromMs, Math.max(fromMs, now));
        List<SliceEntry> due = dueNow(now);
        if (due.isEmpty()) {
            sleepUntil(worker, now, nextWake(now));
            return;
        }
        state.phase(JobPhase.FETCHING, null);
        meter.expectMore(due.size());
        for (int i = 0; i < Math.min(ROUND, due.size()) && !stop.isStopped(); i++) {
            SliceFetch.Outcome o = fetch.fetch(due.get(i), worker);
            if (o.stopped()) {
                return;
            }
            schedule.attempted(o, engine.clock.millis());
            state.attempted(o);
            FetchProgress p = meter.record(o);
            engine.notify(() -> engine.listener.sliceDone(p));
            engine.recorded(job, due.get(i), o);
            if (o.refusal() != null) {
                refused = true;
                throw new FetchException(job + ": Binance refused a kline request: " + o.refusal(), null);
            }
        }
    }

    private boolean open(StopSignal.Worker worker) throws IOException {
        state.phase(JobPhase.STARTING, null);
        FetchEngine.Opened opened = engine.open(job, worker);
        meter.call(opened.probe());
        if (opened.dir() == null) {
            state.phase(JobPhase.SLEEPING, null);
            return false;
        }
        dir = opened.dir();
        OptionalLong newest = dir.entries().stream().filter(e -> e.hasFile() && e.rows().count() > 0)
                .mapToLong(e -> e.rows().lastOpenMs()).max();
        engine.notify(() -> engine.listener.storeOpened(job, newest));
        fetch = new SliceFetch(engine, job, dir);
        long anchor = dir.gridAnchor().getAsLong();
        fromMs = settings.sinceMs() == null ? anchor : Math.max(settings.sinceMs(), anchor);
        LOG.info("{}: following from {}", job, Instant.ofEpochMilli(fromMs));
        return true;
    }

    /** The slices due now, newest first (the forming tail before any backfill). */
    private List<SliceEntry> dueNow(long now) {
        List<SliceEntry> due = new ArrayList<>();
        for (SliceEntry e : dir.entries()) {
            if (e.key().endMs() < fromMs) {
                continue;
            }
            Optional<Long> at = schedule.dueAt(e);
            if (at.isPresent() && at.get() <= now) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparingLong((SliceEntry e) -> e.key().startMs()).reversed());
        return due;
    }

    /** The earliest time something becomes due, at most the next close and at most {@code maxSleep} away. */
    private long nextWake(long now) {
        long wake = Math.min(schedule.nextClose(now), now + settings.maxSleep().toMillis());
        for (SliceEntry e : dir.entries()) {
            if (e.key().endMs() >= fromMs) {
                Optional<Long> at = schedule.dueAt(e);
                if (at.isPresent() && at.get() > now && at.get() < wake) {
                    wake = at.get();
                }
            }
        }
        return wake;
    }

    private void sleepUntil(StopSignal.Worker worker, long now, long wake) {
        long ms = Math.max(1, wake - now);
        state.phase(JobPhase.SLEEPING, Instant.ofEpochMilli(now + ms));
        LOG.debug("{}: nothing due; sleeping {} ms", job, ms);
        worker.sleep(settings.sleeper(), Duration.ofMillis(ms));
    }

    private void closeDirectory() {
        if (dir == null) {
            return;
        }
        try {
            dir.close();
        } catch (IOException e) {
            LOG.warn("{}: closing {} failed ({}); the next open reconciles it", job, dir.path(), e.toString());
        }
        dir = null;
        fetch = null;
    }
}
