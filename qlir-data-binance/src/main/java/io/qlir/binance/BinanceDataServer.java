package io.qlir.binance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow mode: many jobs in one process, each keeping its slice directory up to date as time passes.
 *
 * <p>Each job runs on a thread of its own (named {@code qlir-<job name>}, with the MDC key {@value #MDC_JOB} set to
 * the job's name so a logging backend can route its lines). A job first catches up (every due slice since
 * {@code since}, newest first), then follows: it fetches only the tail of the newest slice, from the last stored
 * open time, when a candle closes and, with a cadence, while it forms; when nothing is due it sleeps until the next
 * close (never a busy loop). All jobs share the client and so its one weight budget; a cadence too fast for the
 * budget is stretched, with a warning. A job that fails (network, disk, a locked directory) backs off and tries
 * again; one whose symbol Binance does not know ends ({@link JobPhase#FAILED}); the other jobs never notice.
 * <pre>{@code
 * BinanceDataServer server = BinanceDataServer.builder(client, dataRoot)
 *         .allTrading(Endpoint.KLINES, Interval.M1, "USDT")      // or .job(FetchJob.parse("BTCUSDT:1m"))
 *         .cadence(Duration.ofSeconds(15))
 *         .start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close));  // SIGTERM: finish in-flight writes, exit
 * server.awaitTermination(Duration.ofDays(365));
 * }</pre>
 * The job threads are not daemons: a server keeps the JVM alive until it is closed.
 */
public final class BinanceDataServer implements AutoCloseable {

    /** The MDC key that names the job on every log line of a job's thread. */
    public static final String MDC_JOB = "job";

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);

    private final List<FetchJob> jobs;
    private final List<JobStateHolder> states;
    private final List<Thread> threads = new ArrayList<>();
    private final StopSignal stop;
    private final Duration shutdownTimeout;
    private final Duration cadence;

    BinanceDataServer(FetchEngine engine, List<FetchJob> jobs, FollowLoop.Settings settings,
                      Duration shutdownTimeout) {
        this.jobs = List.copyOf(jobs);
        this.shutdownTimeout = shutdownTimeout;
        this.cadence = settings.cadence();
        this.stop = new StopSignal(engine.client::cancelCallOf);
        List<JobStateHolder> s = new ArrayList<>();
        for (FetchJob job : jobs) {
            JobStateHolder holder = new JobStateHolder(job);
            s.add(holder);
            Thread t = new Thread(new FollowLoop(engine, job, settings, stop, holder), "qlir-" + job.name());
            t.setDaemon(false);
            threads.add(t);
        }
        this.states = Collections.unmodifiableList(s);
        LOG.info("data server: {} jobs, cadence {}, since {}", jobs.size(),
                settings.cadence() == null ? "at each close" : settings.cadence(),
                settings.sinceMs() == null ? "the first candle" : java.time.Instant.ofEpochMilli(settings.sinceMs()));
        threads.forEach(Thread::start);
    }

    /**
     * A builder for a server that writes through a client into a data root.
     *
     * @param client the process's client (every job shares its weight budget)
     * @param dataRoot the data root; created when missing
     * @return a builder
     */
    public static BinanceDataServerBuilder builder(BinanceClient client, java.nio.file.Path dataRoot) {
        return new BinanceDataServerBuilder(client, dataRoot);
    }

    /**
     * The jobs, in the order given (duplicates removed).
     *
     * @return the jobs
     */
    public List<FetchJob> jobs() {
        return jobs;
    }

    /**
     * How often the forming candle's tail is fetched while it forms, after stretching to fit the weight budget.
     *
     * @return the cadence, or empty when tails are fetched only when a candle closes
     */
    public java.util.Optional<Duration> cadence() {
        return java.util.Optional.ofNullable(cadence);
    }

    /**
     * A snapshot of every job, in the order of {@link #jobs()}.
     *
     * @return the states
     */
    public List<JobState> states() {
        List<JobState> out = new ArrayList<>(states.size());
        for (JobStateHolder h : states) {
            out.add(h.snapshot());
        }
        return out;
    }

    /**
     * The state of one job.
     *
     * @param job one of {@link #jobs()}
     * @return its snapshot
     * @throws IllegalArgumentException when the server does not run that job
     */
    public JobState state(FetchJob job) {
        int i = jobs.indexOf(Objects.requireNonNull(job, "job"));
        if (i < 0) {
            throw new IllegalArgumentException("this server does not run " + job + "; it runs " + jobs);
        }
        return states.get(i).snapshot();
    }

    /**
     * Asks every job to finish its in-flight slice write and end; returns at once (see {@link #close()}).
     */
    public void stop() {
        stop.stop("server stopped");
    }

    /**
     * Waits until every job thread has ended (after {@link #stop()}, or when every job failed for good).
     *
     * @param timeout the longest wait
     * @return true when all ended in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !anyAlive();
            }
            t.join(Math.max(1, left / 1_000_000));
        }
        return !anyAlive();
    }

    private boolean anyAlive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /**
     * Stops every job and waits (up to the builder's shutdown timeout, 30 s by default) until each has finished
     * its in-flight write and closed its directory. Meant for a SIGTERM hook; calling it again does nothing more.
     */
    @Override
    public void close() {
        stop();
        try {
            if (!awaitTermination(shutdownTimeout)) {
                LOG.warn("data server: {} job(s) still running after {}; their next start reconciles",
                        threads.stream().filter(Thread::isAlive).count(), shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BinanceDataServer{" + jobs.size() + " jobs}";
    }
}
