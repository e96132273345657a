package io.qlir.metrics;

/** The overall state {@code /health} reports. */
public enum HealthStatus {
    /** Every job runs and is current. */
    UP,
    /** Some job lags past the threshold, is failing, or ended; the process still serves the others. */
    DEGRADED,
    /** No job runs any more (or there is none). */
    DOWN;

    /**
     * The HTTP status {@code /health} answers with: 200 for UP and DEGRADED (the process is alive and useful),
     * 503 for DOWN.
     *
     * @return 200 or 503
     */
    public int httpStatus() {
        return this == DOWN ? 503 : 200;
    }
}
