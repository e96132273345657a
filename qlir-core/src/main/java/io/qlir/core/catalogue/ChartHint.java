package io.qlir.core.catalogue;

import io.qlir.semantics.RowDerivationSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a chart needs to know to draw one output of an op: over the prices, in a panel of its own, as markers, or in
 * a panel with a threshold whose crossings are marked on the prices.
 * <pre>{@code
 * ChartHint.overlay();                      // an SMA: same scale as the prices
 * ChartHint.threshold("range shock");       // its own panel, a threshold line, events where it is crossed
 * ChartHint.markers(spec -> "close");       // a boolean flag, dotted on the close
 * }</pre>
 *
 * @param placement where the output goes
 * @param panel the panel's title, or null for the output's spec op in lower case
 * @param anchor for markers: the column a flagged bar's dot sits on, from the flag's spec (null or a missing column:
 *     the close)
 */
public record ChartHint(Placement placement, String panel, Function<RowDerivationSpec, String> anchor) {

    /** Where an output is drawn. */
    public enum Placement {
        /** A line over the candles: the output is a price. */
        PRICE_OVERLAY,
        /** A line in a panel below the prices. */
        OWN_PANEL,
        /** Dots on the price panel where a boolean output is true. */
        MARKERS,
        /** A line in its own panel with the chart's threshold, and an event on the prices wherever it is reached. */
        THRESHOLD_PANEL
    }

    /**
     * Validates the components.
     *
     * @param placement where the output goes
     * @param panel the panel's title, or null
     * @param anchor for markers, the column a dot sits on; null elsewhere
     */
    public ChartHint {
        Objects.requireNonNull(placement, "placement");
        anchor = anchor == null ? spec -> null : anchor;
    }

    /**
     * Drawn over the candles.
     *
     * @return the hint
     */
    public static ChartHint overlay() {
        return new ChartHint(Placement.PRICE_OVERLAY, null, null);
    }

    /**
     * Drawn in a panel of its own named after its spec op: what a chart does with an output it knows nothing about.
     *
     * @return the hint
     */
    public static ChartHint ownPanel() {
        return new ChartHint(Placement.OWN_PANEL, null, null);
    }

    /**
     * Dots on the prices where the flag is true.
     *
     * @param anchor the column a dot sits on, from the flag's spec (null: the close)
     * @return the hint
     */
    public static ChartHint markers(Function<RowDerivationSpec, String> anchor) {
        return new ChartHint(Placement.MARKERS, null, anchor);
    }

    /**
     * A panel of its own with the chart's threshold; bars reaching it are marked on the prices.
     *
     * @param panel the panel's title
     * @return the hint
     */
    public static ChartHint threshold(String panel) {
        return new ChartHint(Placement.THRESHOLD_PANEL, Objects.requireNonNull(panel, "panel"), null);
    }

    /**
     * The column a marker sits on for one flag column.
     *
     * @param spec the flag's spec
     * @return the column, or null for the close
     */
    public String anchorOf(RowDerivationSpec spec) {
        return anchor.apply(spec);
    }

    /**
     * A word for help and the docs: {@code overlay}, {@code panel}, {@code markers}, {@code threshold panel}.
     *
     * @return the word
     */
    public String describe() {
        return switch (placement) {
            case PRICE_OVERLAY -> "overlay";
            case OWN_PANEL -> "panel";
            case MARKERS -> "markers";
            case THRESHOLD_PANEL -> "threshold panel";
        };
    }
}
