package io.qlir.binance;

import io.qlir.core.Interval;
import io.qlir.data.budget.WeightBudget;
import io.qlir.data.manifest.JournalDurability;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.data.retry.Sleeper;
import io.qlir.data.slice.StatusPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a {@link BinanceDataServer}'s jobs and options ({@link BinanceDataServer#builder}); every option but the
 * jobs has a default.
 * <pre>{@code
 * BinanceDataServer server = BinanceDataServer.builder(client, dataRoot)
 *         .job(FetchJob.parse("BTCUSDT:1m"))
 *         .job(FetchJob.parse("uiklines:ETHUSDT:15m"))
 *         .since(Instant.parse("2024-01-01T00:00:00Z"))
 *         .cadence(Duration.ofSeconds(10))
 *         .start();
 * }</pre>
 */
public final class BinanceDataServerBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);

    private final BinanceClient client;
    private final Path dataRoot;
    private final Set<FetchJob> jobs = new LinkedHashSet<>();
    private final List<AllTrading> allTrading = new ArrayList<>();
    private Instant since;
    private Duration cadence = Duration.ofSeconds(30);
    private Duration closeDelay = Duration.ofSeconds(1);
    private Duration retryBackoff = Duration.ofSeconds(5);
    private Duration maxBackoff = Duration.ofMinutes(10);
    private Duration maxSleep = Duration.ofHours(1);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private FetchListener listener = FetchListener.NONE;
    private Clock clock;
    private Sleeper sleeper = Sleeper.system();
    private StatusPolicy policy = StatusPolicy.defaults();
    private JournalDurability durability = JournalDurability.EVERY_APPEND;

    private record AllTrading(Endpoint endpoint, Interval interval, String quoteAsset) {
    }

    BinanceDataServerBuilder(BinanceClient client, Path dataRoot) {
        this.client = Objects.requireNonNull(client, "client");
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
    }

    /**
     * Adds a job (a job given twice runs once).
     *
     * @param job the job
     * @return this builder
     */
    public BinanceDataServerBuilder job(FetchJob job) {
        jobs.add(Objects.requireNonNull(job, "job"));
        return this;
    }

    /**
     * Adds jobs.
     *
     * @param list the jobs
     * @return this builder
     */
    public BinanceDataServerBuilder jobs(Collection<FetchJob> list) {
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
    public BinanceDataServerBuilder allTrading(Endpoint endpoint, Interval interval, String quoteAsset) {
        allTrading.add(new AllTrading(Objects.requireNonNull(endpoint, "endpoint"),
                Objects.requireNonNull(interval, "interval"), quoteAsset));
        return this;
    }

    /**
     * Where each job's history starts (default: its first candle).
     *
     * @param start the first open time to keep, or null for the whole history
     * @return this builder
     */
    public BinanceDataServerBuilder since(Instant start) {
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
    public BinanceDataServerBuilder cadence(Duration every) {
        this.cadence = every == null ? null : positive(every, "cadence");
        return this;
    }

    /**
     * How long after a candle's close its final values are fetched (default 1 s: Binance needs a moment).
     *
     * @param delay zero or positive
     * @return this builder
     */
    public BinanceDataServerBuilder closeDelay(Duration delay) {
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
    public BinanceDataServerBuilder retryBackoff(Duration initial, Duration max) {
        this.retryBackoff = positive(initial, "retry backoff");
        this.maxBackoff = positive(max, "max backoff");
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
    public BinanceDataServerBuilder maxSleep(Duration d) {
        this.maxSleep = positive(d, "maxSleep");
        return this;
    }

    /**
     * How long {@link BinanceDataServer#close()} waits for jobs to finish their in-flight writes (default 30 s).
     *
     * @param d a positive duration
     * @return this builder
     */
    public BinanceDataServerBuilder shutdownTimeout(Duration d) {
        this.shutdownTimeout = positive(d, "shutdownTimeout");
        return this;
    }

    /**
     * Who hears about each slice attempted (default nobody); called from the job threads.
     *
     * @param l the listener (thread-safe)
     * @return this builder
     */
    public BinanceDataServerBuilder listener(FetchListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /**
     * The clock that says "now" (default the client's).
     *
     * @param c the clock
     * @return this builder
     */
    public BinanceDataServerBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * How jobs wait (default {@link Sleeper#system()}); tests pass one that advances a manual clock.
     *
     * @param s the sleeper
     * @return this builder
     */
    public BinanceDataServerBuilder sleeper(Sleeper s) {
        this.sleeper = Objects.requireNonNull(s, "sleeper");
        return this;
    }

    /**
     * The status policy (default {@link StatusPolicy#defaults()}).
     *
     * @param p the policy
     * @return this builder
     */
    public BinanceDataServerBuilder policy(StatusPolicy p) {
        this.policy = Objects.requireNonNull(p, "policy");
        return this;
    }

    /**
     * When journal lines are fsynced (default every line).
     *
     * @param d the durability
     * @return this builder
     */
    public BinanceDataServerBuilder journalDurability(JournalDurability d) {
        this.durability = Objects.requireNonNull(d, "durability");
        return this;
    }

    /**
     * Resolves the jobs (reading exchangeInfo for {@link #allTrading}) and starts one thread per job.
     *
     * @return the running server
     * @throws IllegalStateException when there is no job
     * @throws FetchException when exchangeInfo cannot be read for {@link #allTrading}
     */
    public BinanceDataServer start() {
        List<FetchJob> all = new ArrayList<>(jobs);
        for (AllTrading a : allTrading) {
            BinanceResult<List<String>> r = a.quoteAsset() == null ? client.tradingSymbols()
                    : client.tradingSymbols(a.quoteAsset());
            if (!r.isOk()) {
                throw new FetchException("cannot list the trading symbols: " + r.describe(), null);
            }
            for (String s : r.orThrow()) {
                FetchJob j;
                try {
                    j = FetchJob.of(a.endpoint(), s, a.interval());
                } catch (IllegalArgumentException e) { // a server-supplied name becomes a folder: never trust it
                    LOG.warn("exchangeInfo lists a symbol that cannot be stored, skipped: {}", e.getMessage());
                    continue;
                }
                if (!all.contains(j)) {
                    all.add(j);
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("a data server needs at least one job; add job(...) or allTrading(...)");
        }
        Clock c = clock != null ? clock : client.clock();
        StoreOptions store = StoreOptions.defaults().withClock(c).withPolicy(policy).withJournalDurability(durability);
        FetchEngine engine = new FetchEngine(client, dataRoot, store, listener, FetchOrder.NEWEST_FIRST, 1);
        FollowLoop.Settings settings = new FollowLoop.Settings(since == null ? null : since.toEpochMilli(),
                affordableCadence(all), closeDelay, retryBackoff, maxBackoff, maxSleep, sleeper);
        return new BinanceDataServer(engine, all, settings, shutdownTimeout);
    }

    /** The cadence, stretched so that refreshing every job's tail takes at most half the shared budget. */
    private Duration affordableCadence(List<FetchJob> all) {
        if (cadence == null) {
            return null;
        }
        WeightBudget budget = client.budget();
        long weight = 0;
        for (FetchJob j : all) {
            weight += j.endpoint().weight(j.limit());
        }
        long minMs = (long) Math.ceil(2.0 * weight * budget.window().toMillis() / budget.capacity());
        if (cadence.toMillis() >= minMs) {
            return cadence;
        }
        Duration stretched = Duration.ofMillis(minMs);
        LOG.warn("data server: a cadence of {} for {} jobs would use more than half of the weight budget ({} per {}); "
                + "using {}", cadence, all.size(), budget.capacity(), budget.window(), stretched);
        return stretched;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }
}
