package io.qlir.binance.load;

import io.qlir.core.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Which candles of the loaded grid are missing, as ranges of open times.
 *
 * <p>The grid runs from {@code from} (or, without one, the first candle loaded), never before the series' first
 * candle, to {@code to} (or, without one, the last candle loaded), never past the newest candle that can have
 * closed by now. Without bounds the report therefore cannot see a store that stopped fetching a while ago; compare
 * {@link #last()} with now. Real upstream gaps (exchange outages) show up here too: they are facts of the market,
 * not faults of the store.
 * <pre>{@code
 * GapReport g = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M1, from, to).gaps();
 * if (!g.isComplete()) System.out.println(g.describe());
 * // 1440 of 1442 1m candles from 2024-01-01T00:00:00Z to 2024-01-02T00:01:00Z; 1 gap, 2 missing:
 * //   2024-01-01T12:00:00Z .. 2024-01-01T12:01:00Z (2)
 * }</pre>
 *
 * @param interval the candle interval
 * @param firstOpenMs the grid's first open time (meaningless when {@code expected == 0})
 * @param lastOpenMs the grid's last open time (meaningless when {@code expected == 0})
 * @param expected how many candles the grid holds
 * @param loaded how many of them were loaded
 * @param gaps the runs of missing candles, in time order
 */
public record GapReport(Interval interval, long firstOpenMs, long lastOpenMs, long expected, long loaded,
                        List<Gap> gaps) {

    /**
     * Copies the list.
     *
     * @param interval the candle interval
     * @param firstOpenMs the grid's first open time
     * @param lastOpenMs the grid's last open time
     * @param expected how many candles the grid holds
     * @param loaded how many of them were loaded
     * @param gaps the runs of missing candles
     */
    public GapReport {
        Objects.requireNonNull(interval, "interval");
        gaps = List.copyOf(gaps);
    }

    /**
     * One run of missing candles.
     *
     * @param firstOpenMs the open time of the first missing candle
     * @param lastOpenMs the open time of the last missing candle (inclusive)
     * @param missing how many candles are missing
     */
    public record Gap(long firstOpenMs, long lastOpenMs, long missing) {

        /**
         * The first missing open time.
         *
         * @return as an instant
         */
        public Instant first() {
            return Instant.ofEpochMilli(firstOpenMs);
        }

        /**
         * The last missing open time.
         *
         * @return as an instant
         */
        public Instant last() {
            return Instant.ofEpochMilli(lastOpenMs);
        }

        @Override
        public String toString() {
            return first() + " .. " + last() + " (" + missing + ")";
        }
    }

    /**
     * How many candles are missing.
     *
     * @return {@code expected - loaded}
     */
    public long missing() {
        return expected - loaded;
    }

    /**
     * Whether every candle of the grid was loaded.
     *
     * @return true when there is no gap
     */
    public boolean isComplete() {
        return gaps.isEmpty();
    }

    /**
     * The grid's first open time.
     *
     * @return the instant, or null for an empty grid
     */
    public Instant first() {
        return expected == 0 ? null : Instant.ofEpochMilli(firstOpenMs);
    }

    /**
     * The grid's last open time.
     *
     * @return the instant, or null for an empty grid
     */
    public Instant last() {
        return expected == 0 ? null : Instant.ofEpochMilli(lastOpenMs);
    }

    /**
     * A few lines for people: the coverage, then each gap (the first 20).
     *
     * @return the description
     */
    public String describe() {
        if (expected == 0) {
            return "no " + interval.wireCode() + " candles in range";
        }
        StringBuilder sb = new StringBuilder().append(loaded).append(" of ").append(expected).append(' ')
                .append(interval.wireCode()).append(" candles from ").append(first()).append(" to ").append(last());
        if (gaps.isEmpty()) {
            return sb.append("; no gaps").toString();
        }
        sb.append("; ").append(gaps.size()).append(gaps.size() == 1 ? " gap, " : " gaps, ").append(missing())
                .append(" missing:");
        for (int i = 0; i < Math.min(20, gaps.size()); i++) {
            sb.append("\n  ").append(gaps.get(i));
        }
        if (gaps.size() > 20) {
            sb.append("\n  ... ").append(gaps.size() - 20).append(" more");
        }
        return sb.toString();
    }

    /**
     * The gaps as a table: {@code first_open_time}, {@code last_open_time} (epoch millis UTC) and {@code missing}.
     *
     * @return one row per gap
     */
    public Table toTable() {
        long[] first = new long[gaps.size()];
        long[] last = new long[gaps.size()];
        long[] missing = new long[gaps.size()];
        for (int i = 0; i < gaps.size(); i++) {
            first[i] = gaps.get(i).firstOpenMs();
            last[i] = gaps.get(i).lastOpenMs();
            missing[i] = gaps.get(i).missing();
        }
        return Table.create("gaps", LongColumn.create("first_open_time", first),
                LongColumn.create("last_open_time", last), LongColumn.create("missing", missing));
    }

    /** The report of a plan's output grid. */
    static GapReport of(LoadPlan plan) {
        Grid grid = plan.grid;
        if (plan.isEmpty()) {
            return new GapReport(grid.interval(), 0, 0, 0, 0, List.of());
        }
        List<Gap> gaps = new ArrayList<>();
        long expected = grid.index(plan.lo, plan.hi) + 1;
        long inLo = Math.max(plan.lo, plan.spanLo);
        long inHi = Math.min(plan.hi, plan.spanHi);
        if (inLo > inHi) {
            gaps.add(gap(grid, plan.lo, plan.hi));
            return new GapReport(grid.interval(), plan.lo, plan.hi, expected, 0, gaps);
        }
        if (plan.lo < inLo) {
            gaps.add(gap(grid, plan.lo, grid.previous(inLo)));
        }
        int end = plan.slot(inHi);
        for (int i = plan.present.nextClear(plan.slot(inLo)); i <= end; ) {
            int next = plan.present.nextSet(i);
            int lastMissing = next < 0 || next > end ? end : next - 1;
            gaps.add(gap(grid, grid.openTime(plan.spanLo, i), grid.openTime(plan.spanLo, lastMissing)));
            if (next < 0 || next > end) {
                break;
            }
            i = plan.present.nextClear(next);
        }
        if (inHi < plan.hi) {
            gaps.add(gap(grid, grid.interval().plus(inHi, 1), plan.hi));
        }
        long missing = gaps.stream().mapToLong(Gap::missing).sum();
        return new GapReport(grid.interval(), plan.lo, plan.hi, expected, expected - missing, gaps);
    }

    private static Gap gap(Grid grid, long first, long last) {
        return new Gap(first, last, grid.index(first, last) + 1);
    }
}
