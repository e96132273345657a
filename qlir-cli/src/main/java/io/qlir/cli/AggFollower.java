package io.qlir.cli;

import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.binance.JobPhase;
import io.qlir.binance.JobState;
import io.qlir.core.Candles;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import io.qlir.parquet.MonthFile;
import io.qlir.parquet.ParquetDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The agg server of {@code qlir agg --follow}: every series aggregated again every period on a small pool, one
 * series never waiting for another's failure. After a run that wrote months (and after the first run of each
 * series) the series is handed to the push worker when there is one ({@code --push}); what each run did goes to the
 * telemetry: months written, the job's lag (now minus the close of the newest candle of its dataset), failures. Its
 * jobs' {@linkplain #states() states} are what {@code /health} judges.
 * <pre>{@code
 * AggFollower f = new AggFollower(DatasetAggregator.of(root), root, series, Duration.ofMinutes(1), out, watch, push);
 * f.start();
 * ...
 * f.stop(StopOnShutdown.GRACE);
 * }</pre>
 */
final class AggFollower {

    private static final Logger LOG = LoggerFactory.getLogger(AggFollower.class);

    private final DatasetAggregator aggregator;
    private final Path dataRoot;
    private final List<Follow> follows = new ArrayList<>();
    private final Duration every;
    private final PrintWriter out;
    private final ServeTelemetry watch;
    private final AfterSeriesWrites push;
    private final ScheduledExecutorService pool;

    /** One series followed: its job (for metrics and logs) and what its runs did. */
    private static final class Follow {
        final SliceSeries series;
        final FetchJob job;
        volatile JobPhase phase = JobPhase.STARTING;
        volatile long runs;
        volatile long failures;
        volatile long rows;
        volatile String lastError;
        volatile Instant nextWake;

        Follow(SliceSeries series) {
            this.series = series;
            this.job = new FetchJob(Endpoint.parse(series.endpoint()), series.symbol(), series.interval(),
                    series.limit());
        }
    }

    /**
     * @param push the worker that pushes a series after its months were written, or null without {@code --push}
     */
    AggFollower(DatasetAggregator aggregator, Path dataRoot, List<SliceSeries> series, Duration every,
            PrintWriter out, ServeTelemetry watch, AfterSeriesWrites push) {
        this.aggregator = aggregator;
        this.dataRoot = dataRoot;
        this.every = every;
        this.out = out;
        this.watch = watch;
        this.push = push;
        series.forEach(s -> follows.add(new Follow(s)));
        this.pool = Executors.newScheduledThreadPool(Math.min(series.size(), 4), r -> {
            Thread t = new Thread(r, "qlir-agg");
            t.setDaemon(true);
            return t;
        });
    }

    /** The jobs, one per series, in the order given. */
    List<FetchJob> jobs() {
        return follows.stream().map(f -> f.job).toList();
    }

    /** Schedules every series: a first run now, then one every period after the previous ended. */
    void start() {
        for (Follow f : follows) {
            pool.scheduleWithFixedDelay(() -> runOnce(f), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A snapshot of every series as a data-server job would report it: sleeping between runs, fetching while one
     * runs, stopped once {@link #stop} was called; a run counts as a slice attempted, a failed run as a failed slice.
     */
    List<JobState> states() {
        List<JobState> out = new ArrayList<>(follows.size());
        for (Follow f : follows) {
            out.add(new JobState(f.job, f.phase, f.runs, f.failures, f.rows, f.lastError, f.nextWake));
        }
        return out;
    }

    private void runOnce(Follow f) {
        if (f.phase == JobPhase.STOPPED) {
            return;
        }
        boolean first = f.runs == 0;
        f.phase = JobPhase.FETCHING;
        try {
            AggregationResult r = AggCommand.run(aggregator, f.series);
            boolean wrote = !r.nothingNew();
            if (wrote) {
                synchronized (out) {
                    out.println(r.describe());
                    out.flush();
                }
            }
            f.rows += r.rowsWritten();
            f.lastError = null;
            watch.aggregated(f.job, r.written().size(),
                    wrote || first ? newestOpenMs(f.series) : OptionalLong.empty());
            if (push != null && (wrote || first)) {
                push.request(f.job);
            }
        } catch (Exception e) {
            f.failures++;
            f.lastError = e.getMessage();
            watch.aggFailed(f.job, String.valueOf(e.getMessage()));
            LOG.warn("{}: {}", f.series, e.getMessage());
        } finally {
            f.runs++;
            f.nextWake = Instant.now().plus(every);
            if (f.phase != JobPhase.STOPPED) {
                f.phase = JobPhase.SLEEPING;
            }
        }
    }

    /** The open time of the newest candle in the series' dataset (the last row of its newest month file). */
    private OptionalLong newestOpenMs(SliceSeries series) throws IOException {
        List<MonthFile> months = ParquetDataset.months(dataRoot, series);
        for (int i = months.size() - 1; i >= 0; i--) {
            Table t = ParquetDataset.readMonth(months.get(i).file());
            if (t.rowCount() > 0) {
                return OptionalLong.of(Candles.openInstant(t, t.rowCount() - 1).toEpochMilli());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Stops scheduling, lets the runs in flight finish within {@code bound} (a run still going is abandoned: every
     * month file is replaced atomically), then the pushes they queued in what is left of it.
     */
    void stop(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        follows.forEach(f -> f.phase = JobPhase.STOPPED);
        pool.shutdown();
        if (!pool.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS)) {
            pool.shutdownNow();
        }
        if (push != null) {
            push.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
