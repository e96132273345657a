package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.ChartHint;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.core.catalogue.OpParam;
import io.qlir.semantics.Alignment;
import io.qlir.testkit.BinanceRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** The op language: round trips, canonical forms, what ops do, and one clear error per mistake. */
class IndicatorOpProviderTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);

    @ParameterizedTest
    @ValueSource(strings = {"sma(close,14,50)", "ema(close,20)", "wma(close,10,30)", "arp(14)", "arp_d(14,50)",
        "arp_pos(7)", "arp_neg(7)", "arp_pos_frac(7)", "arp_neg_frac(7)", "range_shock(14)", "range_shock_hist(14)",
        "atr(14)", "atrp(14,21)", "bollinger(close,20,2)", "bollinger(close,20,2.5)", "band_touches(close,20,2)",
        "band_touches(close,20,2,0.002)", "rsi(close,14)", "macd(close,12,26,9)", "vwap()", "vwap_session()",
        "vwap_by(symbol)", "band_touches(close,20,2,1.0E-4)"})
    void canonicalTextParsesBackToAnEqualOp(String text) {
        Op op = OpLanguage.parse(text);
        assertThat(op.toText()).isEqualTo(text);
        assertThat(OpLanguage.parse(op.toText())).isEqualTo(op);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lag(close,1,2)", "diff(close,1)", "rolling_mean(close,5,20)", "rolling_std(close,20)",
        "gt(close,open)", "gt(close,open,0.5)", "cross_up(close,open)", "bullish()", "true_range()",
        "running_true(flag)", "at_least(flag,2,3,5)", "sign(close,open)", "abs(close)"})
    void coreOpsAreRegisteredAndRoundTripToo(String text) {
        Op op = OpLanguage.parse(text);
        assertThat(op.toText()).isEqualTo(text);
        assertThat(OpLanguage.parse(op.toText())).isEqualTo(op);
        assertThat(op).isEqualTo(OpCatalogue.standard().op(op.name(), op.params()));
    }

    @Test
    void coreOpErrorsComeFromTheirCatalogue() {
        assertThatThrownBy(() -> OpLanguage.parse("lag(close)")).hasMessageContaining("lag")
                .hasMessageContaining("usage: lag(column, n...)");
        assertThat(OpLanguage.parse("rolling_mean(close,3)").apply(CANDLES).columns()).hasSize(1);
    }

    @Test
    void defaultsAreFilledInSoEquivalentTextsGiveEqualOps() {
        assertThat(OpLanguage.parse("bollinger(close)").toText()).isEqualTo("bollinger(close,20,2)");
        assertThat(OpLanguage.parse(" bollinger( close , 20 , 2.0 ) "))
                .isEqualTo(OpLanguage.parse("bollinger(close,20,2)"));
        assertThat(OpLanguage.parse("macd(close)").toText()).isEqualTo("macd(close,12,26,9)");
        assertThat(OpLanguage.parse("band_touches(close,20,2,0.001)").toText()).isEqualTo("band_touches(close,20,2)");
        assertThat(OpLanguage.parse("sma(close,14)")).isNotEqualTo(OpLanguage.parse("sma(close,15)"));
    }

    @Test
    void parseAllReadsStatementsSeparatedBySemicolonsOrNewLines() {
        List<Op> ops = OpLanguage.parseAll("sma(close,14,50); arp(14)\n\n range_shock(14) ;");
        assertThat(ops).extracting(Op::toText).containsExactly("sma(close,14,50)", "arp(14)", "range_shock(14)");
    }

    @Test
    void opsDoWhatTheFacadeDoes() {
        assertSame(OpLanguage.parse("sma(close,14,50)").apply(CANDLES), Indicators.sma(CANDLES, "close", 14, 50));
        assertSame(OpLanguage.parse("range_shock_hist(14)").apply(CANDLES),
                Indicators.rangeShock(CANDLES, Alignment.HISTORICAL, 14));
        assertSame(OpLanguage.parse("band_touches(close,20,2,0.002)").apply(CANDLES),
                Indicators.bandTouches(CANDLES, Bands.bollinger("close", 20, 2), 0.002));
        assertSame(OpLanguage.parse("macd(close)").apply(CANDLES), Indicators.macd(CANDLES, "close", 12, 26, 9));
        Derived chain = Indicators.sma(CANDLES, "close", 20).then(OpLanguage.parse("rsi(close,14)"));
        assertThat(chain.columns()).containsExactly("close_sma_20", "close_rsi_14");
    }

    private static void assertSame(Derived viaOp, Derived direct) {
        assertThat(viaOp.columns()).isEqualTo(direct.columns());
        assertThat(viaOp.specs()).isEqualTo(direct.specs());
        for (String c : direct.columns()) {
            if (direct.table().column(c) instanceof tech.tablesaw.api.DoubleColumn) {
                assertThat(Columns.doubles(viaOp.table(), c)).containsExactly(Columns.doubles(direct.table(), c));
            } else {
                assertThat(viaOp.table().column(c).asList()).isEqualTo(direct.table().column(c).asList());
            }
        }
    }

    @Test
    void anUnknownOpListsTheValidOnes() {
        assertThatThrownBy(() -> OpLanguage.parse("smaa(close,14)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown op 'smaa' in 'smaa(close,14)'; valid ops: abs, all, any, arp, arp_d, ")
                .hasMessageContaining(", sma, ").hasMessageContaining(", lag, ").hasMessageEndingWith("wma");
    }

    @Test
    void aWrongNumberOfArgumentsShowsTheSignature() {
        assertThatThrownBy(() -> OpLanguage.parse("sma(close)"))
                .hasMessage("sma: takes at least 2 arguments, got 1 [close]; usage: sma(column, window...)");
        assertThatThrownBy(() -> OpLanguage.parse("vwap(close)"))
                .hasMessage("vwap: takes 0 arguments, got 1 [close]; usage: vwap()");
        assertThatThrownBy(() -> OpLanguage.parse("macd(close,12,26)"))
                .hasMessage("macd: takes 1 or 4 arguments, got 3 [close, 12, 26]; "
                        + "usage: macd(column[, fast=12, slow=26, signal=9])");
    }

    @Test
    void aBadArgumentNamesItAndShowsTheSignature() {
        assertThatThrownBy(() -> OpLanguage.parse("sma(close,1.5)"))
                .hasMessage("sma: window (argument 2) must be a whole number >= 1, got 1.5; "
                        + "usage: sma(column, window...)");
        assertThatThrownBy(() -> OpLanguage.parse("sma(14,close)"))
                .hasMessageContaining("sma: column (argument 1) must be a column name");
        assertThatThrownBy(() -> OpLanguage.parse("arp(0)"))
                .hasMessageContaining("arp: window (argument 1) must be a whole number >= 1, got 0");
        assertThatThrownBy(() -> OpLanguage.parse("sma(close,14,14)"))
                .hasMessageContaining("sma: window 14 must be listed once (each window makes one column), "
                        + "got it twice");
        assertThatThrownBy(() -> OpLanguage.parse("macd(close,26,12,9)"))
                .hasMessageContaining("macd: slow must be greater than fast, got fast=26, slow=12");
        assertThatThrownBy(() -> OpLanguage.parse("bollinger(close,20,-1)"))
                .hasMessageContaining("bollinger: k (argument 3) must be a finite number >= 0, got -1");
    }

    @Test
    void syntaxErrorsPointAtTheColumn() {
        assertThatThrownBy(() -> OpLanguage.parse("sma(close,14"))
                .hasMessageStartingWith("cannot parse op 'sma(close,14': expected ',' or ')' at the end");
        assertThatThrownBy(() -> OpLanguage.parse("sma close")).hasMessageContaining("expected '(' at column 5");
        assertThatThrownBy(() -> OpLanguage.parse("sma(close,14) arp(14)")).hasMessageContaining("separated by ';'");
        assertThatThrownBy(() -> OpLanguage.parse("sma(close,1.2.3)")).hasMessageContaining("'1.2.3' is not a number");
        assertThatThrownBy(() -> OpLanguage.parse("")).hasMessageContaining("op text is empty");
    }

    @Test
    void customCataloguesExtendTheStandardOneAndRefuseDuplicates() {
        OpDefinition twice = OpDefinition.builder("sma_twice").summary("two SMAs in a row")
                .params(OpParam.column("column"), OpParam.whole("window", 1))
                .factory(a -> {
                    String c = a.column("column");
                    int w = a.integer("window");
                    return Op.of("sma_twice", List.of(c, w), t -> Indicators.sma(t, c, w)
                            .then(u -> Indicators.sma(u, Columns.name(c, "sma", w), w)));
                }).build();
        OpCatalogue mine = OpCatalogue.standard().toBuilder().add(twice).build();
        assertThat(mine.parse("sma_twice(close,3)").apply(CANDLES).columns())
                .containsExactly("close_sma_3", "close_sma_3_sma_3");
        assertThat(mine.op("sma", List.of("close", 5))).isEqualTo(OpLanguage.parse("sma(close,5)"));
        assertThatThrownBy(() -> OpCatalogue.builder().add(twice).add(twice))
                .hasMessageContaining("op 'sma_twice' is registered twice");
        assertThat(OpCatalogue.standard().names()).contains("sma", "arp_d", "range_shock_hist", "vwap_by");
    }

    @Test
    void chartsLearnFromTheCatalogueHowToDrawEachSpecOp() {
        OpCatalogue c = OpCatalogue.standard();
        assertThat(c.output("SMA").orElseThrow().chart().placement()).isEqualTo(ChartHint.Placement.PRICE_OVERLAY);
        assertThat(c.output("BOLL_UPPER").orElseThrow().chart().placement())
                .isEqualTo(ChartHint.Placement.PRICE_OVERLAY);
        assertThat(c.output("RANGE_SHOCK").orElseThrow().chart().placement())
                .isEqualTo(ChartHint.Placement.THRESHOLD_PANEL);
        assertThat(c.output("RSI").orElseThrow().chart().placement()).isEqualTo(ChartHint.Placement.OWN_PANEL);
        Derived touches = OpLanguage.parse("band_touches(close,20,2)").apply(CANDLES);
        ChartHint touch = c.output("BAND_TOUCH").orElseThrow().chart();
        assertThat(touch.placement()).isEqualTo(ChartHint.Placement.MARKERS);
        assertThat(touch.anchorOf(touches.spec("close_boll_20_2_touch_upper"))).isEqualTo("close_boll_upper_20_2");
        Derived onBands = Indicators.bollinger(CANDLES, "close", 20, 2)
                .then(OpLanguage.parse("band_touches(close,20,2)"));
        assertThat(touch.anchorOf(onBands.spec("close_boll_20_2_touch_lower"))).isEqualTo("close_boll_lower_20_2");
    }
}
