package io.qlir.ops.study;

/**
 * How the bars of one SMA window split by direction: the context for its runs (many flat bars, for example, mean
 * that rounding with {@code decimals} is coarse against the price's moves).
 *
 * @param window the SMA window
 * @param firstDefinedRow the first row with a defined direction (the row after the SMA's warm-up), or -1 if none
 * @param definedBars bars with a defined direction (up, down or flat)
 * @param upBars bars whose SMA rose
 * @param downBars bars whose SMA fell
 * @param flatBars bars whose SMA did not change
 */
public record WindowBars(int window, int firstDefinedRow, int definedBars, int upBars, int downBars, int flatBars) {
}
