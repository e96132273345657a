package io.qlir.cli;

import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.FetchProgress;
import io.qlir.binance.FetchSummary;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code qlir serve --agg}: after a series' slice writes, aggregates that series into the Parquet dataset on a
 * thread of its own (the fetch never waits for it). Writes that arrive while an aggregation of the series is queued
 * are folded into it, so a backfill of a thousand slices costs a few aggregations, not a thousand. Each month file
 * written is told to {@code monthWritten} (the {@code qlir_agg_months_written_total} counter under
 * {@code --metrics-address}).
 */
final class AggAfterWrites implements FetchListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AggAfterWrites.class);

    private final FetchListener delegate;
    private final DatasetAggregator aggregator;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qlir-serve-agg");
        t.setDaemon(true);
        return t;
    });
    private final Map<SliceSeries, AtomicBoolean> queued = new ConcurrentHashMap<>();
    private final Consumer<FetchJob> monthWritten;

    AggAfterWrites(FetchListener delegate, DatasetAggregator aggregator, Consumer<FetchJob> monthWritten) {
        this.delegate = delegate;
        this.aggregator = aggregator;
        this.monthWritten = monthWritten;
    }

    @Override
    public void sliceDone(FetchProgress progress) {
        delegate.sliceDone(progress);
        request(progress.job());
    }

    @Override
    public void finished(FetchSummary summary) {
        delegate.finished(summary);
        request(summary.job());
    }

    private void request(FetchJob job) {
        SliceSeries series = job.series();
        AtomicBoolean pending = queued.computeIfAbsent(series, s -> new AtomicBoolean());
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                try {
                    AggregationResult result = Logging.inJob(Logging.jobName(series.venue(), series.endpoint(),
                            series.symbol(), series.interval()), () -> aggregator.aggregate(series));
                    result.written().forEach(month -> monthWritten.accept(job));
                } catch (Exception e) {
                    LOG.warn("{}: aggregation failed (the next write tries again): {}", series, e.getMessage());
                }
            });
        }
    }

    /** Lets a queued aggregation finish (up to a minute), then stops. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
            worker.shutdownNow();
        }
    }
}
