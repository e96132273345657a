package io.qlir.charts;

/** How a series is drawn. */
public enum SeriesKind {
    /** Open, high, low, close candles. */
    CANDLES,
    /** A line through every defined point (gaps where the value is undefined). */
    LINE,
    /** A line with a dot at every point (study curves; the dots are left out beyond 80 points). */
    LINE_WITH_DOTS,
    /** A dot at each point only: band touches, boolean flags. */
    MARKERS,
    /** A triangle above the bar at each event: range shocks over the threshold. */
    EVENTS,
    /** A constant horizontal line: a threshold. */
    THRESHOLD
}
