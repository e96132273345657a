package io.qlir.binance;

import io.qlir.data.budget.WeightBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timetable that books every job's forming-candle refresh in the weight budget ahead of time, and the check that
 * lets any other step (opening a job, a close, catch-up) go only where it cannot take weight a booked refresh needs.
 *
 * <p><b>The period.</b> With {@code R} the weight of one refresh of every job, {@code C} the budget's capacity per
 * window {@code W}, the close fetches' share {@code K = Σ weight × W / interval} (one close fetch per candle per job)
 * and one request's weight {@code w} always left over (so opening, closes and catch-up are never shut out), the
 * refresh budget is {@code B = C − K − w} and the period is {@code P = cadence × max(1, needed / B)} with
 * {@code needed = R × W / cadence}: rounded up to a millisecond, and up again until the timetable below fits.
 *
 * <p><b>The timetable.</b> Job {@code j} refreshes at {@code t0 + phase(j) + k × P}, the phases spread over the
 * period in proportion to the weights, so no window holds more than {@code C − w} of booked refresh weight;
 * {@code t0} is one window after the start, when whatever start-up asked of the budget has expired. A refresh goes at its slot
 * without asking anyone: every other step is admitted only when, at every instant of the coming window, the weight
 * still held then (by the plan's own ledger of the steps it let go: from dispatch until one window after the step
 * returned, which covers the budget's hold from acquire until a window after the response) plus the refreshes booked
 * until then plus the step's weight stay within {@code C}. So, on a clock where a request takes no time and every
 * step makes one request, a refresh never waits for weight and every gap is exactly {@code P}. A response's time,
 * a retry or a 429 adds to it.
 *
 * <p>Not thread-safe: the {@link JobScheduler} calls it under its lock.
 */
final class RefreshPlan {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);
    private static final long NOT_RETURNED = Long.MAX_VALUE;

    private final int capacity;
    private final long windowMs;
    private final long periodMs;
    private final long[] phases;   // per job index
    private final int[] weights;   // per job index
    private long t0 = Long.MAX_VALUE;
    private final List<long[]> ledger = new ArrayList<>(); // {weight, expiresAt} per step let go
    private final Map<Object, long[]> running = new IdentityHashMap<>(); // a running step's ledger entry

    private RefreshPlan(int capacity, long windowMs, long periodMs, int[] weights) {
        this.capacity = capacity;
        this.windowMs = windowMs;
        this.periodMs = periodMs;
        this.weights = weights.clone();
        this.phases = phases(periodMs, weights); // ascending: cumulative weights rounded down
    }

    /**
     * The plan for these jobs under the budget at the asked cadence, or null when there is no cadence or the budget
     * has no room for refreshes beyond the close fetches (then a job's tail is fetched only at each close).
     */
    static RefreshPlan of(WeightBudget budget, Duration cadence, List<FetchJob> jobs) {
        if (cadence == null || jobs.isEmpty()) {
            return null;
        }
        int capacity = budget.capacity();
        long windowMs = budget.window().toMillis();
        int[] weights = new int[jobs.size()];
        long refresh = 0;
        int largest = 0;
        double closes = 0;
        for (int i = 0; i < weights.length; i++) {
            FetchJob j = jobs.get(i);
            weights[i] = j.endpoint().weight(j.limit());
            refresh += weights[i];
            largest = Math.max(largest, weights[i]);
            long candle = j.interval().isFixed() ? j.interval().fixedMillis() : Duration.ofDays(28).toMillis();
            closes += (double) weights[i] * windowMs / candle;
        }
        double room = capacity - closes - largest;
        if (room < largest) {
            LOG.warn("data server: {} jobs' close fetches ({} weight per {}) leave no room for refreshes in a "
                    + "budget of {}; each forming candle is fetched only when it closes", jobs.size(),
                    Math.round(closes), budget.window(), capacity);
            return null;
        }
        double needed = (double) refresh * windowMs / cadence.toMillis();
        long period = (long) Math.ceil(cadence.toMillis() * Math.max(1.0, needed / room));
        while (busiestWindow(phases(period, weights), weights, period, windowMs) > capacity - largest) {
            period += Math.max(1, period / 1000);
        }
        if (period > cadence.toMillis()) {
            LOG.warn("data server: refreshing {} jobs every {} needs {} weight per {}, more than the {} a budget of "
                    + "{} leaves after the close fetches ({}) and one request; each forming candle is refreshed "
                    + "every {} instead (cadence x needed / budget)", jobs.size(), cadence, Math.round(needed),
                    budget.window(), Math.round(room), capacity, Math.round(closes), Duration.ofMillis(period));
        }
        return new RefreshPlan(capacity, windowMs, period, weights);
    }

    /** The refresh period. */
    Duration period() {
        return Duration.ofMillis(periodMs);
    }

    /** Starts the timetable one window after {@code nowMs}. */
    void start(long nowMs) {
        t0 = nowMs + windowMs;
    }

    /** The job's first slot at or after {@code atMs}. */
    long slotAtOrAfter(int job, long atMs) {
        long first = t0 + phases[job];
        if (atMs <= first) {
            return first;
        }
        long k = (atMs - first + periodMs - 1) / periodMs;
        return first + k * periodMs;
    }

    /** The weight one step of the job takes. */
    int weight(int job) {
        return weights[job];
    }

    /** Records a step let go now (held until a window after it returns). */
    void dispatched(Object key, int weight) {
        long[] e = {weight, NOT_RETURNED};
        ledger.add(e);
        running.put(key, e);
    }

    /** Records that a step returned now. */
    void returned(Object key, long nowMs) {
        long[] e = running.remove(key);
        if (e != null) {
            e[1] = nowMs + windowMs;
        }
    }

    /**
     * Whether a step of {@code weight} may go now without taking weight a booked refresh needs: at now and at every
     * booked slot of the coming window, held + booked since now + weight ≤ capacity.
     */
    boolean admits(long nowMs, int weight) {
        ledger.removeIf(e -> e[1] <= nowMs);
        long held = 0;
        for (long[] e : ledger) {
            held += e[0];
        }
        if (held + weight > capacity) {
            return false;
        }
        long[][] byExpiry = ledger.stream().sorted((a, b) -> Long.compare(a[1], b[1]))
                .toArray(long[][]::new);
        int expired = 0;
        long booked = 0;
        for (long[] slot : slots(nowMs, nowMs + windowMs)) {
            while (expired < byExpiry.length && byExpiry[expired][1] <= slot[0]) {
                held -= byExpiry[expired++][0];
            }
            booked += slot[1];
            if (held + booked + weight > capacity) {
                return false;
            }
        }
        return true;
    }

    /** When admission may next change its answer: the next expiry in the ledger or the next booked slot. */
    long nextChange(long nowMs) {
        long next = Long.MAX_VALUE;
        for (long[] e : ledger) {
            if (e[1] > nowMs && e[1] < next) {
                next = e[1];
            }
        }
        List<long[]> s = slots(nowMs + 1, nowMs + windowMs + 1);
        if (!s.isEmpty()) {
            next = Math.min(next, s.get(0)[0]);
        }
        return next == Long.MAX_VALUE ? nowMs + windowMs : next;
    }

    /** Every booked slot in {@code [fromMs, toMs)} as {time, weight}, in time order. */
    private List<long[]> slots(long fromMs, long toMs) {
        List<long[]> out = new ArrayList<>();
        if (toMs <= t0 || phases.length == 0) {
            return out;
        }
        long from = Math.max(fromMs, t0);
        long base = t0 + (from - t0) / periodMs * periodMs;
        int i = lowerBound(phases, from - base);
        while (true) {
            if (i == phases.length) {
                i = 0;
                base += periodMs;
            }
            long at = base + phases[i];
            if (at >= toMs) {
                return out;
            }
            out.add(new long[] {at, weights[i]});
            i++;
        }
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Phases spread over the period in proportion to the cumulative weights. */
    private static long[] phases(long periodMs, int[] weights) {
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        long[] p = new long[weights.length];
        long before = 0;
        for (int i = 0; i < weights.length; i++) {
            p[i] = (long) Math.floor((double) periodMs * before / total);
            before += weights[i];
        }
        return p;
    }

    /**
     * The most booked weight in any window (half-open, {@code windowMs} long) of the repeating timetable, the phases
     * given in ascending order.
     */
    static long busiestWindow(long[] phases, int[] weights, long periodMs, long windowMs) {
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        long laps = windowMs / periodMs;
        long rest = windowMs % periodMs;
        int n = phases.length;
        long[] at = new long[2 * n];
        long[] w = new long[2 * n];
        for (int i = 0; i < n; i++) {
            at[i] = phases[i];
            w[i] = weights[i];
            at[i + n] = at[i] + periodMs;
            w[i + n] = w[i];
        }
        long best = 0;
        long sum = 0;
        int hi = 0;
        for (int lo = 0; lo < n; lo++) { // windows starting at each slot cover every maximum
            while (hi < 2 * n && at[hi] < at[lo] + rest) {
                sum += w[hi++];
            }
            best = Math.max(best, sum);
            sum -= hi > lo ? w[lo] : 0;
            if (hi <= lo) {
                hi = lo + 1;
            }
        }
        return laps * total + best;
    }
}
