package io.qlir.binance;

import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceReason;
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

/**
 * One data-server job as a series of short steps run by the {@link JobScheduler}: open the directory (probing the
 * first candle), then each step fetches at most one due slice, newest first, and says when the next step is due.
 * The forming slice and a just-closed one are {@link JobScheduler.Urgency#REFRESH refreshes}; older due slices are
 * {@link JobScheduler.Urgency#CATCH_UP catch-up}, one slice per turn. With a cadence, opening is a step of its own
 * and, once open, the job refreshes the slice holding the forming candle at each of its booked slots (a step run
 * with {@code atSlot}; see {@link RefreshPlan}). A failure backs the job off; only a stop or an unknown symbol ends
 * it.
 */
final class FollowJob implements JobScheduler.Task {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);

    /** The follow options shared by every job of a server. */
    record Settings(Long sinceMs, Duration cadence, Duration closeDelay, Duration backoff, Duration maxBackoff,
                    Duration maxSleep) {
    }

    private final FetchEngine engine;
    private final FetchJob job;
    private final Settings settings;
    private final JobStateHolder state;
    private final ProgressMeter meter;
    private final FollowSchedule schedule;
    private SliceDirectory dir;
    private SliceFetch fetch;
    private long fromMs;
    private int jobFailures;
    private boolean openedOnly;
    private boolean refused;

    FollowJob(FetchEngine engine, FetchJob job, Settings settings, JobStateHolder state) {
        this.engine = engine;
        this.job = job;
        this.settings = settings;
        this.state = state;
        this.meter = new ProgressMeter(job);
        this.schedule = new FollowSchedule(job.interval(), engine.storeOptions.policy(), settings.closeDelay(),
                settings.backoff(), settings.maxBackoff());
    }

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public JobScheduler.Next step(StopSignal.Worker worker, boolean atSlot) {
        try {
            openedOnly = false;
            JobScheduler.Next next = fetchOne(worker, atSlot);
            if (!openedOnly) { // an open alone proves little: a job that keeps failing its first fetch backs off more
                jobFailures = 0;
            }
            return next;
        } catch (UnknownSymbolException e) {
            LOG.error("{}: {}", job, e.getMessage());
            state.failedForGood(e.getMessage());
            engine.notify(() -> engine.listener.jobFailed(job, JobFailureKind.UNKNOWN_SYMBOL, e.getMessage()));
            return null;
        } catch (FetchEngine.StoppedException e) {
            return null;
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
            long at = engine.clock.millis() + wait;
            state.phase(JobPhase.BACKING_OFF, Instant.ofEpochMilli(at));
            return new JobScheduler.Next(at, JobScheduler.Urgency.REFRESH);
        }
    }

    @Override
    public void end() {
        closeDirectory();
        state.phase(JobPhase.STOPPED, null);
        LOG.info("{}: stopped", job);
    }

    /**
     * Opens when needed (a step of its own when refreshes are booked, so each step makes one request), then fetches
     * one slice: at a booked slot the one holding the forming candle, otherwise the newest due; returns when the next
     * step is due.
     */
    private JobScheduler.Next fetchOne(StopSignal.Worker worker, boolean atSlot) throws IOException {
        boolean slotted = settings.cadence() != null;
        if (dir == null) {
            boolean opened = open(worker);
            long now = engine.clock.millis();
            if (!opened) {
                return sleepUntil(now, Math.min(schedule.nextClose(now), now + settings.maxSleep().toMillis()));
            }
            if (slotted) {
                openedOnly = true;
                return new JobScheduler.Next(now, JobScheduler.Urgency.REFRESH, false);
            }
        }
        long now = engine.clock.millis();
        dir.plan(fromMs, Math.max(fromMs, now));
        List<SliceEntry> due = dueNow(now);
        SliceEntry next = atSlot ? forming(now).orElse(due.isEmpty() ? null : due.get(0))
                : due.isEmpty() ? null : due.get(0);
        if (next == null) {
            return sleepUntil(now, nextWake(now));
        }
        state.phase(JobPhase.FETCHING, null);
        meter.expectMore(Math.max(1, due.size()));
        SliceFetch.Outcome o = fetch.fetch(next, worker);
        if (o.stopped()) {
            return null;
        }
        schedule.attempted(o, engine.clock.millis());
        state.attempted(o);
        FetchProgress p = meter.record(o);
        engine.notify(() -> engine.listener.sliceDone(p));
        engine.recorded(job, next, o);
        if (o.refusal() != null) {
            refused = true;
            throw new FetchException(job + ": Binance refused a kline request: " + o.refusal(), null);
        }
        now = engine.clock.millis();
        due = dueNow(now);
        if (due.isEmpty()) {
            return sleepUntil(now, nextWake(now));
        }
        return new JobScheduler.Next(now, urgency(due.get(0), now), slotted);
    }

    /** The slice holding the forming candle (stored partly or not yet), when the directory has planned it. */
    private Optional<SliceEntry> forming(long now) {
        long newest = job.interval().floor(now);
        return dir.entries().stream().filter(e -> e.key().startMs() <= newest && newest <= e.key().lastOpenMs())
                .findFirst();
    }

    /** A refresh for the slice holding the forming candle or the one that just closed; catch-up for older ones. */
    private JobScheduler.Urgency urgency(SliceEntry e, long now) {
        long newest = job.interval().floor(now);
        boolean current = e.key().lastOpenMs() >= job.interval().plus(newest, -1)
                || e.reason() == SliceReason.STILL_FORMING;
        return current ? JobScheduler.Urgency.REFRESH : JobScheduler.Urgency.CATCH_UP;
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

    private JobScheduler.Next sleepUntil(long now, long wake) {
        long at = Math.max(now + 1, wake);
        state.phase(JobPhase.SLEEPING, Instant.ofEpochMilli(at));
        LOG.debug("{}: nothing due; next step at {}", job, Instant.ofEpochMilli(at));
        return new JobScheduler.Next(at, JobScheduler.Urgency.REFRESH, settings.cadence() != null && dir != null);
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
