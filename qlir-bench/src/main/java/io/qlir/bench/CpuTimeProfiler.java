package io.qlir.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark JVM's CPU time per operation ({@code cpu.ns/op}) beside the wall-clock
 * score: the CPU time of all Java threads (the benchmark's, and any it starts), at nanosecond resolution. On a shared
 * machine the wall clock also counts the time the benchmark waited for a core; CPU time does not, so it is the
 * steadier number to compare when the load is high. The JVM's own GC and JIT threads are not Java threads and are not
 * counted (allocation and zeroing of arrays happen on the benchmark's thread and are), and neither are threads that
 * ended before the iteration did (a pool the benchmarked code starts and shuts down, like the aggregator's): for
 * those, {@code process.cpu.ns/op} is the operating system's CPU time of the whole process (every thread, ended ones,
 * GC and JIT included). Use: {@code -prof io.qlir.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long startCpu;
    private long startProcessCpu;

    /** Creates the profiler (JMH instantiates it by name). */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "CPU time of the Java threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = javaThreadsCpuNanos();
        startProcessCpu = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = javaThreadsCpuNanos() - startCpu;
        long processCpu = processCpuNanos() - startProcessCpu;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        double perOp = ops > 0 ? (double) cpu / ops : Double.NaN;
        double processPerOp = ops > 0 && startProcessCpu >= 0 ? (double) processCpu / ops : Double.NaN;
        return List.of(new ScalarResult("cpu.ns/op", perOp, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("process.cpu.ns/op", processPerOp, "ns/op", AggregationPolicy.AVG));
    }

    /**
     * The whole process's CPU time from the operating system (every thread, ended ones, GC and JIT too), or -1 where
     * the JVM does not report it: the one reading of it for every benchmark that counts process CPU.
     *
     * @return nanoseconds, or -1
     */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
