package io.qlir.charts;

import io.qlir.ops.study.Direction;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a chart of the SMA persistence study shows: size, title, which windows and directions, how far along the run
 * length, and whether the survival axis is logarithmic.
 * <pre>{@code
 * StudyChartOptions o = StudyChartOptions.builder().windows(10, 20, 50).directions(Direction.UP).build();
 * }</pre>
 *
 * @param width the image width in pixels, 100..10000
 * @param height the image height in pixels, 100..10000
 * @param title the chart's title
 * @param windows the windows to draw; empty picks up to six spread over the study's windows
 * @param directions the directions to draw, at least one
 * @param maxLength the longest run length on the axis; 0 for automatic: the largest 99th percentile of the run
 *     lengths drawn
 * @param logScale whether the survival axis is logarithmic (tails are easier to compare)
 */
public record StudyChartOptions(int width, int height, String title, List<Integer> windows, Set<Direction> directions,
        int maxLength, boolean logScale) {

    /**
     * Validates the components.
     *
     * @param width the image width in pixels, 100..10000
     * @param height the image height in pixels, 100..10000
     * @param title the chart's title
     * @param windows the windows to draw; empty picks up to six spread over the study's windows
     * @param directions the directions to draw, at least one
     * @param maxLength the longest run length on the axis; 0 for automatic: the largest 99th percentile of the run
     *     lengths drawn
     * @param logScale whether the survival axis is logarithmic
     * @throws IllegalArgumentException for a bad size, no direction, or a negative max length
     */
    public StudyChartOptions {
        ChartSize.check(width, height);
        Objects.requireNonNull(title, "title");
        windows = List.copyOf(windows);
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study chart needs at least one direction: up, down or both");
        }
        directions = Set.copyOf(directions);
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0 (0 = automatic), got " + maxLength);
        }
    }

    /**
     * The defaults: 1600x900, up to six windows, both directions, automatic length, linear axis.
     *
     * @return the options
     */
    public static StudyChartOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StudyChartOptions}. */
    public static final class Builder {
        private int width = 1600;
        private int height = 900;
        private String title = "SMA direction persistence";
        private List<Integer> windows = List.of();
        private Set<Direction> directions = EnumSet.allOf(Direction.class);
        private int maxLength;
        private boolean logScale;

        private Builder() {
        }

        /**
         * The image size.
         *
         * @param widthPx width in pixels
         * @param heightPx height in pixels
         * @return this builder
         */
        public Builder size(int widthPx, int heightPx) {
            this.width = widthPx;
            this.height = heightPx;
            return this;
        }

        /**
         * The title.
         *
         * @param text the title
         * @return this builder
         */
        public Builder title(String text) {
            this.title = text;
            return this;
        }

        /**
         * The windows to draw (each must be one the study ran).
         *
         * @param values the windows
         * @return this builder
         */
        public Builder windows(int... values) {
            this.windows = java.util.Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toList());
            return this;
        }

        /**
         * The directions to draw.
         *
         * @param values one or both
         * @return this builder
         */
        public Builder directions(Direction... values) {
            this.directions = values.length == 0 ? Set.of() : EnumSet.copyOf(List.of(values));
            return this;
        }

        /**
         * The longest run length on the axis.
         *
         * @param length 0 for automatic
         * @return this builder
         */
        public Builder maxLength(int length) {
            this.maxLength = length;
            return this;
        }

        /**
         * Whether the survival axis is logarithmic.
         *
         * @param log true for a log axis
         * @return this builder
         */
        public Builder logScale(boolean log) {
            this.logScale = log;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException as the record's constructor
         */
        public StudyChartOptions build() {
            return new StudyChartOptions(width, height, title, windows, directions, maxLength, logScale);
        }
    }
}
