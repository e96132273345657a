/**
 * PNG charts of candles, indicators, band touches, range shocks and study results, through the
 * {@link io.qlir.charts.Charts} façade.
 *
 * <p><b>Key mental model.</b> A chart is made in two steps. First a {@link io.qlir.charts.ChartSpec} is built from
 * data: panels stacked over one horizontal axis, each holding named {@link io.qlir.charts.ChartSeries} with their
 * points.
 * For candle charts the placement follows the columns' derivation specs, not their names: moving averages, Bollinger
 * bands and VWAP go over the candles, band touches become dots on the line they touched, range shock gets its own
 * panel with its threshold, and every bar at or above it is marked over the candles. Then the spec is drawn with
 * JFreeChart, headless, into a PNG of the requested size. The spec is the contract: what it lists is what is drawn,
 * so tests and tools check the spec instead of pixels. Charting dependencies stay in this module; qlir-core and
 * qlir-ops know nothing of them.
 * <pre>{@code
 * ChartSpec spec = Charts.candles(candles, CandleChartOptions.standard());
 * spec.seriesNames();                      // what will be drawn
 * Charts.writePng(spec, Path.of("chart.png"));
 * }</pre>
 */
package io.qlir.charts;
