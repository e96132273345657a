package io.qlir.talib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tictactec.ta.lib.MAType;
import io.qlir.core.Causality;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code talib(NAME, args...)} in the op language: the examples of issue 19 with their column names, rows and values
 * (against TA-Lib called directly), defaults, MA types by name and number, parse-back, and the errors.
 */
class TaLibOpLanguageTest {

    private static final Table CANDLES = TaLibFixtures.load("spot-30m-2019-04-11");
    private static final TaLibOracle.Arrays5 P = TaLibFixtures.arrays(CANDLES);
    private static final int N = CANDLES.rowCount();

    @Test
    void cciTwentyIsOneColumnReadingTheTwentyRowsUpToI() {
        Derived d = OpLanguage.parse("talib(CCI,20)").apply(CANDLES);

        assertThat(d.columns()).containsExactly("talib_cci_20");
        // CCI over 20 bars: TA-Lib's lookback is 19, so rows_used=[i-19 .. i] and NaN before row 19
        assertThat(d.spec("talib_cci_20").render()).isEqualTo(
                "TALIB_CCI(time_period=20, rows_used=[i-19 .. i], write_col=talib_cci_20, write_row=i)");
        assertThat(d.spec("talib_cci_20").inputs()).containsExactly("high", "low", "close");
        assertThat(d.spec("talib_cci_20").warmup()).isEqualTo(19);
        double[] expected = TaLibOracle.direct(N, 1, (c, e, b, k, o) -> c.cci(0, e, P.high(), P.low(), P.close(), 20,
                b, k, o[0]))[0];
        assertThat(Columns.doubles(d.table(), "talib_cci_20")).containsExactly(expected);
    }

    @Test
    void stochfNamesEachOutputAfterTaLibs() {
        Derived d = OpLanguage.parse("talib(STOCHF,14,3)").apply(CANDLES);

        assertThat(d.columns()).containsExactly("talib_stochf_14_3_fastk", "talib_stochf_14_3_fastd");
        // fast-K over 14 bars (lookback 13) smoothed by a 3-bar SMA (2 more): [i-15 .. i]
        assertThat(d.spec("talib_stochf_14_3_fastd").reads().describe()).isEqualTo("[i-15 .. i]");
        double[][] expected = TaLibOracle.direct(N, 2, (c, e, b, k, o) -> c.stochF(0, e, P.high(), P.low(),
                P.close(), 14, 3, MAType.Sma, b, k, o[0], o[1]));
        assertThat(Columns.doubles(d.table(), "talib_stochf_14_3_fastk")).containsExactly(expected[0]);
        assertThat(Columns.doubles(d.table(), "talib_stochf_14_3_fastd")).containsExactly(expected[1]);
    }

    @Test
    void aSingleRealInputReadsCloseUnlessAColumnIsNamed() {
        Derived named = OpLanguage.parse("talib(MOM,close,10)").apply(CANDLES);
        Derived implied = OpLanguage.parse("talib(MOM,10)").apply(CANDLES);
        Derived onOpen = OpLanguage.parse("talib(MOM,open,10)").apply(CANDLES);

        assertThat(named.columns()).containsExactly("talib_mom_close_10");
        assertThat(implied.columns()).containsExactly("talib_mom_10");
        assertThat(named.spec("talib_mom_close_10").render()).isEqualTo(
                "TALIB_MOM(base_col=close, time_period=10, rows_used=[i-10 .. i], write_col=talib_mom_close_10, "
                        + "write_row=i)");
        double[] close = Columns.doubles(CANDLES, "close");
        double[] open = Columns.doubles(CANDLES, "open");
        double[] mom = Columns.doubles(named.table(), "talib_mom_close_10");
        assertThat(mom[9]).isNaN();
        assertThat(mom[10]).isEqualTo(close[10] - close[0]);                       // by hand: close[i] - close[i-10]
        assertThat(Columns.doubles(implied.table(), "talib_mom_10")).containsExactly(mom);
        assertThat(Columns.doubles(onOpen.table(), "talib_mom_open_10")[20]).isEqualTo(open[20] - open[10]);
    }

    @Test
    void leftOutOptionsTakeTaLibsDefaults() {
        Derived d = OpLanguage.parse("talib(cci)").apply(CANDLES);

        assertThat(d.columns()).containsExactly("talib_cci");
        assertThat(d.spec("talib_cci").param("time_period")).isEqualTo(14);       // TA-Lib's default
        assertThat(Columns.doubles(d.table(), "talib_cci"))
                .containsExactly(Columns.doubles(OpLanguage.parse("talib(CCI,14)").apply(CANDLES).table(), "talib_cci_14"));
    }

    @Test
    void unstableFunctionsReadEveryEarlierRow() {
        Derived rsi = OpLanguage.parse("talib(RSI,14)").apply(CANDLES);
        Derived macd = OpLanguage.parse("talib(MACD)").apply(CANDLES);

        assertThat(rsi.spec("talib_rsi_14").render()).isEqualTo(
                "TALIB_RSI(base_col=close, time_period=14, rows_used=[.. i], write_col=talib_rsi_14, write_row=i)");
        assertThat(rsi.spec("talib_rsi_14").warmup()).isEqualTo(14);
        assertThat(macd.columns()).containsExactly("talib_macd_macd", "talib_macd_macdsignal", "talib_macd_macdhist");
        assertThat(macd.spec("talib_macd_macd").reads().isUnboundedPast()).isTrue();
    }

    @Test
    void maTypesAreReadByNameOrNumberAndDecideTheRows() {
        Op byName = OpLanguage.parse("talib(BBANDS,20,2,2,ema)");
        Op byNumber = OpLanguage.parse("talib(BBANDS,20,2,2,1)");
        Op sma = OpLanguage.parse("talib(BBANDS,20,2.5,2,SMA)");

        assertThat(byNumber).isEqualTo(byName);
        assertThat(byNumber.toText()).isEqualTo("talib(BBANDS,20,2,2,ema)");
        Derived d = byName.apply(CANDLES);
        assertThat(d.columns()).containsExactly("talib_bbands_20_2_2_ema_upperband",
                "talib_bbands_20_2_2_ema_middleband", "talib_bbands_20_2_2_ema_lowerband");
        assertThat(d.spec("talib_bbands_20_2_2_ema_middleband").reads().isUnboundedPast()).isTrue();
        assertThat(d.spec("talib_bbands_20_2_2_ema_middleband").param("ma_type")).isEqualTo("ema");
        double[][] expected = TaLibOracle.direct(N, 3, (c, e, b, k, o) -> c.bbands(0, e, P.close(), 20, 2, 2,
                MAType.Ema, b, k, o[0], o[1], o[2]));
        assertThat(Columns.doubles(d.table(), "talib_bbands_20_2_2_ema_lowerband")).containsExactly(expected[2]);
        Derived s = sma.apply(CANDLES);
        assertThat(s.columns()).first().isEqualTo("talib_bbands_20_2p5_2_sma_upperband");
        assertThat(s.spec("talib_bbands_20_2p5_2_sma_upperband").reads().describe()).isEqualTo("[i-19 .. i]");
        Causality.check(byName, CANDLES, 7L).assertOk();
        Causality.check(sma, CANDLES, 7L).assertOk();
    }

    @Test
    void candlestickPatternsAreNumericColumns() {
        Derived d = OpLanguage.parse("talib(CDLENGULFING)").apply(CANDLES);
        double[] v = Columns.doubles(d.table(), "talib_cdlengulfing");

        assertThat(v[0]).isNaN();
        assertThat(v[1]).isNaN();
        for (int i = 2; i < v.length; i++) {
            assertThat(v[i]).as("row " + i).isIn(-100.0, 0.0, 100.0);
        }
        assertThat(d.spec("talib_cdlengulfing").reads().describe()).isEqualTo("[i-2 .. i]");
    }

    @Test
    void everyOpTextParsesBackToAnEqualOp() {
        for (String text : List.of("talib(CCI,20)", "talib(STOCHF,14,3)", "talib(MOM,close,10)", "talib(MOM,10)",
                "talib(BBANDS,20,2.5,2,ema)", "talib(BETA,high,low,5)", "talib(SAREXT,-0.5)", "talib(ADX)")) {
            Op op = OpLanguage.parse(text);
            assertThat(OpLanguage.parse(op.toText())).as(text).isEqualTo(op);
            assertThat(op.toText()).isEqualTo(text);
        }
        assertThat(OpLanguage.parse("talib(sarext,-0.5)").apply(CANDLES).columns()).containsExactly("talib_sarext_m0p5");
    }

    @Test
    void theStandardCatalogueFindsTalibThroughItsServiceLoader() {
        assertThat(OpCatalogue.standard().definition("talib")).isPresent();
        assertThat(TaLib.op("CCI", 20)).isEqualTo(OpLanguage.parse("talib(CCI, 20)"));
    }

    @Test
    void pipelinesHoldTalibOpsAndParseTheirTextBack() {
        Pipeline p = Pipeline.parse("ta", "talib(CCI,20); sma(close,20); talib(STOCHF,14,3)");
        Derived d = p.apply(CANDLES);

        assertThat(d.columns()).containsExactly("talib_cci_20", "close_sma_20", "talib_stochf_14_3_fastk",
                "talib_stochf_14_3_fastd");
        assertThat(Pipeline.parse("ta", p.toText())).isEqualTo(p);
    }

    @Test
    void badCallsGetOneMessageNamingTheFunctionAndWhatIsValid() {
        assertThatThrownBy(() -> OpLanguage.parse("talib(NOPE,3)")).hasMessageContaining("unknown TA-Lib function 'NOPE'")
                .hasMessageContaining("CCI");
        assertThatThrownBy(() -> OpLanguage.parse("talib(14)")).hasMessageContaining("function (argument 1)");
        assertThatThrownBy(() -> OpLanguage.parse("talib(CCI,20,3)")).hasMessageContaining("talib(CCI)")
                .hasMessageContaining("at most 1 option").hasMessageContaining("talib(CCI[, time_period=14])");
        assertThatThrownBy(() -> OpLanguage.parse("talib(CCI,1)"))
                .hasMessageContaining("time_period must be a whole number from 2 to 100000, got 1");
        assertThatThrownBy(() -> OpLanguage.parse("talib(CCI,2.5)")).hasMessageContaining("time_period");
        assertThatThrownBy(() -> OpLanguage.parse("talib(MA,30,hull)"))
                .hasMessageContaining("ma_type must be an MA type, one of sma, ema, wma, dema, tema, trima, kama, "
                        + "mama, t3 or its index 0..8, got 'hull'");
        assertThatThrownBy(() -> OpLanguage.parse("talib(BETA,5)"))
                .hasMessageContaining("needs 2 column names first ([real0, real1])");
        assertThatThrownBy(() -> OpLanguage.parse("talib(MOM,nosuch,10)").apply(CANDLES))
                .hasMessageContaining("talib(MOM,nosuch,10) reads column 'nosuch', which the table lacks");
    }

    @Test
    void aFunctionQlirCannotExpressIsRefusedByName() {
        TaFunction real = TaLib.function("MOM");
        TaFunction refused = new TaFunction("OIMOM", "Momentum Indicators", 0, List.of("open interest"),
                List.of(new TaFunction.Slot(null, -1)), List.of(), real.outputs(), real.method(), real.lookbackMethod(),
                "it reads open interest, which qlir's candles do not have");

        assertThatThrownBy(() -> TaInvocation.of(refused, List.of()))
                .hasMessage("TA-Lib function OIMOM cannot be a qlir op: it reads open interest, which qlir's candles "
                        + "do not have");
    }
}
