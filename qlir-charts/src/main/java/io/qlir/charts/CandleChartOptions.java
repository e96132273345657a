package io.qlir.charts;

import io.qlir.core.Op;
import io.qlir.core.catalogue.OpLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a candle chart shows and how big it is: size, title, the ops whose columns are drawn, how many of the last
 * bars are shown, and the range-shock threshold that marks an event.
 *
 * <p>Indicators are computed over the whole table and only the bars in {@code [from, to]}, at most the last
 * {@code lastBars} of them, are drawn, so the averages on screen are past their warm-up. Where each column goes is
 * the op catalogue's chart hint for its spec op: moving averages, Bollinger bands and VWAP over the candles; band
 * touches and boolean flags as markers; range shocks in a threshold panel below, with every bar at or above the
 * threshold marked on the candles; any other number in a panel of its own.
 * <pre>{@code
 * CandleChartOptions o = CandleChartOptions.builder().size(1600, 900).title("BTCUSDT 1m")
 *         .ops("sma(close,20,50); bollinger(close,20,2); band_touches(close,20,2); range_shock(14)").build();
 * }</pre>
 *
 * @param width the image width in pixels, 100..10000
 * @param height the image height in pixels, 100..10000
 * @param title the chart's title
 * @param ops the ops whose new columns are drawn, in order (may be empty: candles only, or a derived table's own
 *     columns)
 * @param lastBars how many of the last bars to draw, at least 1
 * @param shockThreshold a range shock at or above this marks an event (2.0: a bar twice as wide as its baseline)
 * @param from draw only bars opening at or after this, or {@code null} for no bound
 * @param to draw only bars opening at or before this, or {@code null} for no bound
 */
public record CandleChartOptions(int width, int height, String title, List<Op> ops, int lastBars,
        double shockThreshold, Instant from, Instant to) {

    /** The ops of {@link #standard()}: two SMAs, Bollinger bands with touches, and range shock. */
    public static final String STANDARD_OPS =
            "sma(close,20,50); bollinger(close,20,2); band_touches(close,20,2); range_shock(14)";

    /**
     * Validates the components.
     *
     * @param width the image width in pixels, 100..10000
     * @param height the image height in pixels, 100..10000
     * @param title the chart's title
     * @param ops the ops whose new columns are drawn, in order
     * @param lastBars how many of the last bars to draw, at least 1
     * @param shockThreshold a range shock at or above this marks an event
     * @param from draw only bars opening at or after this, or {@code null} for no bound
     * @param to draw only bars opening at or before this, or {@code null} for no bound
     * @throws IllegalArgumentException for a size outside 100..10000, fewer than 1 bar, a threshold that is not a
     *     positive number, or {@code from} after {@code to}
     */
    public CandleChartOptions {
        ChartSize.check(width, height);
        Objects.requireNonNull(title, "title");
        ops = List.copyOf(ops);
        if (lastBars < 1) {
            throw new IllegalArgumentException("lastBars must be at least 1, got " + lastBars);
        }
        if (!(shockThreshold > 0) || Double.isInfinite(shockThreshold)) {
            throw new IllegalArgumentException("shock threshold must be a positive number such as 2.0, got "
                    + shockThreshold);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("chart range start " + from + " is after its end " + to);
        }
    }

    /**
     * The standard picture: {@value #STANDARD_OPS}, 1600x900, the last 300 bars, shocks at 2.0.
     *
     * @return the options
     */
    public static CandleChartOptions standard() {
        return builder().ops(STANDARD_OPS).build();
    }

    /**
     * A builder: 1600x900, title {@code candles}, no ops, the last 300 bars, shocks at 2.0.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CandleChartOptions}. */
    public static final class Builder {
        private int width = 1600;
        private int height = 900;
        private String title = "candles";
        private List<Op> ops = List.of();
        private int lastBars = 300;
        private double shockThreshold = 2.0;
        private Instant from;
        private Instant to;

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
         * @param text the title, for example {@code BTCUSDT 1m}
         * @return this builder
         */
        public Builder title(String text) {
            this.title = text;
            return this;
        }

        /**
         * The ops to draw.
         *
         * @param values the ops
         * @return this builder
         */
        public Builder ops(List<Op> values) {
            this.ops = List.copyOf(values);
            return this;
        }

        /**
         * The ops to draw, in the op language.
         *
         * @param text ops separated by {@code ;}, for example {@code sma(close,20,50); range_shock(14)}
         * @return this builder
         * @throws IllegalArgumentException when an op does not parse
         */
        public Builder ops(String text) {
            this.ops = text == null || text.isBlank() ? List.of() : OpLanguage.parseAll(text);
            return this;
        }

        /**
         * How many of the last bars to draw.
         *
         * @param bars at least 1
         * @return this builder
         */
        public Builder lastBars(int bars) {
            this.lastBars = bars;
            return this;
        }

        /**
         * The range shock at or above which a bar is marked as an event.
         *
         * @param threshold a positive number, for example 2.0
         * @return this builder
         */
        public Builder shockThreshold(double threshold) {
            this.shockThreshold = threshold;
            return this;
        }

        /**
         * Draws only the bars opening in {@code [start, end]} (then at most {@link #lastBars(int)} of them). Load a
         * warm-up's worth of bars before {@code start} so that the averages are defined from the first bar drawn.
         *
         * @param start the first open time drawn, or {@code null} for no bound
         * @param end the last open time drawn, or {@code null} for no bound
         * @return this builder
         */
        public Builder between(Instant start, Instant end) {
            this.from = start;
            this.to = end;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException as the record's constructor
         */
        public CandleChartOptions build() {
            return new CandleChartOptions(width, height, title, ops, lastBars, shockThreshold, from, to);
        }
    }
}
