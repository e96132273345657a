package io.qlir.binance;

import io.qlir.data.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the steps of many jobs on a small fixed pool of threads: whatever the number of jobs, the server has this
 * many threads.
 *
 * <p><b>Order.</b> Every job is either running one step or queued with the time its next step is due (a job never
 * runs on two threads at once). A free worker takes, among the steps due now, a {@linkplain Urgency#REFRESH refresh}
 * (a forming candle, a close, an open, a retry) before any {@linkplain Urgency#CATCH_UP catch-up} step, and within
 * each kind the one due longest ago: earliest due first. A catch-up step fetches one slice and queues the job again
 * at the back, so a deep backfill is cut into steps that take turns with every other job's work, and a refresh
 * waits at most for the steps already running (each one request) and for its turn in the shared weight budget.
 *
 * <p><b>With a refresh plan</b> (a cadence; see {@link RefreshPlan}), each job with a forming candle also waits for its
 * booked slot, and a slot that is due goes first and without asking for weight: the plan booked it. Every other
 * step (refreshes as above, then catch-up) goes only when the plan admits it, which keeps the booked weight free; a
 * job waits in both ways at once, and whichever lets it go first wins ({@link PlannedQueues}). On a sleeper other
 * than the system one (a test's manual clock) time passes only while no step runs, so every request arrives at the
 * instant its step was let go.
 *
 * <p><b>Waiting.</b> When nothing is due, one worker (the leader) waits until the earliest due time; the others
 * wait until there is work. With the system sleeper the leader waits on a condition that an earlier step or a stop
 * wakes; with another {@link Sleeper} (a test's manual clock) it sleeps through that sleeper.
 *
 * <p><b>Stop.</b> After the {@link StopSignal} is set and {@link #wakeAll()} called, no step starts: the workers
 * end every queued job and, as running steps return, those jobs too (see {@link Task#end()}); then they exit. The
 * workers also exit when every job has ended by itself.
 */
final class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);

    /** What kind of step is due: refreshes go before catch-up. */
    enum Urgency {
        /** Keeps a series current: the forming candle, a close, opening the directory, a retry after a failure. */
        REFRESH,
        /** Fills history behind the newest slice, one slice per step. */
        CATCH_UP
    }

    /**
     * When a job's next step is due.
     *
     * @param atMs the due time, epoch millis by the store's clock
     * @param urgency its kind
     * @param slots whether the job has a forming candle to refresh at its booked slots (with a {@link RefreshPlan})
     */
    record Next(long atMs, Urgency urgency, boolean slots) {
        /** A step due at a time, with no forming candle to refresh at the job's slots. */
        Next(long atMs, Urgency urgency) {
            this(atMs, urgency, false);
        }
    }

    /** One job as the scheduler sees it. */
    interface Task {
        /** The name put in the MDC while the task runs. */
        String name();

        /**
         * Runs one bounded step: at most one slice fetch (the first step also opens the job's directory).
         *
         * @param worker the worker's stop handle, for network calls and sleeps
         * @param atSlot true when the step runs at the job's booked refresh slot: it refreshes the forming candle
         * @return when the next step is due, or null when the job has ended for good
         */
        Next step(StopSignal.Worker worker, boolean atSlot);

        /** Ends the job (closing what it holds); called once, never during a step. */
        void end();
    }

    static final class Slot {
        final Task task;
        final int index;
        long atMs;
        Urgency urgency = Urgency.REFRESH;
        long seq;
        int version;
        boolean atSlot;
        long lastSlotMs = Long.MIN_VALUE;

        Slot(Task task, int index) {
            this.task = task;
            this.index = index;
        }
    }

    private static final Comparator<Slot> BY_TIME = Comparator.<Slot>comparingLong(s -> s.atMs)
            .thenComparingLong(s -> s.seq);
    private static final Comparator<Slot> BY_URGENCY = Comparator.<Slot, Urgency>comparing(s -> s.urgency)
            .thenComparing(BY_TIME);

    private final StopSignal stop;
    private final PlannedQueues planned;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean systemSleeper;
    private final long maxWaitMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Slot> waiting = new PriorityQueue<>(BY_TIME);
    private final PriorityQueue<Slot> ready = new PriorityQueue<>(BY_URGENCY);
    private final List<Thread> threads = new ArrayList<>();
    private Thread leader;
    private long waitedUntilMs = Long.MIN_VALUE;
    private int running;
    private long seq;

    JobScheduler(StopSignal stop, Clock clock, Sleeper sleeper, Duration maxWait) {
        this(stop, clock, sleeper, maxWait, null);
    }

    /**
     * A scheduler; with a plan, each job's forming refresh runs at its booked slots and every other step only where
     * the plan admits it (see {@link RefreshPlan}).
     */
    JobScheduler(StopSignal stop, Clock clock, Sleeper sleeper, Duration maxWait, RefreshPlan plan) {
        this.stop = stop;
        this.planned = plan == null ? null : new PlannedQueues(plan);
        this.clock = clock;
        this.sleeper = sleeper;
        this.systemSleeper = sleeper == Sleeper.system();
        this.maxWaitMs = maxWait.toMillis();
    }

    /** Queues every task as due now and starts {@code workers} non-daemon threads named {@code qlir-worker-<i>}. */
    void start(List<? extends Task> tasks, int workers) {
        long now = clock.millis();
        lock.lock();
        try {
            if (planned != null) {
                planned.plan.start(now);
            }
            int index = 0;
            for (Task t : tasks) {
                Slot s = new Slot(t, index++);
                s.atMs = now;
                s.seq = seq++;
                if (planned != null) {
                    planned.wish(s, now, Urgency.REFRESH, seq++);
                } else {
                    ready.add(s);
                }
            }
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "qlir-worker-" + i);
            t.setDaemon(false);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** The worker threads (for joining). */
    List<Thread> threads() {
        return threads;
    }

    /** Wakes every waiting worker, so that a stop is seen at once. */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        try (StopSignal.Worker worker = stop.enter()) {
            Slot s;
            while ((s = take(worker)) != null) {
                if (stop.isStopped()) {
                    end(s);
                    continue;
                }
                Next next = step(s, worker);
                if (next == null || stop.isStopped()) {
                    end(s);
                } else {
                    requeue(s, next);
                }
            }
        }
    }

    private Next step(Slot s, StopSignal.Worker worker) {
        MDC.put(BinanceDataServer.MDC_JOB, s.task.name());
        try {
            return s.task.step(worker, s.atSlot);
        } catch (RuntimeException | Error e) {
            LOG.error("{}: a step failed unexpectedly; the job ends", s.task.name(), e);
            return null;
        } finally {
            MDC.remove(BinanceDataServer.MDC_JOB);
        }
    }

    private void end(Slot s) {
        MDC.put(BinanceDataServer.MDC_JOB, s.task.name());
        try {
            s.task.end();
        } catch (RuntimeException e) {
            LOG.warn("{}: ending failed: {}", s.task.name(), e.toString());
        } finally {
            MDC.remove(BinanceDataServer.MDC_JOB);
        }
        lock.lock();
        try {
            running--;
            if (planned != null) {
                planned.plan.returned(s, clock.millis());
            }
            changed.signalAll(); // the last job ending lets idle workers exit
        } finally {
            lock.unlock();
        }
    }

    private void requeue(Slot s, Next next) {
        lock.lock();
        try {
            if (planned != null) {
                running--;
                planned.returned(s, next, clock.millis(), seq);
                seq += 2;
                changed.signalAll();
                return;
            }
            running--;
            s.atMs = next.atMs();
            s.urgency = next.urgency();
            s.seq = seq++;
            if (s.atMs <= Math.max(clock.millis(), waitedUntilMs)) {
                ready.add(s);
                changed.signal();
            } else {
                waiting.add(s);
                if (waiting.peek() == s) {
                    changed.signalAll(); // due before what the leader waits for: wake it
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next slot to run (or, once stopped, to end), or null when the worker should exit. */
    private Slot take(StopSignal.Worker worker) {
        lock.lock();
        try {
            while (true) {
                if (planned != null) {
                    PlannedQueues.Pick p = planned.pick(stop.isStopped(), Math.max(clock.millis(), waitedUntilMs));
                    if (p.slot() != null) {
                        running++;
                        changed.signal();
                        return p.slot();
                    }
                    if (!p.anyQueued()) {
                        if (running == 0) {
                            return null;
                        }
                        changed.await();
                    } else if (leader != null || (!systemSleeper && running > 0)) {
                        // on a sleeper other than the system one (a test's manual clock) time passes only while
                        // no step runs, so a step's requests arrive at the instant it was let go
                        changed.await();
                    } else {
                        long now = Math.max(clock.millis(), waitedUntilMs);
                        long ms = Math.max(1, Math.min(p.wakeAtMs() - now, maxWaitMs));
                        if (lead(worker, ms)) {
                            waitedUntilMs = Math.max(waitedUntilMs, now + ms);
                        }
                    }
                    continue;
                }
                if (stop.isStopped()) {
                    Slot s = ready.isEmpty() ? waiting.poll() : ready.poll();
                    return claimed(s);
                }
                long now = Math.max(clock.millis(), waitedUntilMs);
                while (!waiting.isEmpty() && waiting.peek().atMs <= now) {
                    ready.add(waiting.poll());
                }
                if (!ready.isEmpty()) {
                    return claimed(ready.poll());
                }
                if (waiting.isEmpty()) {
                    if (running == 0) {
                        return null; // every job has ended
                    }
                    changed.await();
                } else if (leader != null) {
                    changed.await();
                } else {
                    long ms = Math.max(1, Math.min(waiting.peek().atMs - now, maxWaitMs));
                    if (lead(worker, ms)) {
                        waitedUntilMs = Math.max(waitedUntilMs, now + ms);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private Slot claimed(Slot s) {
        if (s != null) {
            running++;
            if (!ready.isEmpty() || !waiting.isEmpty()) {
                changed.signal(); // another worker may lead or take what is ready
            }
        }
        return s;
    }

    /**
     * Waits as the leader until the earliest due time (called holding the lock). Returns whether it waited the whole
     * time: what was due by then is due now even when the clock stands still (a fixed clock in a test), as a job that
     * slept its delay would act.
     */
    private boolean lead(StopSignal.Worker worker, long ms) throws InterruptedException {
        leader = Thread.currentThread();
        try {
            if (systemSleeper) {
                return changed.awaitNanos(ms * 1_000_000L) <= 0;
            }
            lock.unlock();
            try {
                worker.sleep(sleeper, Duration.ofMillis(ms));
            } finally {
                lock.lock();
            }
            return !stop.isStopped();
        } finally {
            leader = null;
            changed.signal();
        }
    }
}
