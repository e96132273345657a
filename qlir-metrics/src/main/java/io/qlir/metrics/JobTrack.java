package io.qlir.metrics;

import io.qlir.binance.FetchJob;
import java.time.Instant;

/** What the metrics know about one job beyond its counters: the newest stored candle, the last write, failing. */
final class JobTrack {

    private final FetchJob job;
    private long newestOpenMs = Long.MIN_VALUE;
    private Instant lastWrite;
    private boolean failing;
    private String lastError;

    JobTrack(FetchJob job) {
        this.job = job;
    }

    FetchJob job() {
        return job;
    }

    synchronized void stored(long openMs) {
        newestOpenMs = Math.max(newestOpenMs, openMs);
    }

    synchronized void wrote(Instant at) {
        lastWrite = at;
        failing = false;
    }

    /** A step of the job succeeded without writing (an aggregation with nothing new): no longer failing. */
    synchronized void recovered() {
        failing = false;
    }

    synchronized void failed(String message) {
        failing = true;
        lastError = message;
    }

    synchronized Instant lastWrite() {
        return lastWrite;
    }

    synchronized boolean failing() {
        return failing;
    }

    synchronized String lastError() {
        return lastError;
    }

    /**
     * Now minus the end of the newest closed candle stored: the forming candle (its end still ahead) does not
     * count, its predecessor does.
     *
     * @return seconds, or NaN while the store holds no candle of the job
     */
    synchronized double lagSeconds(long nowMs) {
        if (newestOpenMs == Long.MIN_VALUE) {
            return Double.NaN;
        }
        long end = job.interval().plus(newestOpenMs, 1);
        long closedEnd = end <= nowMs ? end : newestOpenMs;
        return Math.max(0, nowMs - closedEnd) / 1000.0;
    }
}
