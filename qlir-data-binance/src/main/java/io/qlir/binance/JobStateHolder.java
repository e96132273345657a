package io.qlir.binance;

import io.qlir.data.slice.SliceStatus;
import java.time.Instant;

/** The mutable state behind a {@link JobState}; written by the worker running the job's step, read by anyone. */
final class JobStateHolder {

    private final FetchJob job;
    private JobPhase phase = JobPhase.STARTING;
    private long attempted;
    private long failed;
    private long rows;
    private String lastError;
    private Instant nextWake;

    JobStateHolder(FetchJob job) {
        this.job = job;
    }

    synchronized JobState snapshot() {
        return new JobState(job, phase, attempted, failed, rows, lastError, nextWake);
    }

    synchronized void phase(JobPhase p, Instant wake) {
        if (phase != JobPhase.FAILED) {
            phase = p;
        }
        nextWake = wake;
    }

    synchronized void attempted(SliceFetch.Outcome o) {
        attempted++;
        rows += o.rows();
        if (o.entry().status() == SliceStatus.FAILED) {
            failed++;
            lastError = o.entry().error();
        }
    }

    synchronized void error(String message) {
        lastError = message;
    }

    synchronized void failedForGood(String message) {
        lastError = message;
        phase = JobPhase.FAILED;
        nextWake = null;
    }
}
