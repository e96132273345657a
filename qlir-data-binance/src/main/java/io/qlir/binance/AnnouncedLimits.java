package io.qlir.binance;

import io.qlir.data.budget.WeightBudget;
import io.qlir.data.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits Binance announces in {@code exchangeInfo}'s {@code rateLimits}, each paced by a budget of its own next
 * to the client's configured one, so the stricter of the two always holds.
 *
 * <p>Why: Binance has changed its limits before (1,200 → 6,000 weight per minute) and may announce shorter windows
 * (for example {@code REQUEST_WEIGHT} 30 per 5 s); a client pacing only by its configured minute would learn the
 * real limit from a 429, with its in-flight requests still arriving, and then a 418. Every {@code REQUEST_WEIGHT}
 * limit takes each request's weight, every {@code RAW_REQUESTS} limit takes 1 per request, in its own window
 * ({@code SECOND}, {@code MINUTE}, {@code DAY} × {@code intervalNum}); the matching used-weight header
 * ({@code X-MBX-USED-WEIGHT-<intervalNum><S|M|H|D>}) feeds each weight budget the server's own count. The set is
 * read at the start of a fetch or serve run and again after any 429; budgets whose limit did not change keep their
 * counts. Without announced limits (the read failed, or the answer lists none) only the configured budget paces.
 */
final class AnnouncedLimits {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceClient.class);

    /** One announced limit and the budget that paces it. */
    private record Pacer(RateLimit limit, String header, WeightBudget budget) {
        int cost(int weight) {
            int w = "RAW_REQUESTS".equals(limit.type()) ? 1 : weight;
            return Math.min(w, budget.capacity());
        }
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private volatile List<Pacer> pacers = List.of();
    private final AtomicBoolean stale = new AtomicBoolean();
    private volatile boolean adopted;

    AnnouncedLimits(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Paces by these limits from now on (those of unknown type or window are ignored). */
    synchronized void install(List<RateLimit> announced) {
        List<Pacer> next = new ArrayList<>();
        for (RateLimit l : announced) {
            Duration window = l.window();
            boolean paced = "REQUEST_WEIGHT".equals(l.type()) || "RAW_REQUESTS".equals(l.type());
            if (!paced || window.isZero() || window.isNegative() || l.limit() < 1) {
                continue;
            }
            Pacer kept = pacers.stream().filter(p -> p.limit().equals(l)).findFirst().orElse(null);
            next.add(kept != null ? kept : new Pacer(l, header(l), WeightBudget.builder().capacity(l.limit())
                    .window(window).clock(clock).sleeper(sleeper).build()));
        }
        pacers = List.copyOf(next);
        adopted = true;
        LOG.info("pacing by the limits Binance announces: {}", describe());
    }

    /**
     * The budget a schedule planned ahead must fit: of {@code configured} and every announced
     * {@code REQUEST_WEIGHT} limit, the one that lets the least weight through per unit of time. (An announced
     * {@code RAW_REQUESTS} limit counts requests, not weight; Binance's is far looser than its weight limit.)
     */
    WeightBudget slowest(WeightBudget configured) {
        WeightBudget best = configured;
        for (Pacer p : pacers) {
            if ("REQUEST_WEIGHT".equals(p.limit().type()) && perMs(p.budget()) < perMs(best)) {
                best = p.budget();
            }
        }
        return best;
    }

    private static double perMs(WeightBudget b) {
        return (double) b.capacity() / b.window().toMillis();
    }

    /** Whether limits were read at least once (only then does a 429 make them stale). */
    boolean adopted() {
        return adopted;
    }

    /** After a 429: the limits may have changed; the next call reads them again. */
    void markStale() {
        if (adopted) {
            stale.set(true);
        }
    }

    /** True once per staleness: the caller that gets true reads the limits again. */
    boolean takeStale() {
        return stale.compareAndSet(true, false);
    }

    /**
     * Takes a request's share of every announced limit, waiting as each requires.
     *
     * @return the leases, to close when the answer arrived
     * @throws InterruptedException when interrupted while waiting (nothing is held then)
     */
    List<WeightBudget.Lease> acquire(int weight) throws InterruptedException {
        List<Pacer> now = pacers;
        if (now.isEmpty()) {
            return List.of();
        }
        List<WeightBudget.Lease> leases = new ArrayList<>(now.size());
        try {
            for (Pacer p : now) {
                leases.add(p.budget().acquire(p.cost(weight)));
            }
            return leases;
        } catch (InterruptedException | RuntimeException e) {
            leases.forEach(WeightBudget.Lease::close);
            throw e;
        }
    }

    /** Feeds each weight budget the server's count from its window's header, when present. */
    void reportUsage(Response r) {
        for (Pacer p : pacers) {
            if (p.header() == null) {
                continue;
            }
            String used = r.header(p.header());
            if (used != null) {
                try {
                    p.budget().reportServerUsage(Integer.parseInt(used.strip()));
                } catch (NumberFormatException e) {
                    LOG.debug("ignoring unreadable {} header '{}'", p.header(), used);
                }
            }
        }
    }

    /** The announced limits in force, for logs. */
    String describe() {
        List<String> out = new ArrayList<>();
        for (Pacer p : pacers) {
            out.add(p.limit().type() + " " + p.limit().limit() + " per " + p.limit().intervalNum() + " "
                    + p.limit().interval());
        }
        return out.isEmpty() ? "none announced" : String.join(", ", out);
    }

    /** Binance's used-weight header for a weight limit's window, for example {@code X-MBX-USED-WEIGHT-1M}. */
    static String header(RateLimit l) {
        if (!"REQUEST_WEIGHT".equals(l.type()) || l.interval().isEmpty()) {
            return null;
        }
        return "X-MBX-USED-WEIGHT-" + l.intervalNum() + l.interval().charAt(0);
    }
}
