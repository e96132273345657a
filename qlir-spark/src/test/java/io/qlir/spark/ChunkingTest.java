package io.qlir.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.testkit.BinanceRecordings;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ChunkingTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);   // 500 rows
    private static final List<String[]> KEY = List.<String[]>of(new String[] {"BTCUSDT", "30m"});

    private static Dataset<Row> candles;

    @BeforeAll
    static void start() {
        candles = LocalSpark.dataset(LocalSpark.rows(CANDLES, "BTCUSDT", "30m")).cache();
    }

    @Test
    void aSeriesSplitIntoTenChunksEqualsTheUnsplitOne() {
        // Equal within relative 1e-12, not bit for bit: qlir's rolling sums carry rounding from where a table starts.
        String ops = "sma(close,20); rolling_std(close,30); true_range()";
        DerivePlan tenChunks = QlirSpark.plan(ops, 50);
        assertThat(tenChunks.chunked()).isTrue();
        assertThat(tenChunks.halo()).as("rolling_std(close,30) reads [i-29 .. i]").isEqualTo(29);
        List<Row> split = derive(tenChunks);
        List<Row> whole = derive(QlirSpark.plan(ops, 1_000_000));
        assertThat(split).hasSize(500);
        for (String column : tenChunks.outputNames()) {
            for (int r = 0; r < 500; r++) {
                SparkResults.assertSameValue(whole.get(r).getAs(column), split.get(r).getAs(column),
                        column + " row " + r);
            }
        }
        SparkResults.assertEqualsQlir(ops, CANDLES, split, "ten chunks");
    }

    @Test
    void anOpWhoseWindowExceedsAChunkStillGetsEnoughHalo() {
        DerivePlan plan = QlirSpark.plan("sma(close,120)", 7);
        assertThat(plan.halo()).isEqualTo(119);
        SparkResults.assertEqualsQlir("sma(close,120)", CANDLES, derive(plan), "halo 119 over chunks of 7");
    }

    @Test
    void aChainOfWindowsAddsUpTheirLookbacks() {
        // The second mean reads [i-9 .. i] of the first, which read [i-9 .. i] of close: 18 rows back in all.
        String ops = "rolling_mean(close,10); rolling_mean(close_rolling_mean_10,10)";
        DerivePlan plan = QlirSpark.plan(ops, 5);
        assertThat(plan.halo()).isEqualTo(18);
        SparkResults.assertEqualsQlir(ops, CANDLES, derive(plan), "chained windows over chunks of 5");
    }

    @Test
    void theExplainPlanSaysWhichOpsChunkWithWhichHaloAndWhichRunPerSeriesAndWhy() {
        DerivePlan chunked = QlirSpark.plan("sma(close,14); rolling_max(high,30)", 1000);
        assertThat(chunked.chunked()).isTrue();
        assertThat(chunked.splits()).extracting(OpSplit::lookback).containsExactly(13, 29);
        assertThat(chunked.explain())
                .contains("chunks of 1000 rows per series, each with a halo of the 29 preceding rows")
                .contains("sma(close,14): bounded, lookback 13 (close_sma_14 reads [i-13 .. i], warm-up 13); "
                        + "chunked with halo 29");

        DerivePlan perSeries = QlirSpark.plan("sma(close,14); ema(close,12)", 1000);
        assertThat(perSeries.chunked()).isFalse();
        assertThat(perSeries.halo()).isZero();
        assertThat(perSeries.splits().get(1).bounded()).isFalse();
        assertThat(perSeries.explain())
                .contains("one task per series (symbol, interval[, endpoint]), because ema(close,12) cannot be "
                        + "computed from a chunk alone")
                .contains("sma(close,14): bounded, lookback 13")
                .containsPattern("ema\\(close,12\\): per series, close_ema_12 reads \\[\\.\\. i\\], every earlier row");
    }

    private static List<Row> derive(DerivePlan plan) {
        return SparkResults.bySeries(QlirSpark.derive(candles, plan), KEY).get("BTCUSDT/30m");
    }
}
