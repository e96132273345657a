package io.qlir.charts;

/** The limits of a chart's size, checked in one place. */
final class ChartSize {

    static final int MAX = 10_000;

    private ChartSize() {
    }

    static void check(int width, int height) {
        if (width < 100 || height < 100 || width > MAX || height > MAX) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is invalid; width and "
                    + "height must be 100.." + MAX + " pixels, for example 1600x900");
        }
    }
}
