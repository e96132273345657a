package io.qlir.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Derived;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.indicators.Indicators;
import io.qlir.testkit.BinanceRecordings;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PipelineTest {

    @Test
    void opsApplyInOrderLikeAChainOfThen() {
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);
        Pipeline p = Pipeline.named("trend").then(OpLanguage.parse("sma(close,20,50)")).then("range_shock(14)");
        Derived viaPipeline = p.apply(candles);
        Derived viaChain = Indicators.sma(candles, "close", 20, 50).then(t -> Indicators.rangeShock(t, 14));

        assertThat(viaPipeline.columns()).isEqualTo(viaChain.columns());
        assertThat(viaPipeline.explain()).isEqualTo(viaChain.explain());
        for (String c : viaChain.columns()) {
            assertThat(viaPipeline.table().doubleColumn(c).asDoubleArray())
                    .containsExactly(viaChain.table().doubleColumn(c).asDoubleArray());
        }
        assertThat(candles.columnCount()).isEqualTo(11);
    }

    @Test
    void textParsesBackToAnEqualPipeline() {
        Pipeline p = Pipeline.named("t").then("sma(close, 20, 50)").then("bollinger(close)");
        assertThat(p.toText()).isEqualTo("sma(close,20,50); bollinger(close,20,2)");
        assertThat(Pipeline.parse("t", p.toText())).isEqualTo(p);
    }

    @Test
    void anEmptyPipelineAddsNothing() {
        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);
        Derived d = Pipeline.named("nothing").apply(candles);
        assertThat(d.columns()).isEmpty();
        assertThat(d.table().columnNames()).isEqualTo(candles.columnNames());
    }

    @Test
    void semanticsListOutputColumnsAndDroppedIntermediates() {
        Pipeline p = Pipeline.parse("range", "arp(14)");
        assertThat(p.semantics()).extracting(ColumnSemantics::column).containsExactly("arp_14");
        assertThat(p.dropped()).singleElement().asString().contains("range_pct");
    }

    @Test
    void readsListsTheInputColumnsTheOpsRead() {
        assertThat(Pipeline.parse("r", "sma(close,5,10); arp(14); cross_up(close,close_sma_5)").reads())
                .containsExactly("close", "open", "high", "low");
        assertThat(Pipeline.parse("v", "vwap()").reads()).containsExactlyInAnyOrder("high", "low", "close", "volume");
    }
}
