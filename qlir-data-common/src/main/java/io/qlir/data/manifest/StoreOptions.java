package io.qlir.data.manifest;

import io.qlir.data.file.RowFormat;
import io.qlir.data.slice.StatusPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link SliceDirectory} behaves: its clock, status policy, row format and journal durability.
 *
 * <p>"Now" always comes from the clock (the system UTC clock by default; tests and demos pass a fixed one).
 * <pre>{@code
 * StoreOptions opts = StoreOptions.defaults().withClock(Clock.fixed(t, ZoneOffset.UTC));
 * }</pre>
 *
 * @param clock where "now" comes from
 * @param policy the status policy
 * @param rowFormat where raw rows keep their open time
 * @param durability when journal appends are fsynced
 * @param compactAfterLines compact once the journal holds this many lines, or as many as the manifest has
 *     entries, whichever is larger (so compaction stays O(1) per update, amortized)
 */
public record StoreOptions(Clock clock, StatusPolicy policy, RowFormat rowFormat, JournalDurability durability,
                           int compactAfterLines) {

    /**
     * Checks the parts.
     *
     * @param clock where "now" comes from
     * @param policy the status policy
     * @param rowFormat where raw rows keep their open time
     * @param durability when journal appends are fsynced
     * @param compactAfterLines the journal length that triggers compaction (at least 1)
     * @throws NullPointerException when a part is null
     * @throws IllegalArgumentException when {@code compactAfterLines < 1}
     */
    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rowFormat, "rowFormat");
        Objects.requireNonNull(durability, "durability");
        if (compactAfterLines < 1) {
            throw new IllegalArgumentException("bad compactAfterLines " + compactAfterLines + "; valid: >= 1");
        }
    }

    /**
     * The defaults: system UTC clock, default policy, open time first, every append fsynced, compaction after
     * 4096 journal lines (or one per entry).
     *
     * @return the default options
     */
    public static StoreOptions defaults() {
        return new StoreOptions(Clock.systemUTC(), StatusPolicy.defaults(), RowFormat.OPEN_TIME_FIRST,
                JournalDurability.EVERY_APPEND, 4096);
    }

    /**
     * These options with another clock.
     *
     * @param clock where "now" comes from
     * @return new options
     */
    public StoreOptions withClock(Clock clock) {
        return new StoreOptions(clock, policy, rowFormat, durability, compactAfterLines);
    }

    /**
     * These options with another status policy.
     *
     * @param policy the policy
     * @return new options
     */
    public StoreOptions withPolicy(StatusPolicy policy) {
        return new StoreOptions(clock, policy, rowFormat, durability, compactAfterLines);
    }

    /**
     * These options with another row format.
     *
     * @param rowFormat where raw rows keep their open time
     * @return new options
     */
    public StoreOptions withRowFormat(RowFormat rowFormat) {
        return new StoreOptions(clock, policy, rowFormat, durability, compactAfterLines);
    }

    /**
     * These options with another journal durability.
     *
     * @param durability when journal appends are fsynced
     * @return new options
     */
    public StoreOptions withJournalDurability(JournalDurability durability) {
        return new StoreOptions(clock, policy, rowFormat, durability, compactAfterLines);
    }

    /**
     * These options with another compaction threshold.
     *
     * @param lines the journal length that triggers compaction (at least 1)
     * @return new options
     */
    public StoreOptions withCompactAfterLines(int lines) {
        return new StoreOptions(clock, policy, rowFormat, durability, lines);
    }
}
