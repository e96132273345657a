package io.qlir.ops.study;

import java.util.Objects;

/**
 * A run cut by the edge of the data (or by undefined rows), so that its length is a lower bound only.
 *
 * @param window the SMA window
 * @param direction the run's direction
 * @param censoring which end was cut
 * @param startRow the row index of the run's first bar
 * @param length the bars seen, at least 1
 */
public record CensoredRun(int window, Direction direction, Censoring censoring, int startRow, int length) {

    /**
     * Validates the components.
     *
     * @param window the SMA window
     * @param direction the run's direction
     * @param censoring which end was cut
     * @param startRow the row index of the run's first bar
     * @param length the bars seen, at least 1
     * @throws IllegalArgumentException when the length is below 1 or the start row is negative
     */
    public CensoredRun {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(censoring, "censoring");
        if (length < 1 || startRow < 0) {
            throw new IllegalArgumentException("a censored run needs length >= 1 and startRow >= 0, got length="
                    + length + ", startRow=" + startRow);
        }
    }
}
