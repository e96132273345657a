package io.qlir.binance;

import io.qlir.data.slice.SliceStatus;
import java.time.Duration;

/** Counts one run's slices, rows and requests (thread-safe), and turns them into progress and a summary. */
final class ProgressMeter {

    private final FetchJob job;
    private final long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int complete;
    private int partial;
    private int empty;
    private int failed;
    private long rows;
    private int requests;
    private int retries;
    private int http429;
    private int http418;

    ProgressMeter(FetchJob job) {
        this.job = job;
    }

    synchronized void expect(int slices) {
        total = slices;
    }

    /** Follow mode: the slices due in a new round come on top of those already done. */
    synchronized void expectMore(int slices) {
        total = done + slices;
    }

    synchronized void call(CallInfo c) {
        if (c != null) {
            requests += c.requests();
            retries += c.retries();
            http429 += c.http429();
            http418 += c.http418();
        }
    }

    /** Records an attempted slice and returns the progress after it. */
    synchronized FetchProgress record(SliceFetch.Outcome o) {
        call(o.call());
        done++;
        rows += o.rows();
        SliceStatus s = o.entry().status();
        if (s == SliceStatus.COMPLETE) {
            complete++;
        } else if (s == SliceStatus.PARTIAL) {
            partial++;
        } else if (s == SliceStatus.EMPTY) {
            empty++;
        } else {
            failed++;
        }
        return new FetchProgress(job, done, Math.max(total, done), failed, rows, elapsed(), o.key(),
                o.entry().verdict());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    synchronized FetchSummary summary(FetchRun.Range range, io.qlir.data.manifest.ManifestSummary store,
                                      String stoppedBy) {
        return new FetchSummary(job, range == null ? null : range.from(), range == null ? null : range.to(),
                range == null ? 0 : range.slices(), done, complete, partial, empty, failed, rows, requests,
                retries, http429, http418, elapsed(), store, stoppedBy);
    }
}
