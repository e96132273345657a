package io.qlir.cli;

import io.qlir.binance.FetchJob;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.s3.PushFilter;
import io.qlir.s3.PushReport;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3PushException;
import io.qlir.s3.S3Pusher;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code serve --push} and {@code agg --follow --push}: the step that mirrors one series to object storage after its
 * writes, run by an {@link AfterSeriesWrites} worker. It pushes what {@code qlir push --symbol --interval --endpoint}
 * would: the series' slice files and manifest, and its Parquet months, incrementally (only files whose SHA-256
 * changed), manifests last. A failure is counted ({@code qlir_push_failures_total}) and thrown, so the worker logs
 * it; the series' next write pushes again, and what the failed push did not finish goes then.
 * <pre>{@code
 * AfterSeriesWrites push = new AfterSeriesWrites("push", new PushAfterWrites(pusher, root, to, watch));
 * }</pre>
 */
final class PushAfterWrites implements AfterSeriesWrites.Step {

    private final S3Pusher pusher;
    private final Path dataRoot;
    private final S3Location to;
    private final ServeTelemetry watch;

    PushAfterWrites(S3Pusher pusher, Path dataRoot, S3Location to, ServeTelemetry watch) {
        this.pusher = pusher;
        this.dataRoot = dataRoot;
        this.to = to;
        this.watch = watch;
    }

    /** The files of one series, slices and dataset, as {@code qlir push} filters them. */
    static PushFilter filter(SliceSeries series) {
        return PushFilter.all().withEndpoint(series.endpoint()).withSymbol(series.symbol())
                .withInterval(series.interval().folderName());
    }

    /** The last line of a command that pushed: {@code pushed to s3://B/P: 12 pushes, 1 failed}. */
    static String summaryLine(S3Location to, AfterSeriesWrites pushing) {
        return "pushed to " + to + ": " + pushing.runs() + " pushes, " + pushing.failures() + " failed";
    }

    @Override
    public void run(FetchJob job) throws IOException, S3PushException {
        PushReport report;
        try {
            report = pusher.push(dataRoot, to, filter(job.series()));
        } catch (IOException | S3PushException | RuntimeException e) {
            watch.pushed(job, 0, true);
            throw e;
        }
        watch.pushed(job, report.uploaded(), false);
    }
}
