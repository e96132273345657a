package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.semantics.RowDerivationSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import tech.tablesaw.api.Table;

/**
 * Which ops of a pipeline depend on which, so that independent ops of one table run at once with the result of the
 * sequential run, cell for cell and column for column.
 *
 * <p>Op {@code k} depends on an earlier op {@code i} when it reads a column {@code i} creates (the specs' inputs and
 * the op's column params say what it reads), or creates a column {@code i} also creates (the sequential run refuses
 * that, and so must this one). What each op reads and creates is learnt by running the pipeline once on the small
 * synthetic candle table; a pipeline that does not run there (an op reading a column candles lack) is planned as a
 * chain, which is the sequential run. Each op then runs on a table of the input's columns plus its dependencies'
 * new ones, and the results are put together in op order with {@link Derived#alongside}.
 */
final class OpGraph {

    private final Pipeline pipeline;
    private final List<BitSet> dependsOn;

    private OpGraph(Pipeline pipeline, List<BitSet> dependsOn) {
        this.pipeline = pipeline;
        this.dependsOn = dependsOn;
    }

    static OpGraph of(Pipeline pipeline) {
        List<Op> ops = pipeline.ops();
        List<BitSet> deps = new ArrayList<>();
        List<Set<String>> creates = new ArrayList<>();
        List<Set<String>> reads = new ArrayList<>();
        try {
            Derived d = Derived.builder(SyntheticCandles.table()).build();
            for (Op op : ops) {
                Derived one = op.apply(d.table());
                Set<String> made = new HashSet<>();
                Set<String> read = new HashSet<>();
                for (RowDerivationSpec s : one.specs()) {
                    made.add(s.output());
                    read.addAll(s.inputs());
                }
                for (Object param : op.params()) {
                    if (param instanceof String column) {
                        read.add(column);
                    }
                }
                read.removeAll(made);
                creates.add(made);
                reads.add(read);
                d = d.then(t -> one);
            }
        } catch (RuntimeException e) {
            return chain(pipeline);
        }
        for (int k = 0; k < ops.size(); k++) {
            BitSet on = new BitSet();
            for (int i = 0; i < k; i++) {
                if (intersects(reads.get(k), creates.get(i)) || intersects(creates.get(k), creates.get(i))) {
                    on.set(i);
                    on.or(deps.get(i));
                }
            }
            deps.add(on);
        }
        return new OpGraph(pipeline, deps);
    }

    private static OpGraph chain(Pipeline pipeline) {
        List<BitSet> deps = new ArrayList<>();
        for (int k = 0; k < pipeline.ops().size(); k++) {
            BitSet on = new BitSet();
            on.set(0, k);
            deps.add(on);
        }
        return new OpGraph(pipeline, deps);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some op does not depend on all the ops before it: only then can anything run at once. */
    boolean hasIndependentOps() {
        for (int k = 1; k < dependsOn.size(); k++) {
            if (dependsOn.get(k).cardinality() < k) {
                return true;
            }
        }
        return false;
    }

    /** The ops {@code k} depends on, directly or not (for tests and logs). */
    BitSet dependsOn(int k) {
        return (BitSet) dependsOn.get(k).clone();
    }

    /**
     * Applies the pipeline with independent ops at once on {@code pool}; waits on the calling thread, which must not
     * be one of the pool's (it would wait for work queued behind it).
     *
     * @throws PipelineException as {@link Pipeline#apply} throws it (an op failed: the sequential run is repeated to
     *     say so, word for word)
     */
    Derived apply(Table table, Executor pool) {
        List<Op> ops = pipeline.ops();
        List<CompletableFuture<Derived>> futures = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            int index = k;
            BitSet on = dependsOn.get(k);
            CompletableFuture<?>[] before = on.stream().mapToObj(futures::get).toArray(CompletableFuture[]::new);
            futures.add(CompletableFuture.allOf(before)
                    .thenApplyAsync(v -> ops.get(index).apply(input(table, on, futures)), pool));
        }
        Derived result = Derived.builder(table).build();
        for (int k = 0; k < ops.size(); k++) {
            try {
                result = result.alongside(futures.get(k).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                // An op failed. Its message may list the columns of the table it ran on, which differ from the
                // sequential run's, so the sequential run says it, exactly as it would have.
                return pipeline.apply(table);
            }
        }
        return result;
    }

    /** The input's columns followed by the new columns of the ops {@code on}, in op order. */
    private static Table input(Table table, BitSet on, List<CompletableFuture<Derived>> futures) {
        if (on.isEmpty()) {
            return table;
        }
        Derived d = Derived.builder(table).build();
        for (int i = on.nextSetBit(0); i >= 0; i = on.nextSetBit(i + 1)) {
            d = d.alongside(futures.get(i).join());
        }
        return d.table();
    }
}
