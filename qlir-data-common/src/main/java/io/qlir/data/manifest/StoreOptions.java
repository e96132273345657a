package io.qlir.data.manifest;

import io.qlir.data.file.RowFormat;
import io.qlir.data.slice.StatusPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How a writer of the store behaves: its clock, status policy, row format, journal durability and compaction.
 *
 * <p>{@link SliceDirectory#open(java.nio.file.Path, SliceSeries, StoreOptions)} takes it, and so do the venue
 * modules' fetchers and servers, so a store option is set in one place. "Now" always comes from the clock (the
 * system UTC clock by default; tests and demos pass a fixed or manual one): this is the one way to give the store
 * a clock. Immutable; {@link #toBuilder()} makes a changed copy.
 * <pre>{@code
 * StoreOptions opts = StoreOptions.builder().clock(Clock.fixed(t, ZoneOffset.UTC)).build();
 * StoreOptions fast = opts.toBuilder().journalDurability(JournalDurability.BATCHED).build();
 * }</pre>
 */
public final class StoreOptions {

    private static final StoreOptions DEFAULTS = new Builder().build();

    private final Clock clock;
    private final StatusPolicy policy;
    private final RowFormat rowFormat;
    private final JournalDurability durability;
    private final int compactAfterLines;

    private StoreOptions(Builder b) {
        this.clock = b.clock;
        this.policy = b.policy;
        this.rowFormat = b.rowFormat;
        this.durability = b.durability;
        this.compactAfterLines = b.compactAfterLines;
    }

    /**
     * The defaults: system UTC clock, default policy, open time first, every append fsynced, compaction after
     * 4096 journal lines (or one per entry).
     *
     * @return the default options
     */
    public static StoreOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Where "now" comes from.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The status policy.
     *
     * @return the policy
     */
    public StatusPolicy policy() {
        return policy;
    }

    /**
     * Where raw rows keep their open time.
     *
     * @return the row format
     */
    public RowFormat rowFormat() {
        return rowFormat;
    }

    /**
     * When journal appends are fsynced.
     *
     * @return the durability
     */
    public JournalDurability durability() {
        return durability;
    }

    /**
     * Compact once the journal holds this many lines, or as many as the manifest has entries, whichever is larger
     * (so compaction stays O(1) per update, amortized).
     *
     * @return the threshold, at least 1
     */
    public int compactAfterLines() {
        return compactAfterLines;
    }

    @Override
    public String toString() {
        return "StoreOptions{clock=" + clock + ", policy=" + policy + ", rowFormat=" + rowFormat + ", durability="
                + durability + ", compactAfterLines=" + compactAfterLines + "}";
    }

    /** Collects {@link StoreOptions}; every option starts at its default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private StatusPolicy policy = StatusPolicy.defaults();
        private RowFormat rowFormat = RowFormat.OPEN_TIME_FIRST;
        private JournalDurability durability = JournalDurability.EVERY_APPEND;
        private int compactAfterLines = 4096;

        private Builder() {
        }

        private Builder(StoreOptions o) {
            this.clock = o.clock;
            this.policy = o.policy;
            this.rowFormat = o.rowFormat;
            this.durability = o.durability;
            this.compactAfterLines = o.compactAfterLines;
        }

        /**
         * Where "now" comes from (default the system UTC clock).
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The status policy (default {@link StatusPolicy#defaults()}).
         *
         * @param p the policy
         * @return this builder
         */
        public Builder policy(StatusPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * Where raw rows keep their open time (default {@link RowFormat#OPEN_TIME_FIRST}).
         *
         * @param f the row format
         * @return this builder
         */
        public Builder rowFormat(RowFormat f) {
            this.rowFormat = Objects.requireNonNull(f, "rowFormat");
            return this;
        }

        /**
         * When journal appends are fsynced (default every append).
         *
         * @param d the durability
         * @return this builder
         */
        public Builder journalDurability(JournalDurability d) {
            this.durability = Objects.requireNonNull(d, "durability");
            return this;
        }

        /**
         * The journal length that triggers compaction (default 4096).
         *
         * @param lines at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code lines < 1}
         */
        public Builder compactAfterLines(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("bad compactAfterLines " + lines + "; valid: >= 1");
            }
            this.compactAfterLines = lines;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public StoreOptions build() {
            return new StoreOptions(this);
        }
    }
}
