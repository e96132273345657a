package io.qlir.ops.indicators;

import io.qlir.core.Causality;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.testkit.BinanceRecordings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every indicator op passes {@code Causality.check} on every real recording: no lookahead, only the declared inputs
 * and rows matter, nothing defined before the warm-up. The tables carry an extra key column ({@code symbol}) so that
 * {@code vwap_by} is checked too, and every other op is shown not to read it.
 */
class CausalityTest {

    static Table withSymbol(Table candles) {
        String[] keys = new String[candles.rowCount()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i % 3 == 0 ? "ETHUSDT" : "BTCUSDT";
        }
        Table t = candles.copy();
        t.addColumns(StringColumn.create("symbol", keys));
        return t;
    }

    static Stream<Arguments> opsOnFixtures() {
        List<Op> ops = new ArrayList<>(AllIndicators.ops());
        ops.add(OpLanguage.parse("vwap_by(symbol)"));
        ops.add(OpLanguage.parse("sma(close,20,50)"));
        ops.add(OpLanguage.parse("band_touches(close,20,2)"));
        ops.add(OpLanguage.parse("macd(close)"));
        ops.add(OpLanguage.parse("range_shock(14)"));
        List<Arguments> out = new ArrayList<>();
        for (String fixture : BinanceRecordings.NAMES) {
            for (Op op : ops) {
                out.add(Arguments.of(fixture, op.toText()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "arp keeping range_pct, touches of existing bands on {0}")
    @MethodSource("fixtureNames")
    void facadeVariantsOutsideTheOpLanguageAreCausalToo(String fixture) {
        Table t = withSymbol(BinanceRecordings.candles(fixture));
        Causality.check(Op.of("arp_keep", List.of(14), u -> Indicators.arp(u, true, 14)), t, 1L).assertOk();
        Bands bands = Bands.bollinger("close", 20, 2);
        Table withBands = Indicators.bollinger(t, "close", 20, 2).table();
        Causality.check(Op.of("touches", List.of(), u -> Indicators.bandTouches(u, bands, 0.01)), withBands, 2L)
                .assertOk();
    }

    static List<String> fixtureNames() {
        return BinanceRecordings.NAMES;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("opsOnFixtures")
    void everyIndicatorIsCausalOnRealData(String fixture, String opText) {
        Table t = withSymbol(BinanceRecordings.candles(fixture));
        long seed = (fixture + opText).hashCode();
        Causality.check(OpLanguage.parse(opText), t, seed).assertOk();
    }
}
