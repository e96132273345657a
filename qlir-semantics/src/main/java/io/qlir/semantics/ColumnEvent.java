package io.qlir.semantics;

import java.util.Objects;

/**
 * Something an op did to a column, so that no column appears or disappears silently.
 *
 * @param kind created or dropped
 * @param column the column's name
 * @param op the op that did it (for example {@code ARP})
 * @param reason why, in a few words (for a drop: {@code "intermediate of arp_14; keepIntermediates=false"})
 */
public record ColumnEvent(Kind kind, String column, String op, String reason) {

    /** What happened to the column. */
    public enum Kind {
        /** The op added the column. */
        CREATED,
        /** The op computed the column as a step and removed it from the result. */
        DROPPED
    }

    /**
     * Validates the components.
     *
     * @param kind created or dropped
     * @param column the column's name
     * @param op the op that did it (for example {@code ARP})
     * @param reason why, in a few words (for a drop: {@code "intermediate of arp_14; keepIntermediates=false"})
     */
    public ColumnEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A CREATED event.
     *
     * @param column the new column
     * @param op the op that created it
     * @param scope whether it is an output or an intermediate
     * @return the event
     */
    public static ColumnEvent created(String column, String op, Scope scope) {
        return new ColumnEvent(Kind.CREATED, column, op, scope.name());
    }

    /**
     * A DROPPED event.
     *
     * @param column the dropped column
     * @param op the op that dropped it
     * @param reason why it was dropped
     * @return the event
     */
    public static ColumnEvent dropped(String column, String op, String reason) {
        return new ColumnEvent(Kind.DROPPED, column, op, reason);
    }

    /**
     * One log line: {@code DROPPED range_pct by ARP (intermediate of arp_14)}.
     *
     * @return the rendered event
     */
    public String render() {
        return kind + " " + column + " by " + op + " (" + reason + ")";
    }

    @Override
    public String toString() {
        return render();
    }
}
