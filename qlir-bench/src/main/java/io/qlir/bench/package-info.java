/**
 * <b>Key mental model.</b> Every benchmark here puts qlir next to a peer doing the same work in the same JVM run, so
 * the number that matters is the ratio, not the absolute time (the machine is shared and noisy). Data is generated
 * from fixed seeds by {@link io.qlir.bench.BenchmarkSeries}; big-array benchmarks run in single-shot mode in one fork
 * with an explicit heap, and report nanoseconds per row per output column through {@code @OperationsPerInvocation}.
 *
 * <p>Run everything with {@code qlir-bench/run-benchmarks.sh}; {@code docs/benchmarks.md} holds the latest results.
 */
package io.qlir.bench;
