package io.qlir.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.ops.indicators.Indicators;
import io.qlir.testkit.BinanceRecordings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class OpGraphTest {

    /** Independent ops, and two that read earlier ops' columns (cross_up, band_touches after bollinger). */
    private static final String MANY_OPS = "sma(close,5,10,20,50); ema(close,12,26); bollinger(close,20,2); arp(14);"
            + " range_shock(14); rsi(close,14); atr(14); macd(close); vwap(); cross_up(close,close_sma_20);"
            + " band_touches(close,20,2); arp_d(14)";

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static void assertSameCells(Derived actual, Derived expected) {
        assertThat(actual.table().columnNames()).isEqualTo(expected.table().columnNames());
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.explain()).isEqualTo(expected.explain());
        assertThat(actual.events()).isEqualTo(expected.events());
        for (int c = 0; c < expected.table().columnCount(); c++) {
            Column<?> e = expected.table().column(c);
            Column<?> a = actual.table().column(c);
            for (int r = 0; r < e.size(); r++) {
                assertThat(a.getString(r)).as("%s row %d", e.name(), r).isEqualTo(e.getString(r));
            }
        }
    }

    @Test
    void independentOpsAtOnceGiveTheSequentialResultOnEveryRecording() {
        Pipeline p = Pipeline.parse("many", MANY_OPS);
        OpGraph graph = OpGraph.of(p);
        assertThat(graph.hasIndependentOps()).isTrue();
        for (String name : BinanceRecordings.NAMES) {
            Table candles = BinanceRecordings.candles(name);
            for (int run = 0; run < 5; run++) {
                assertSameCells(graph.apply(candles, pool), p.apply(candles));
            }
        }
    }

    @Test
    void anOpReadingAnotherOpsColumnDependsOnIt() {
        OpGraph graph = OpGraph.of(Pipeline.parse("d", MANY_OPS));
        assertThat(graph.dependsOn(1).isEmpty()).isTrue();                               // ema beside sma
        assertThat(graph.dependsOn(3).isEmpty()).isTrue();                               // arp beside bollinger
        assertThat(graph.dependsOn(9).stream().boxed().toList()).containsExactly(0);      // cross_up reads the sma
        assertThat(graph.dependsOn(10).stream().boxed().toList()).containsExactly(2);     // band_touches: bollinger
    }

    @Test
    void aCollisionIsPlannedAsAChainAndFailsAsTheSequentialRunFails() {
        Pipeline p = Pipeline.parse("twice", "sma(close,5); arp(14); sma(close,5)");
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        assertThat(OpGraph.of(p).hasIndependentOps()).as("refused on the dry run: planned as a chain").isFalse();
        assertThatThrownBy(() -> p.apply(candles)).isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("pipeline 'twice' op 3 'sma(close,5)' failed: column 'close_sma_5' already");
        String sequential = catchMessage(() -> p.apply(candles));
        assertThat(catchMessage(() -> OpGraph.of(p).apply(candles, pool))).isEqualTo(sequential);
    }

    @Test
    void theFirstFailingOpInOpOrderIsReportedAsTheSequentialRunReportsIt() {
        Pipeline p = Pipeline.parse("v", "sma(close,5); vwap(); arp(14)");
        Table noVolume = BinanceRecordings.candles(BinanceRecordings.SPOT_30M).removeColumns("volume");
        String sequential = catchMessage(() -> p.apply(noVolume));
        assertThat(sequential).startsWith("PipelineException: pipeline 'v' op 2 'vwap()' failed");
        assertThat(catchMessage(() -> OpGraph.of(p).apply(noVolume, pool))).isEqualTo(sequential);
    }

    @Test
    void independentOpsReallyRunAtOnce() {
        CyclicBarrier together = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Op a = probe(5, together, threads);
        Op b = probe(7, together, threads);
        Pipeline p = Pipeline.named("probe").then(a).then(b);
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);

        Derived d = OpGraph.of(p).apply(candles, pool);      // each op waits for the other: fails unless at once

        assertThat(d.columns()).containsExactly("close_sma_5", "close_sma_7");
        assertThat(threads).hasSize(2);
    }

    @Test
    void aSingleSeriesBatchUsesTheGraph() throws Exception {
        Pipeline p = Pipeline.parse("many", MANY_OPS);
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);
        List<SeriesResult> r = SeriesBatch.builder(p).threads(2).build().apply(Map.of("one", candles));
        assertSameCells(((SeriesResult.Done) r.get(0)).derived(), p.apply(candles));
    }

    /** An sma op that, on a real table (not the dry run's), waits until another probe runs too. */
    private static Op probe(int window, CyclicBarrier together, Set<String> threads) {
        return Op.of("probe", List.of("close", window), t -> {
            if (t.rowCount() != SyntheticCandles.ROWS) {
                threads.add(Thread.currentThread().getName());
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other probe did not run at the same time", e);
                }
            }
            return Indicators.sma(t, "close", window);
        });
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
