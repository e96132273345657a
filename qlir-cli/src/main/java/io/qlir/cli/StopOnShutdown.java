package io.qlir.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs work that Ctrl-C or SIGTERM may stop so that a stopped run still reports: the shutdown hook asks the work to
 * stop, then holds the JVM until the work's report is written (for at most {@link #GRACE}). The hook is released
 * only after the report, never before, or the JVM could exit with the summary unprinted (issue 13, defect 12).
 * <pre>{@code
 * FetchSummary s = new StopOnShutdown(fetcher::stop, StopOnShutdown.RUNTIME)
 *         .run(() -> fetcher.fetch(job, from, to), summary -> out.println(summary.describe()));
 * }</pre>
 */
final class StopOnShutdown {

    /** How long the hook holds the JVM for the writes in flight and the report. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** Where the hook is registered: the JVM's {@link Runtime}, or a test that runs it by hand. */
    interface Hooks {

        /** Registers a hook thread. */
        void add(Thread hook);

        /** Unregisters it; a no-op when the JVM is already shutting down (the hook is running then). */
        void remove(Thread hook);
    }

    /** The JVM's shutdown hooks. */
    static final Hooks RUNTIME = new Hooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    };

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Runnable stop;
    private final Hooks hooks;

    /**
     * @param stop asks the work to stop after its writes in flight (called from the hook's thread)
     * @param hooks where the hook is registered
     */
    StopOnShutdown(Runnable stop, Hooks hooks) {
        this.stop = stop;
        this.hooks = hooks;
    }

    /**
     * Runs the work with the hook registered, then reports its result, then releases the hook.
     *
     * @param <T> the result type
     * @param work the work; its exception is thrown unreported
     * @param report what to do with the result (print the summary) before the hook lets the JVM exit
     * @return the work's result
     * @throws Exception what the work threw
     */
    <T> T run(Callable<T> work, Consumer<? super T> report) throws Exception {
        Thread hook = new Thread(this::stopAndHold, "qlir-fetch-stop");
        hooks.add(hook);
        try {
            T result = work.call();
            report.accept(result);
            return result;
        } finally {
            reported.countDown();
            hooks.remove(hook);
        }
    }

    /** Whether the hook has been released (the work ended and, if it succeeded, its report was written). */
    boolean released() {
        return reported.getCount() == 0;
    }

    private void stopAndHold() {
        stop.run();
        try {
            reported.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
