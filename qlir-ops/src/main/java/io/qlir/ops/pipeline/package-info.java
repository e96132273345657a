/**
 * Pipelines: named, stored recipes of ops that a researcher saves once and re-runs on any candle source.
 *
 * <p><b>Key mental model.</b> A {@link io.qlir.ops.pipeline.Pipeline} is a name plus a list of {@code Op} values;
 * applying it is applying the ops in order, each seeing the columns of the ones before, and the result is an
 * ordinary {@code Derived} with a spec for every new column. On disk a pipeline is a small JSON file whose ops are
 * op-language text ({@link io.qlir.ops.pipeline.PipelineSpec}), kept in one folder, by default
 * {@code <data-root>/pipelines/}, by a {@link io.qlir.ops.pipeline.PipelineStore}. The store never writes what would
 * not run (every op is parsed and dry-run on synthetic candles first), never overwrites without {@code force}, and
 * records each run's time, rows and {@code DatasetFingerprint} in the file, so "which data did I run this on?" has
 * an answer. Every problem is one {@link io.qlir.ops.pipeline.PipelineException} naming the file and the op.
 * <pre>{@code
 * PipelineStore store = PipelineStore.inDataRoot(dataRoot);
 * store.create("trend", "sma(close,20,50); range_shock(14)", "trend with shocks", false);
 * PipelineRun run = store.run("trend", candles, DatasetFingerprint.of(candles, source));
 * run.writeCsv(Path.of("trend.csv"));
 * }</pre>
 *
 * <p><b>Many series.</b> A {@link io.qlir.ops.pipeline.SeriesBatch} applies one pipeline to many series on a pool
 * the caller sizes: each series on its own thread, loaded lazily by a {@link io.qlir.ops.pipeline.SeriesLoader} and,
 * in the streaming form, handed to a {@link io.qlir.ops.pipeline.SeriesSink} and dropped, so only about as many
 * tables as threads are in memory. Each series ends as a sealed {@link io.qlir.ops.pipeline.SeriesResult} (done, or
 * failed with its cause), in input order; one failure never hides the others. A single series runs its independent
 * ops at once instead, with the sequential result cell for cell.
 * <pre>{@code
 * BatchSummary s = SeriesBatch.builder(pipeline).threads(2).build().forEach(symbols, loader, sink);
 * }</pre>
 */
package io.qlir.ops.pipeline;
