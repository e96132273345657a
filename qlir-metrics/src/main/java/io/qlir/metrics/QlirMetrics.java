package io.qlir.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qlir.binance.FetchJob;
import io.qlir.binance.FetchListener;
import io.qlir.binance.JobFailureKind;
import io.qlir.binance.RequestListener;
import io.qlir.binance.RequestOutcome;
import io.qlir.data.budget.WeightBudget;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of a running store: hears the client ({@link RequestListener}) and the jobs ({@link FetchListener}),
 * reads the weight budget, and renders everything in the Prometheus text format, JVM meters included.
 *
 * <p>Every label value comes from a closed set (endpoint, outcome, status, failure kind) or from the jobs given at
 * start ({@code job} is {@link FetchJob#name()}, for example {@code binance-klines-BTCUSDT-1m}): nothing per request.
 * The series are listed in {@code docs/metrics.md}.
 * <pre>{@code
 * QlirMetrics metrics = QlirMetrics.create(clock);
 * BinanceClient client = BinanceClient.builder().requestListener(metrics).build();
 * metrics.bindBudget(client.budget());
 * BinanceDataServer server = BinanceDataServer.builder(client, root).listener(metrics).jobs(jobs).start();
 * String text = metrics.scrape();   // qlir_requests_total{endpoint="klines",outcome="ok"} 12.0 ...
 * }</pre>
 */
public final class QlirMetrics implements FetchListener, RequestListener {

    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final Map<FetchJob, JobTrack> tracks = new ConcurrentHashMap<>();

    private QlirMetrics(PrometheusMeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Meters in a new Prometheus registry, with the JVM's own (memory, GC, threads, class loading, CPU, uptime).
     *
     * @param clock the clock job lag is measured by (the client's, so tests can fix it)
     * @return the metrics
     */
    public static QlirMetrics create(Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        QlirMetrics m = new QlirMetrics(registry, Objects.requireNonNull(clock, "clock"));
        m.registry.counter("qlir.retries");
        return m;
    }

    /**
     * Adds the gauges {@code qlir_request_weight_used} and {@code qlir_request_weight_limit}, read from the budget's
     * snapshot at each scrape.
     *
     * @param budget the process's shared budget
     * @return this
     */
    public QlirMetrics bindBudget(WeightBudget budget) {
        Objects.requireNonNull(budget, "budget");
        Gauge.builder("qlir.request.weight.used", budget, b -> b.snapshot().used())
                .description("Request weight the shared budget counts now (its window)").register(registry);
        Gauge.builder("qlir.request.weight.limit", budget, b -> b.snapshot().capacity())
                .description("Request weight the shared budget allows per window").register(registry);
        return this;
    }

    /**
     * Registers jobs up front, so their series (lag, written, failures) exist before their first event.
     *
     * @param jobs the jobs the process runs
     * @return this
     */
    public QlirMetrics jobs(List<FetchJob> jobs) {
        jobs.forEach(this::track);
        return this;
    }

    /**
     * Counts one month file written by the aggregation ({@code qlir_agg_months_written_total{job}}).
     *
     * @param job the job whose month was aggregated
     */
    public void aggMonthWritten(FetchJob job) {
        track(job);
        registry.counter("qlir.agg.months.written", "job", job.name()).increment();
    }

    /**
     * What one run of {@code agg --follow} did for a job: counts the months written
     * ({@code qlir_agg_months_written_total{job}}), measures the job's lag from the newest candle of its dataset, and
     * ends a failing spell (a failure is told to {@link #jobFailed}).
     *
     * @param job the job whose series was aggregated
     * @param monthsWritten the month files the run wrote
     * @param newestOpenMs the open time of the newest candle in the job's dataset, empty when it has none
     */
    public void aggregated(FetchJob job, int monthsWritten, OptionalLong newestOpenMs) {
        JobTrack t = track(job);
        for (int i = 0; i < monthsWritten; i++) {
            aggMonthWritten(job);
        }
        newestOpenMs.ifPresent(t::stored);
        if (monthsWritten > 0) {
            t.wrote(clock.instant());
        } else {
            t.recovered();
        }
    }

    /**
     * Counts what one push of a job's series to object storage did ({@code qlir_push_objects_total{job}}, and
     * {@code qlir_push_failures_total{job}} when it failed).
     *
     * @param job the job whose files were pushed
     * @param objects the objects uploaded (0 when nothing changed)
     * @param failed true when the push failed (it is tried again after the job's next write)
     */
    public void pushed(FetchJob job, int objects, boolean failed) {
        track(job);
        registry.counter("qlir.push.objects", "job", job.name()).increment(objects);
        Counter failures = registry.counter("qlir.push.failures", "job", job.name());
        if (failed) {
            failures.increment();
        }
    }

    /**
     * Everything in the Prometheus text format (version 0.0.4).
     *
     * @return the exposition
     */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The registry, to add meters of one's own.
     *
     * @return the registry
     */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void requested(String endpoint, RequestOutcome outcome, int status, int weight) {
        registry.counter("qlir.requests", "endpoint", endpoint, "outcome", label(outcome)).increment();
        if (outcome == RequestOutcome.RATE_LIMITED) {
            registry.counter("qlir.rate.limited", "status", Integer.toString(status)).increment();
        }
    }

    @Override
    public void retried(String endpoint) {
        registry.counter("qlir.retries").increment();
    }

    @Override
    public void storeOpened(FetchJob job, OptionalLong newestOpenMs) {
        newestOpenMs.ifPresent(track(job)::stored);
    }

    @Override
    public void sliceRecorded(FetchJob job, SliceEntry entry, int rows) {
        JobTrack t = track(job);
        registry.counter("qlir.slices.written", "job", job.name(), "status", entry.status().wireCode())
                .increment();
        if (entry.status() == SliceStatus.FAILED) {
            return;
        }
        registry.counter("qlir.candles.written", "job", job.name()).increment(rows);
        if (entry.hasFile() && entry.rows().count() > 0) {
            t.stored(entry.rows().lastOpenMs());
        }
        t.wrote(clock.instant());
    }

    @Override
    public void jobFailed(FetchJob job, JobFailureKind kind, String message) {
        track(job).failed(message);
        registry.counter("qlir.job.failures", "job", job.name(), "kind", label(kind)).increment();
    }

    /** The job's track, registering its series on first sight. */
    JobTrack track(FetchJob job) {
        return tracks.computeIfAbsent(job, j -> {
            JobTrack t = new JobTrack(j);
            Gauge.builder("qlir.job.lag.seconds", t, x -> x.lagSeconds(clock.millis()))
                    .description("Now minus the close of the newest closed candle stored for the job")
                    .tag("job", j.name()).register(registry);
            registry.counter("qlir.candles.written", "job", j.name());
            return t;
        });
    }

    /**
     * The clock lag is measured by.
     *
     * @return the clock
     */
    Clock clock() {
        return clock;
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
