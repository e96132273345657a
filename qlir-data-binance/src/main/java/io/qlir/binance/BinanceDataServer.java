package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.retry.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow mode: many jobs in one process, each keeping its slice directory up to date as time passes.
 *
 * <p>Jobs are steps on a small fixed pool of worker threads ({@link Builder#workers(int)}, named
 * {@code qlir-worker-<i>}), not a thread each: thousands of jobs (Binance's whole symbol list) run in a few dozen
 * threads. A job first catches up (every due slice since {@code since}, newest first, one slice per turn), then
 * follows: it fetches only the tail of the newest slice, from the last stored open time, when a candle closes and,
 * with a cadence, while it forms; when nothing is due it takes no thread at all. Among the steps due, refreshes (the
 * forming candle, a close) go before catch-up, and within each kind the one due longest ago goes first, so one deep
 * backfill never holds the other series back and no job is starved. While a step runs, the MDC key {@value #MDC_JOB}
 * names its job so a logging backend can route its lines. All jobs share the client and so its one weight budget.
 * With a cadence, every job's forming refresh is booked in that budget ahead of time at a fixed slot per period, and
 * everything else (opening, closes, catch-up) goes only where it leaves the booked weight free; a cadence too fast
 * for the budget is stretched ({@code cadence × needed / budget}, logged once; see {@link RefreshPlan}). A job that
 * fails (network, disk, a locked directory) backs off and tries again; one whose symbol Binance does not know ends
 * ({@link JobPhase#FAILED}); the other jobs never notice.
 * <pre>{@code
 * BinanceDataServer server = BinanceDataServer.builder(client, dataRoot)
 *         .allTrading(Endpoint.KLINES, Interval.M1, "USDT")      // or .job(FetchJob.parse("BTCUSDT:1m"))
 *         .cadence(Duration.ofSeconds(15))
 *         .start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close));  // SIGTERM: finish in-flight writes, exit
 * server.awaitTermination(Duration.ofDays(365));
 * }</pre>
 * The worker threads are not daemons: a server keeps the JVM alive until it is closed.
 */
public final class BinanceDataServer implements AutoCloseable {

    /** The MDC key that names the job on every log line of a step (set by the worker thread running it). */
    public static final String MDC_JOB = "job";

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);
    private static final int MAX_WORKERS = 256;

    private final List<FetchJob> jobs;
    private final List<JobStateHolder> states;
    private final JobScheduler scheduler;
    private final StopSignal stop;
    private final Duration shutdownTimeout;
    private final Duration cadence;
    private final int workers;

    private final Builder spec;

    private BinanceDataServer(FetchEngine engine, List<FetchJob> jobs, FollowJob.Settings settings, RefreshPlan plan,
                              Sleeper sleeper, int workers, Duration shutdownTimeout, Builder spec) {
        this.spec = spec;
        this.jobs = List.copyOf(jobs);
        this.shutdownTimeout = shutdownTimeout;
        this.cadence = settings.cadence();
        this.stop = new StopSignal(engine.client::cancelCallOf);
        this.workers = Math.min(workers, jobs.size());
        this.scheduler = new JobScheduler(stop, engine.clock, sleeper, settings.maxSleep(), plan);
        List<JobStateHolder> s = new ArrayList<>();
        List<FollowJob> tasks = new ArrayList<>();
        for (FetchJob job : jobs) {
            JobStateHolder holder = new JobStateHolder(job);
            s.add(holder);
            tasks.add(new FollowJob(engine, job, settings, holder));
        }
        this.states = Collections.unmodifiableList(s);
        LOG.info("data server: {} jobs on {} worker threads, cadence {}, since {}", jobs.size(), this.workers,
                settings.cadence() == null ? "at each close" : settings.cadence(),
                settings.sinceMs() == null ? "the first candle" : java.time.Instant.ofEpochMilli(settings.sinceMs()));
        scheduler.start(tasks, this.workers);
    }

    /**
     * A builder for a server that writes through a client into a data root.
     *
     * @param client the process's client (every job shares its weight budget)
     * @param dataRoot the data root; created when missing
     * @return a builder
     */
    public static Builder builder(BinanceClient client, Path dataRoot) {
        return new Builder(client, dataRoot);
    }

    /**
     * A builder holding this server's client, data root, jobs and options, to start another server like it (after
     * this one is closed: two servers must not write the same directories).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(spec);
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
     * How many worker threads run the jobs' steps ({@link Builder#workers(int)}, at most one per job).
     *
     * @return the number of worker threads
     */
    public int workers() {
        return workers;
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
     * Asks every job to finish its in-flight slice write and end; returns at once (see {@link #close()}). Queued
     * steps never start; running ones end after their write (or at once when they wait on the network or sleep).
     */
    public void stop() {
        stop.stop("server stopped");
        scheduler.wakeAll();
    }

    /**
     * Waits until every worker thread has ended (after {@link #stop()}, or when every job failed for good).
     *
     * @param timeout the longest wait
     * @return true when all ended in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : scheduler.threads()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !anyAlive();
            }
            t.join(Math.max(1, left / 1_000_000));
        }
        return !anyAlive();
    }

    private boolean anyAlive() {
        return scheduler.threads().stream().anyMatch(Thread::isAlive);
    }

    /**
     * Stops every job and waits (up to the builder's shutdown timeout, 15 s by default) until each has finished
     * its in-flight write and closed its directory. Meant for a SIGTERM hook; calling it again does nothing more.
     */
    @Override
    public void close() {
        stop();
        try {
            if (!awaitTermination(shutdownTimeout)) {
                LOG.warn("data server: {} worker(s) still running after {}; the next start reconciles their jobs",
                        scheduler.threads().stream().filter(Thread::isAlive).count(), shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BinanceDataServer{" + jobs.size() + " jobs}";
    }

    /**
     * Collects a {@link BinanceDataServer}'s jobs and options ({@link BinanceDataServer#builder}); every option but
     * the jobs has a default.
     * <pre>{@code
     * BinanceDataServer server = BinanceDataServer.builder(client, dataRoot)
     *         .job(FetchJob.parse("BTCUSDT:1m"))
     *         .job(FetchJob.parse("uiklines:ETHUSDT:15m"))
     *         .since(Instant.parse("2024-01-01T00:00:00Z"))
     *         .cadence(Duration.ofSeconds(10))
     *         .start();
     * }</pre>
     */
    public static final class Builder {

        private final BinanceClient client;
        private final Path dataRoot;
        private final Set<FetchJob> jobs = new LinkedHashSet<>();
        private final List<ServerJobs.AllTrading> allTrading = new ArrayList<>();
        private Instant since;
        private Duration cadence = Duration.ofSeconds(30);
        private Duration closeDelay = Duration.ofSeconds(1);
        private Duration retryBackoff = Duration.ofSeconds(5);
        private Duration maxBackoff = Duration.ofMinutes(10);
        private Duration maxSleep = Duration.ofHours(1);
        private Duration shutdownTimeout = Duration.ofSeconds(15);
        private int workers = defaultWorkers();
        private FetchListener listener = FetchListener.NONE;
        private Sleeper sleeper = Sleeper.system();
        private StoreOptions storeOptions;

        private Builder(BinanceClient client, Path dataRoot) {
            this.client = Objects.requireNonNull(client, "client");
            this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        }

        private Builder(Builder b) {
            this(b.client, b.dataRoot);
            jobs.addAll(b.jobs);
            allTrading.addAll(b.allTrading);
            since = b.since;
            cadence = b.cadence;
            closeDelay = b.closeDelay;
            retryBackoff = b.retryBackoff;
            maxBackoff = b.maxBackoff;
            maxSleep = b.maxSleep;
            shutdownTimeout = b.shutdownTimeout;
            workers = b.workers;
            listener = b.listener;
            sleeper = b.sleeper;
            storeOptions = b.storeOptions;
        }

        /**
         * Adds a job (a job given twice runs once).
         *
         * @param job the job
         * @return this builder
         */
        public Builder job(FetchJob job) {
            jobs.add(Objects.requireNonNull(job, "job"));
            return this;
        }

        /**
         * Adds jobs.
         *
         * @param list the jobs
         * @return this builder
         */
        public Builder jobs(Collection<FetchJob> list) {
            list.forEach(this::job);
            return this;
        }

        /**
         * Adds one job (limit 1000) per symbol that exchangeInfo lists as {@code TRADING} when the server starts.
         *
         * @param endpoint klines or uiKlines
         * @param interval the candle interval
         * @param quoteAsset only symbols quoted in this asset (for example {@code USDT}), or null for all
         * @return this builder
         */
        public Builder allTrading(Endpoint endpoint, Interval interval, String quoteAsset) {
            allTrading.add(new ServerJobs.AllTrading(Objects.requireNonNull(endpoint, "endpoint"),
                    Objects.requireNonNull(interval, "interval"), quoteAsset));
            return this;
        }

        /**
         * Where each job's history starts (default: its first candle).
         *
         * @param start the first open time to keep, or null for the whole history
         * @return this builder
         */
        public Builder since(Instant start) {
            this.since = start;
            return this;
        }

        /**
         * How often the forming candle's tail is fetched again while it forms (default 30 s); null fetches it only
         * when it closes. A cadence faster than the shared budget allows for all jobs is stretched.
         *
         * @param every a positive duration, or null
         * @return this builder
         */
        public Builder cadence(Duration every) {
            this.cadence = every == null ? null : BuilderChecks.positive(every, "cadence");
            return this;
        }

        /**
         * How long after a candle's close its final values are fetched (default 1 s: Binance needs a moment).
         *
         * @param delay zero or positive
         * @return this builder
         */
        public Builder closeDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("closeDelay must not be negative, got " + delay);
            }
            this.closeDelay = delay;
            return this;
        }

        /**
         * The first wait after a failure, doubling on each further failure up to {@code max} (default 5 s up to
         * 10 min); applies to failing slices and to failing jobs alike.
         *
         * @param initial the first wait
         * @param max the longest wait
         * @return this builder
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoff = BuilderChecks.positive(initial, "retry backoff");
            this.maxBackoff = BuilderChecks.positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
            }
            return this;
        }

        /**
         * The longest a job sleeps at once, even when nothing is due sooner (default 1 h).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder maxSleep(Duration d) {
            this.maxSleep = BuilderChecks.positive(d, "maxSleep");
            return this;
        }

        /**
         * How long {@link BinanceDataServer#close()} waits for jobs to finish their in-flight writes (default 15 s, so
         * that a SIGTERM is honoured within 20 s; a write cut short by the exit is whole or absent, and the next
         * start reconciles).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder shutdownTimeout(Duration d) {
            this.shutdownTimeout = BuilderChecks.positive(d, "shutdownTimeout");
            return this;
        }

        /**
         * How many worker threads run the jobs' steps (default {@link #defaultWorkers()}); never more than there are
         * jobs. More workers do not fetch faster than the shared weight budget allows; they only let more requests
         * wait on the network at once.
         * <pre>{@code
         * BinanceDataServer.builder(client, root).allTrading(Endpoint.KLINES, Interval.H1, null).workers(8).start();
         * }</pre>
         *
         * @param n 1 to 256
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is outside 1 to 256
         */
        public Builder workers(int n) {
            this.workers = checkWorkers(n);
            return this;
        }

        /**
         * Checks a worker count (for a command line that reports bad input before building anything).
         *
         * @param n the count
         * @return {@code n}
         * @throws IllegalArgumentException naming the valid range when {@code n} is outside 1 to 256
         */
        public static int checkWorkers(int n) {
            if (n < 1 || n > MAX_WORKERS) {
                throw new IllegalArgumentException("workers " + n + " is out of range; valid: 1 to " + MAX_WORKERS);
            }
            return n;
        }

        /**
         * The default number of worker threads: {@code min(16, 2 × cores + 4)}. Why: Binance's 6,000 weight per
         * minute at weight 2 per kline request is 50 requests a second; at 100 to 300 ms per request that is 5 to 15
         * requests in flight, so 16 workers keep the budget busy; on a small machine the parsing, hashing and
         * fsync of each write cost CPU, so fewer cores get fewer workers (8 on 2 cores).
         *
         * @return the default worker count for this machine
         */
        public static int defaultWorkers() {
            return Math.min(16, 2 * Runtime.getRuntime().availableProcessors() + 4);
        }

        /**
         * Who hears about each slice attempted (default nobody); called from the worker threads.
         *
         * @param l the listener (thread-safe)
         * @return this builder
         */
        public Builder listener(FetchListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * How the scheduler waits for the next due step (default {@link Sleeper#system()}, which an earlier step or a
         * stop wakes at once); tests pass one that advances a manual clock.
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /**
         * How the store is written: its clock ("now" for scheduling, status and the times in slice files), status
         * policy, journal durability (default {@link StoreOptions#defaults()} with the client's clock).
         *
         * @param options the store options
         * @return this builder
         */
        public Builder storeOptions(StoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "storeOptions");
            return this;
        }

        /**
         * Resolves the jobs (reading exchangeInfo for {@link #allTrading}) and starts the worker threads.
         *
         * @return the running server
         * @throws IllegalStateException when there is no job
         * @throws FetchException when exchangeInfo cannot be read for {@link #allTrading}
         */
        public BinanceDataServer start() {
            List<FetchJob> all = ServerJobs.resolve(client, jobs, allTrading);
            StoreOptions store = FetchEngine.storeOptions(storeOptions, client);
            FetchEngine engine = new FetchEngine(client, dataRoot, store, listener, FetchOrder.NEWEST_FIRST, 1);
            if (cadence != null) {
                engine.readAnnouncedLimits(); // plan in the strictest of them and the configured budget
            }
            RefreshPlan plan = RefreshPlan.of(client.planningBudget(), cadence, all);
            FollowJob.Settings settings = new FollowJob.Settings(since == null ? null : since.toEpochMilli(),
                    plan == null ? null : plan.period(), closeDelay, retryBackoff, maxBackoff, maxSleep);
            return new BinanceDataServer(engine, all, settings, plan, sleeper, workers, shutdownTimeout,
                    new Builder(this));
        }
    }
}
