package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * One {@link Pipeline} applied to many series, each on its own thread of a pool the caller sizes (by default one
 * thread per available processor): the research run "every USDT pair at 1m for a year, with the same features".
 *
 * <p>Every series gets a {@link SeriesResult}: one series' failure (a missing column, a loader error) names the
 * series and never hides the others. Results come back in the input order whatever order the series finished in,
 * so a run is reproducible. Series are loaded lazily through a {@link SeriesLoader} when a worker is free, and the
 * streaming form {@link #forEach} hands each derived table to a {@link SeriesSink} on the worker and then forgets
 * it, so at most {@link #threads()} tables are in memory at once, however many series there are.
 * <pre>{@code
 * SeriesBatch batch = SeriesBatch.builder(Pipeline.parse("features", "sma(close,20,50); arp(14)")).threads(2).build();
 * BatchSummary s = batch.forEach(List.of("BTCUSDT", "ETHUSDT"), loader,
 *         (symbol, d) -> TableFiles.writeCsv(d.table(), outDir.resolve(symbol + ".csv")));
 * }</pre>
 * With several series, each series' ops run one after the other on its worker, as {@link Pipeline#apply} does: every
 * core is busy already. With a single series, the pipeline's independent ops run at once on the pool instead (an
 * {@code sma} beside an {@code arp}; an op reading another's column waits for it), with the same result, cell for
 * cell, and the same column order as the sequential run.
 */
public final class SeriesBatch {

    private static final AtomicInteger BATCHES = new AtomicInteger();

    private final Pipeline pipeline;
    private final int threads;
    private final Consumer<SeriesResult> listener;

    private SeriesBatch(Builder b) {
        this.pipeline = b.pipeline;
        this.threads = b.threads;
        this.listener = b.listener;
    }

    /**
     * A builder for a batch of this pipeline.
     *
     * @param pipeline the ops every series gets
     * @return the builder, with one thread per available processor
     */
    public static Builder builder(Pipeline pipeline) {
        return new Builder(pipeline);
    }

    /**
     * A builder holding this batch's settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(pipeline).threads(threads).listener(listener);
    }

    /**
     * The pipeline every series gets.
     *
     * @return the pipeline
     */
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The most series worked on at once: the pool's size.
     *
     * @return the number of threads
     */
    public int threads() {
        return threads;
    }

    /**
     * Applies the pipeline to tables already in memory.
     *
     * @param tables series id to candles, in the order the results should have (a {@link LinkedHashMap} keeps it)
     * @return one result per series, in the map's order
     * @throws InterruptedException when the calling thread is interrupted while waiting (the workers are stopped)
     */
    public List<SeriesResult> apply(Map<String, Table> tables) throws InterruptedException {
        Map<String, Table> copy = new LinkedHashMap<>(tables);
        return apply(List.copyOf(copy.keySet()), copy::get);
    }

    /**
     * Loads and derives every series and keeps every derived table: for as many series as fit in memory together.
     *
     * @param series the series' ids, distinct, in the order the results should have
     * @param loader loads one series, called on the workers (for a single series, on the calling thread)
     * @return one result per series, in input order
     * @throws IllegalArgumentException naming the id, when an id is repeated
     * @throws InterruptedException when the calling thread is interrupted while waiting (the workers are stopped)
     */
    public List<SeriesResult> apply(List<String> series, SeriesLoader loader) throws InterruptedException {
        SeriesResult[] results = new SeriesResult[series.size()];
        run(series, loader, (k, r) -> results[k] = r);
        return List.of(results);
    }

    /**
     * Loads, derives and hands every series to {@code sink} on the worker that derived it, keeping no table: the
     * form for more series than fit in memory together.
     *
     * @param series the series' ids, distinct; the summary lists them in this order
     * @param loader loads one series, called on the workers (for a single series, on the calling thread)
     * @param sink takes each derived series, on the workers (for a single series, on the calling thread); a series
     *     whose sink call throws failed
     * @return which series were done and which failed (with the cause), in input order
     * @throws IllegalArgumentException naming the id, when an id is repeated
     * @throws InterruptedException when the calling thread is interrupted while waiting (the workers are stopped)
     */
    public BatchSummary forEach(List<String> series, SeriesLoader loader, SeriesSink sink)
            throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        SeriesResult.Failed[] failures = new SeriesResult.Failed[series.size()];
        AtomicLong rows = new AtomicLong();
        run(series, loader, (k, r) -> {
            if (r instanceof SeriesResult.Failed f) {
                failures[k] = f;
                return f;
            }
            Derived d = ((SeriesResult.Done) r).derived();
            try {
                sink.accept(r.series(), d);
                rows.addAndGet(d.table().rowCount());
                return r;
            } catch (Exception e) {
                failures[k] = new SeriesResult.Failed(r.series(), e);
                return failures[k];
            }
        });
        return BatchSummary.of(series, failures, rows.get());
    }

    /** What a worker does with series {@code k}'s result; the listener is told after it. */
    @FunctionalInterface
    private interface Slot {
        /** Takes series {@code k}'s result and returns what became of it (a sink may still fail it). */
        SeriesResult take(int k, SeriesResult result);
    }

    private void run(List<String> series, SeriesLoader loader, Slot slot) throws InterruptedException {
        List<String> ids = distinct(series);
        Objects.requireNonNull(loader, "loader");
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() == 1 && threads > 1) {
            OpGraph graph = OpGraph.of(pipeline);
            if (graph.hasIndependentOps()) {
                runOne(ids.get(0), loader, slot, graph);
                return;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ids.size()), threadFactory());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < ids.size(); k++) {
                int index = k;
                futures.add(pool.submit(() -> {
                    SeriesResult r = slot.take(index, derive(ids.get(index), loader));
                    if (listener != null) {
                        listener.accept(r);
                    }
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One series, its independent ops at once on the pool; the calling thread loads, waits and takes. */
    private void runOne(String id, SeriesLoader loader, Slot slot, OpGraph graph) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        try {
            SeriesResult r;
            try {
                Table candles = Objects.requireNonNull(loader.load(id), "the loader returned no table");
                r = new SeriesResult.Done(id, graph.apply(candles, pool));
            } catch (Exception e) {
                r = new SeriesResult.Failed(id, e);
            }
            r = slot.take(0, r);
            if (listener != null) {
                listener.accept(r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private SeriesResult derive(String id, SeriesLoader loader) {
        try {
            Table candles = Objects.requireNonNull(loader.load(id), "the loader returned no table");
            return new SeriesResult.Done(id, pipeline.apply(candles));
        } catch (Exception e) {
            return new SeriesResult.Failed(id, e);
        }
    }

    private static void await(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a series worker failed outside its series: " + cause, cause);
        }
    }

    private static List<String> distinct(List<String> series) {
        Set<String> seen = new HashSet<>();
        for (String id : series) {
            Objects.requireNonNull(id, "series id");
            if (!seen.add(id)) {
                throw new IllegalArgumentException("series '" + id + "' is listed twice; each series is derived "
                        + "once, give distinct ids");
            }
        }
        return List.copyOf(series);
    }

    private static ThreadFactory threadFactory() {
        int batch = BATCHES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "qlir-series-" + batch + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Collects the settings of a {@link SeriesBatch}. */
    public static final class Builder {
        private final Pipeline pipeline;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Consumer<SeriesResult> listener;

        private Builder(Pipeline pipeline) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        }

        /**
         * The pool's size: how many series are loaded and derived at once (and so held in memory).
         *
         * @param value at least 1; by default the number of available processors
         * @return this builder
         * @throws IllegalArgumentException when {@code value < 1}
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Told of every series once it is finished (derived and taken by the sink, or failed), on the worker, in
         * completion order: for a progress bar. Must be thread-safe and quick; what it throws is not caught.
         *
         * @param value the listener, or null for none
         * @return this builder
         */
        public Builder listener(Consumer<SeriesResult> value) {
            this.listener = value;
            return this;
        }

        /**
         * Builds the batch.
         *
         * @return the batch
         */
        public SeriesBatch build() {
            return new SeriesBatch(this);
        }
    }
}
