package io.qlir.semantics;

/** Whether a column is a result the caller asked for, or a step on the way that the op may drop. */
public enum Scope {
    /** A column the caller asked for; it stays in the result. */
    OUTPUT,
    /** A helper column (for example {@code range_pct}); dropped by default, with a DROPPED event. */
    INTERMEDIATE
}
