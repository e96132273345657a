package io.qlir.charts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One plot area of a chart, stacked with the others over a shared horizontal axis.
 *
 * @param title the panel's name, also its y-axis label, for example {@code price} or {@code range shock}
 * @param weight its share of the height relative to the other panels (the price panel 3, lower panels 1)
 * @param logScale whether the y axis is logarithmic (points at or below 0 are then left out)
 * @param series what it draws, in drawing order
 */
public record Panel(String title, int weight, boolean logScale, List<ChartSeries> series) {

    /**
     * Validates the components.
     *
     * @param title the panel's name, also its y-axis label, for example {@code price} or {@code range shock}
     * @param weight its share of the height relative to the other panels (the price panel 3, lower panels 1)
     * @param logScale whether the y axis is logarithmic (points at or below 0 are then left out)
     * @param series what it draws, in drawing order
     * @throws IllegalArgumentException when the weight is below 1
     */
    public Panel {
        Objects.requireNonNull(title, "title");
        series = List.copyOf(series);
        if (weight < 1) {
            throw new IllegalArgumentException("panel weight must be >= 1, got " + weight);
        }
    }

    /**
     * The names of its series, in drawing order.
     *
     * @return the names
     */
    public List<String> seriesNames() {
        return series.stream().map(ChartSeries::name).collect(Collectors.toList());
    }
}
