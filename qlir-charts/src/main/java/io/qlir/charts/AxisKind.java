package io.qlir.charts;

/** What the horizontal axis of a chart counts. */
public enum AxisKind {
    /** Time: x values are epoch millis UTC (candle open times). */
    TIME,
    /** Plain numbers: run lengths, for example. */
    NUMBER
}
