package io.qlir.binance;

import io.qlir.data.retry.Sleeper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A stop request for a group of worker threads that never lands in the middle of a store write.
 *
 * <p>Why not simply interrupt: an interrupt that reaches a thread inside a {@link java.nio.channels.FileChannel}
 * operation closes the channel, which would abort a slice write half way and break the journal for the rest of the
 * run. So a thread is interruptible only while it waits on the network or sleeps ({@link Worker#interruptibly},
 * {@link Worker#sleep}); everywhere else {@link #stop} just sets the flag, which the thread reads between slices.
 * The interrupt status is cleared when an interruptible section ends, so store code never sees it.
 */
final class StopSignal {

    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final Consumer<Thread> cancelCall;
    private volatile String reason;

    /**
     * A signal whose stop also cancels the HTTP call a waiting thread is blocked in (a blocking socket read does not
     * notice an interrupt).
     */
    StopSignal(Consumer<Thread> cancelCall) {
        this.cancelCall = cancelCall;
    }

    /** Whether a stop was requested. */
    boolean isStopped() {
        return reason != null;
    }

    /** Why; null before a stop. */
    String reason() {
        return reason;
    }

    /** Asks every worker to stop after its in-flight slice; wakes the ones that wait on the network or sleep. */
    void stop(String why) {
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
        }
        for (Worker w : workers) {
            w.interruptIfWaiting();
        }
    }

    /** Registers the calling thread; close the worker when the thread leaves the job. */
    Worker enter() {
        Worker w = new Worker(Thread.currentThread());
        workers.add(w);
        return w;
    }

    /** One thread's handle. */
    final class Worker implements AutoCloseable {
        private final Thread thread;
        private boolean interruptible;

        private Worker(Thread thread) {
            this.thread = thread;
        }

        private synchronized void interruptIfWaiting() {
            if (interruptible) {
                thread.interrupt();
                cancelCall.accept(thread);
            }
        }

        /** Runs a network call that a stop may cut short; returns null without calling when already stopped. */
        <T> T interruptibly(Supplier<T> call) {
            synchronized (this) {
                interruptible = true;
            }
            try {
                return isStopped() ? null : call.get();
            } finally {
                synchronized (this) {
                    interruptible = false;
                    Thread.interrupted(); // store code must never see a stale interrupt
                }
            }
        }

        /** Sleeps unless stopped; a stop ends the sleep early. */
        void sleep(Sleeper sleeper, Duration d) {
            interruptibly(() -> {
                try {
                    sleeper.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Boolean.TRUE;
            });
        }

        @Override
        public void close() {
            workers.remove(this);
        }
    }
}
