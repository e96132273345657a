package io.qlir.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.ops.indicators.Bands;
import io.qlir.ops.indicators.Indicators;
import io.qlir.semantics.Alignment;
import io.qlir.testkit.BinanceRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** The op language: round trips, canonical forms, what ops do, and one clear error per mistake. */
class OpRegistryTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);

    @ParameterizedTest
    @ValueSource(strings = {"sma(close,14,50)", "ema(close,20)", "wma(close,10,30)", "arp(14)", "arp_d(14,50)",
        "arp_pos(7)", "arp_neg(7)", "arp_pos_frac(7)", "arp_neg_frac(7)", "range_shock(14)", "range_shock_hist(14)",
        "atr(14)", "atrp(14,21)", "bollinger(close,20,2)", "bollinger(close,20,2.5)", "band_touches(close,20,2)",
        "band_touches(close,20,2,0.002)", "rsi(close,14)", "macd(close,12,26,9)", "vwap()", "vwap_session()",
        "vwap_by(symbol)", "band_touches(close,20,2,1.0E-4)"})
    void canonicalTextParsesBackToAnEqualOp(String text) {
        Op op = Ops.parse(text);
        assertThat(op.toText()).isEqualTo(text);
        assertThat(Ops.parse(op.toText())).isEqualTo(op);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lag(close,1,2)", "diff(close,1)", "rolling_mean(close,5,20)", "rolling_std(close,20)",
        "gt(close,open)", "gt(close,open,0.5)", "cross_up(close,open)", "bullish()", "true_range()",
        "running_true(flag)", "at_least(flag,2,3,5)", "sign(close,open)", "abs(close)"})
    void coreOpsAreRegisteredAndRoundTripToo(String text) {
        Op op = Ops.parse(text);
        assertThat(op.toText()).isEqualTo(text);
        assertThat(Ops.parse(op.toText())).isEqualTo(op);
        assertThat(op).isEqualTo(io.qlir.core.ops.CoreOps.op(op.name(), op.params()));
    }

    @Test
    void coreOpErrorsComeFromTheirCatalogue() {
        assertThatThrownBy(() -> Ops.parse("lag(close)")).hasMessageContaining("lag")
                .hasMessageContaining("lag(column, n, n...)");
        assertThat(Ops.parse("rolling_mean(close,3)").apply(CANDLES).columns()).hasSize(1);
    }

    @Test
    void defaultsAreFilledInSoEquivalentTextsGiveEqualOps() {
        assertThat(Ops.parse("bollinger(close)").toText()).isEqualTo("bollinger(close,20,2)");
        assertThat(Ops.parse(" bollinger( close , 20 , 2.0 ) ")).isEqualTo(Ops.parse("bollinger(close,20,2)"));
        assertThat(Ops.parse("macd(close)").toText()).isEqualTo("macd(close,12,26,9)");
        assertThat(Ops.parse("band_touches(close,20,2,0.001)").toText()).isEqualTo("band_touches(close,20,2)");
        assertThat(Ops.parse("sma(close,14)")).isNotEqualTo(Ops.parse("sma(close,15)"));
    }

    @Test
    void parseAllReadsStatementsSeparatedBySemicolonsOrNewLines() {
        List<Op> ops = Ops.parseAll("sma(close,14,50); arp(14)\n\n range_shock(14) ;");
        assertThat(ops).extracting(Op::toText).containsExactly("sma(close,14,50)", "arp(14)", "range_shock(14)");
    }

    @Test
    void opsDoWhatTheFacadeDoes() {
        assertSame(Ops.parse("sma(close,14,50)").apply(CANDLES), Indicators.sma(CANDLES, "close", 14, 50));
        assertSame(Ops.parse("range_shock_hist(14)").apply(CANDLES),
                Indicators.rangeShock(CANDLES, Alignment.HISTORICAL, 14));
        assertSame(Ops.parse("band_touches(close,20,2,0.002)").apply(CANDLES),
                Indicators.bandTouches(CANDLES, Bands.bollinger("close", 20, 2), 0.002));
        assertSame(Ops.parse("macd(close)").apply(CANDLES), Indicators.macd(CANDLES, "close", 12, 26, 9));
        Derived chain = Indicators.sma(CANDLES, "close", 20).then(Ops.parse("rsi(close,14)"));
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
        assertThatThrownBy(() -> Ops.parse("smaa(close,14)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown op 'smaa' in 'smaa(close,14)'; valid ops: abs, all, any, arp, arp_d, ")
                .hasMessageContaining(", sma, ").hasMessageContaining(", lag, ").hasMessageEndingWith("wma");
    }

    @Test
    void aWrongNumberOfArgumentsShowsTheSignature() {
        assertThatThrownBy(() -> Ops.parse("sma(close)"))
                .hasMessage("op 'sma' takes at least 2 arguments, got 1 [close]; expected sma(column, window...)");
        assertThatThrownBy(() -> Ops.parse("vwap(close)"))
                .hasMessage("op 'vwap' takes 0 arguments, got 1 [close]; expected vwap()");
        assertThatThrownBy(() -> Ops.parse("macd(close,12,26)"))
                .hasMessageContaining("op 'macd' takes 1 or 4 arguments")
                .hasMessageContaining("expected macd(column[, fast=12, slow=26, signal=9])");
    }

    @Test
    void aBadArgumentNamesItAndShowsTheSignature() {
        assertThatThrownBy(() -> Ops.parse("sma(close,1.5)"))
                .hasMessage("op 'sma' window (argument 2) must be a whole number >= 1, got 1.5; "
                        + "expected sma(column, window...)");
        assertThatThrownBy(() -> Ops.parse("sma(14,close)"))
                .hasMessageContaining("argument 1 must be a column name");
        assertThatThrownBy(() -> Ops.parse("arp(0)")).hasMessageContaining("window (argument 1) must be a whole "
                + "number >= 1, got 0");
        assertThatThrownBy(() -> Ops.parse("sma(close,14,14)")).hasMessageContaining("lists window 14 twice");
        assertThatThrownBy(() -> Ops.parse("macd(close,26,12,9)")).hasMessageContaining("needs slow > fast");
        assertThatThrownBy(() -> Ops.parse("bollinger(close,20,-1)")).hasMessageContaining("k (argument 3) must be "
                + "a number >= 0");
    }

    @Test
    void syntaxErrorsPointAtTheColumn() {
        assertThatThrownBy(() -> Ops.parse("sma(close,14"))
                .hasMessageStartingWith("cannot parse op 'sma(close,14': expected ',' or ')' at the end");
        assertThatThrownBy(() -> Ops.parse("sma close")).hasMessageContaining("expected '(' at column 5");
        assertThatThrownBy(() -> Ops.parse("sma(close,14) arp(14)")).hasMessageContaining("separated by ';'");
        assertThatThrownBy(() -> Ops.parse("sma(close,1.2.3)")).hasMessageContaining("'1.2.3' is not a number");
        assertThatThrownBy(() -> Ops.parse("")).hasMessageContaining("op text is empty");
    }

    @Test
    void customRegistriesExtendTheStandardOneAndRefuseDuplicates() {
        OpDefinition twice = new OpDefinition("sma_twice", "sma_twice(column, window)", "two SMAs in a row", a -> {
            a.arity(2, 2);
            String c = a.column(0);
            int w = a.integer(1, "window", 1);
            return Op.of("sma_twice", List.of(c, w), t -> Indicators.sma(t, c, w)
                    .then(u -> Indicators.sma(u, Columns.name(c, "sma", w), w)));
        });
        OpRegistry mine = OpRegistry.builder().addAll(OpRegistry.standard().definitions()).add(twice).build();
        assertThat(mine.parse("sma_twice(close,3)").apply(CANDLES).columns())
                .containsExactly("close_sma_3", "close_sma_3_sma_3");
        assertThat(mine.op("sma", List.of("close", 5))).isEqualTo(Ops.parse("sma(close,5)"));
        assertThatThrownBy(() -> OpRegistry.builder().add(twice).add(twice))
                .hasMessageContaining("op 'sma_twice' is registered twice");
        assertThat(OpRegistry.standard().names()).contains("sma", "arp_d", "range_shock_hist", "vwap_by");
    }
}
