package io.qlir.semantics;

/**
 * When a column's value at row {@code i} can be known.
 *
 * <p>Both alignments only read rows up to {@code i}; they differ in what a trading decision at the close of bar
 * {@code i} may use. An {@code EXECUTION_SAFE} range shock compares bar {@code i} to a baseline of the bars
 * <em>before</em> it, so the ratio is a fair signal at that close; a {@code HISTORICAL} one puts bar {@code i} in its
 * own baseline, which is fine for describing history but damps the very shock it measures.
 */
public enum Alignment {
    /** Usable at the close of bar {@code i}: a baseline or reference never includes the bar it is compared with. */
    EXECUTION_SAFE,
    /** Descriptive: the reference may include bar {@code i} itself. */
    HISTORICAL
}
