package io.qlir.testkit;

import io.qlir.core.SyntheticMarket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which kline requests the fake Binance answers with a fault, decided by a seed: the same request asked the
 * {@code n}-th time gets the same verdict in every run, whatever the order in which concurrent requests arrive, and
 * a retry is a new draw (so retries eventually get through).
 * <pre>{@code
 * FaultPlan tenPercent = FaultPlan.random(0.10, 42, Fault.SERVER_ERROR, Fault.RESET, Fault.TRUNCATED_BODY,
 *         Fault.MALFORMED_JSON);
 * }</pre>
 * Random faults apply to klines and uiKlines requests only; use {@link FakeBinance#enqueueFaults(Fault...)} to
 * script faults on any request.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(0, 0, List.of());

    private final double probability;
    private final long seed;
    private final List<Fault> kinds;

    private FaultPlan(double probability, long seed, List<Fault> kinds) {
        this.probability = probability;
        this.seed = seed;
        this.kinds = kinds;
    }

    /**
     * No faults.
     *
     * @return the empty plan
     */
    public static FaultPlan none() {
        return NONE;
    }

    /**
     * Each kline request independently faulty with a probability, the kind drawn uniformly from {@code kinds}.
     *
     * @param probability in {@code [0, 1]}
     * @param seed the seed of the draws
     * @param kinds the faults to draw from (not {@link Fault#TOO_MANY_REQUESTS} or {@link Fault#BANNED}, which
     *     the fake's own rate limit produces)
     * @return the plan
     * @throws IllegalArgumentException for a probability outside {@code [0, 1]}, no kinds, or a rate-limit kind
     */
    public static FaultPlan random(double probability, long seed, Fault... kinds) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault probability must be in [0, 1], got " + probability);
        }
        List<Fault> list = List.of(kinds);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("name at least one fault kind, for example Fault.SERVER_ERROR");
        }
        if (list.contains(Fault.TOO_MANY_REQUESTS) || list.contains(Fault.BANNED)) {
            throw new IllegalArgumentException("429 and 418 come from the fake's weight limit (or enqueueFaults), "
                    + "not from a random plan; kinds were " + list);
        }
        return new FaultPlan(probability, seed, list);
    }

    /**
     * The probability of a fault per request.
     *
     * @return in {@code [0, 1]}
     */
    public double probability() {
        return probability;
    }

    /**
     * The kinds drawn from.
     *
     * @return the kinds
     */
    public List<Fault> kinds() {
        return kinds;
    }

    /** The verdict for the {@code occurrence}-th arrival (0-based) of the request {@code key}. */
    Optional<Fault> decide(String key, int occurrence) {
        if (probability == 0) {
            return Optional.empty();
        }
        long h = SyntheticMarket.symbolSeed(seed, key);
        if (SyntheticMarket.uniform(h, occurrence, 0) >= probability) {
            return Optional.empty();
        }
        int k = (int) (SyntheticMarket.uniform(h, occurrence, 1) * kinds.size());
        return Optional.of(kinds.get(Math.min(k, kinds.size() - 1)));
    }

    @Override
    public String toString() {
        return probability == 0 ? "FaultPlan.none()" : "FaultPlan.random(" + probability + ", " + seed + ", " + kinds
                + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultPlan p && Double.compare(p.probability, probability) == 0 && p.seed == seed
                && p.kinds.equals(kinds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(probability, seed, kinds);
    }
}
