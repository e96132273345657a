package io.qlir.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SeriesBatchTest {

    private static final String MANY_OPS = "sma(close,5,10,20,50); ema(close,12,26); bollinger(close,20,2); arp(14);"
            + " range_shock(14); rsi(close,14); atr(14); macd(close); vwap(); cross_up(close,close_sma_20)";

    private static Map<String, Table> recordings() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : BinanceRecordings.NAMES) {
            tables.put(name, BinanceRecordings.candles(name));
        }
        return tables;
    }

    @Test
    void eachSeriesEqualsTheSequentialRunCellForCell() throws Exception {
        Pipeline p = Pipeline.parse("many", MANY_OPS);
        Map<String, Table> tables = recordings();
        List<SeriesResult> results = SeriesBatch.builder(p).threads(3).build().apply(tables);

        assertThat(results).extracting(SeriesResult::series).containsExactlyElementsOf(tables.keySet());
        for (SeriesResult r : results) {
            assertThat(r).isInstanceOf(SeriesResult.Done.class);
            OpGraphTest.assertSameCells(((SeriesResult.Done) r).derived(), p.apply(tables.get(r.series())));
        }
    }

    @Test
    void aFailingSeriesIsNamedAndTheOthersAreStillDerived() throws Exception {
        Map<String, Table> tables = recordings();
        Table noVolume = tables.get(BinanceRecordings.SPOT_15M_B).copy().removeColumns("volume");
        tables.put(BinanceRecordings.SPOT_15M_B, noVolume);
        SeriesBatch batch = SeriesBatch.builder(Pipeline.parse("v", "sma(close,5); vwap()")).threads(2).build();

        List<SeriesResult> results = batch.apply(tables);

        assertThat(results).extracting(SeriesResult::series).containsExactlyElementsOf(tables.keySet());
        SeriesResult.Failed failed = (SeriesResult.Failed) results.get(1);
        assertThat(failed.describe()).startsWith(BinanceRecordings.SPOT_15M_B + ": pipeline 'v' op 2 'vwap()' failed")
                .contains("volume");
        assertThat(failed.cause()).isInstanceOf(PipelineException.class);
        assertThat(List.of(results.get(0), results.get(2), results.get(3)))
                .allMatch(r -> r instanceof SeriesResult.Done d && d.derived().columns().contains("vwap"));
    }

    @Test
    void resultsKeepTheInputOrderWhateverTheCompletionOrder() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> completion = Collections.synchronizedList(new ArrayList<>());
        SeriesBatch batch = SeriesBatch.builder(Pipeline.parse("o", "sma(close,5)")).threads(2)
                .listener(r -> {
                    completion.add(r.series());
                    if (r.series().equals("second")) {
                        secondDone.countDown();
                    }
                }).build();
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);

        List<SeriesResult> results = batch.apply(List.of("first", "second"), id -> {
            if (id.equals("first") && !secondDone.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("series 'second' did not finish within 30 s");
            }
            return candles;
        });

        assertThat(completion).containsExactly("second", "first");
        assertThat(results).extracting(SeriesResult::series).containsExactly("first", "second");
        assertThat(results).allMatch(r -> r instanceof SeriesResult.Done);
    }

    @Test
    void thePoolHasTheSizeTheCallerGave() throws Exception {
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        Pipeline p = Pipeline.parse("t", "sma(close,5)");
        List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h");

        Set<Thread> two = ConcurrentHashMap.newKeySet();
        CyclicBarrier firstTwoTogether = new CyclicBarrier(2);
        SeriesBatch.builder(p).threads(2).build().apply(ids, id -> {
            two.add(Thread.currentThread());
            if (id.equals("a") || id.equals("b")) {
                firstTwoTogether.await(30, TimeUnit.SECONDS);   // fails unless a and b are loaded at the same time
            }
            return candles;
        });
        assertThat(two).hasSize(2);

        Set<Thread> one = ConcurrentHashMap.newKeySet();
        SeriesBatch.builder(p).threads(1).build().apply(ids, id -> {
            one.add(Thread.currentThread());
            return candles;
        });
        assertThat(one).hasSize(1);
        assertThat(SeriesBatch.builder(p).build().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void forEachHandsEverySeriesToTheSinkAndSummarizesInInputOrder() throws Exception {
        Map<String, Table> tables = recordings();
        Map<String, Integer> written = new ConcurrentHashMap<>();
        SeriesBatch batch = SeriesBatch.builder(Pipeline.parse("s", "sma(close,5); arp(14)")).threads(2).build();
        List<String> ids = new ArrayList<>(tables.keySet());
        ids.add(1, "MISSING");

        BatchSummary s = batch.forEach(ids, id -> {
            Table t = tables.get(id);
            if (t == null) {
                throw new IOException("no candles for " + id);
            }
            return t;
        }, (id, d) -> {
            if (id.equals(BinanceRecordings.SPOT_30M)) {
                throw new IOException("disk full");
            }
            written.put(id, d.table().columnCount());
        });

        assertThat(s.done()).containsExactly(BinanceRecordings.SPOT_15M_A, BinanceRecordings.SPOT_15M_B,
                BinanceRecordings.SPOT_15M_C);
        assertThat(s.failed()).extracting(SeriesResult.Failed::series)
                .containsExactly("MISSING", BinanceRecordings.SPOT_30M);
        assertThat(s.describe()).isEqualTo("3 of 5 series derived; failed: MISSING: no candles for MISSING; "
                + BinanceRecordings.SPOT_30M + ": disk full");
        assertThat(s.ok()).isFalse();
        assertThat(written).containsOnlyKeys(s.done()).allSatisfy((id, columns) -> assertThat(columns).isEqualTo(13));
        long rows = s.done().stream().mapToLong(id -> tables.get(id).rowCount()).sum();
        assertThat(s.rows()).isEqualTo(rows);
    }

    @Test
    void aRepeatedSeriesIdIsRefused() {
        SeriesBatch batch = SeriesBatch.builder(Pipeline.parse("r", "sma(close,5)")).build();
        assertThatThrownBy(() -> batch.apply(List.of("BTCUSDT", "ETHUSDT", "BTCUSDT"), id -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series 'BTCUSDT' is listed twice; each series is derived once, give distinct ids");
        assertThatThrownBy(() -> SeriesBatch.builder(Pipeline.named("r")).threads(0))
                .hasMessage("threads must be at least 1, not 0");
    }
}
