/**
 * <b>Key mental model.</b> The store benchmarks time the slice store's own public calls on big synthetic
 * directories ({@link io.qlir.bench.store.SyntheticStore}, built once and reused): opening and reconciling a
 * 170,000-slice directory, validating it, compacting its journal ({@link io.qlir.bench.store.StoreBench}), deep
 * validation ({@link io.qlir.bench.store.StoreBenchDeep}) and durable journal appends
 * ({@link io.qlir.bench.store.StoreBenchJournal}); {@link io.qlir.bench.store.StoreTimings} repeats the slow ones in
 * a cold JVM with CPU time next to wall time.
 */
package io.qlir.bench.store;
