package io.qlir.talib;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.meta.CoreMetaData;
import io.qlir.core.Candles;
import io.qlir.core.Causality;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Every function the port has, on every real recording: equal to TA-Lib called directly on the same arrays, NaN
 * before the warm-up, never ±inf, and its declared rows confirmed by {@code Causality.check}.
 */
class EveryTaLibFunctionTest {

    private static final long SEED = 19L;

    static List<String> functions() {
        return TaLib.functions().stream().map(TaFunction::name).collect(Collectors.toList());
    }

    @Test
    void theCatalogueIsEveryFunctionTaLibEnumerates() throws Exception {
        Set<String> enumerated = new TreeSet<>();
        CoreMetaData.forEachFunc(m -> enumerated.add(m.getFuncInfo().name()));
        long lookbacks = Arrays.stream(Core.class.getMethods()).map(Method::getName)
                .filter(n -> n.endsWith("Lookback")).distinct().count();

        assertThat(functions()).containsExactlyElementsOf(enumerated);
        assertThat(functions()).hasSize((int) lookbacks).hasSize(158);
    }

    @Test
    void noFunctionOfTheVersionQlirShipsIsRefused() {
        assertThat(TaLib.functions().stream().filter(f -> f.refusal().isPresent()).map(TaFunction::name))
                .as("functions qlir cannot express (docs/talib.md must list them)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void equalsTaLibOnRealCandlesAndPassesCausality(String name) throws Exception {
        TaFunction f = TaLib.function(name);
        List<Object> args = new ArrayList<>(List.of(name));
        String real0 = Candles.CLOSE;
        String real1 = null;
        if (f.columnArguments() == 2) {
            real0 = name.equals("MAVP") ? Candles.CLOSE : Candles.HIGH;
            real1 = name.equals("MAVP") ? TaLibFixtures.PERIODS : Candles.LOW;
            args.add(real0);
            args.add(real1);
        } else if (f.group().equals("Math Transform")) {
            real0 = TaLibFixtures.UNIT;
            args.add(real0);
        }
        Op op = TaLib.op(args);

        for (String fixture : TaLibFixtures.NAMES) {
            Table t = TaLibFixtures.load(fixture);
            Derived d = op.apply(t);
            double[][] expected = TaLibOracle.defaults(name, TaLibFixtures.arrays(t), Columns.doubles(t, real0),
                    real1 == null ? null : Columns.doubles(t, real1));
            assertThat(d.columns()).as(fixture).hasSize(expected.length);
            for (int k = 0; k < expected.length; k++) {
                String column = d.columns().get(k);
                double[] actual = Columns.doubles(d.table(), column);
                int warmup = d.spec(column).warmup();
                for (int i = 0; i < actual.length; i++) {
                    String at = column + " row " + i + " of " + fixture;
                    assertThat(Double.isInfinite(actual[i])).as(at + " is infinite").isFalse();
                    if (i < warmup) {
                        assertThat(actual[i]).as(at + " before the warm-up " + warmup).isNaN();
                    }
                    assertThat(Double.doubleToLongBits(actual[i])).as(at + ": " + actual[i] + " vs TA-Lib "
                            + expected[k][i]).isEqualTo(Double.doubleToLongBits(expected[k][i]));
                }
                if (fixture.startsWith("spot-30m")) {
                    assertThat(Arrays.stream(actual).filter(Double::isFinite).count())
                            .as(column + " has defined values on 500 real bars").isPositive();
                }
            }
        }
        Causality.check(op, TaLibFixtures.load("spot-30m-2019-04-11"), SEED).assertOk();
    }

    static List<Arguments> maTypeCalls() {
        List<Arguments> out = new ArrayList<>();
        for (TaFunction f : TaLib.functions()) {
            if (f.options().stream().anyMatch(o -> o.kind() == TaOption.Kind.MA_TYPE)) {
                for (String type : TaOption.MA_TYPES) {
                    out.add(Arguments.of(f.name(), type));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("maTypeCalls")
    void everyMaTypeOfEveryFunctionThatTakesOnePassesCausality(String name, String type) {
        TaFunction f = TaLib.function(name);
        List<Object> args = new ArrayList<>(List.of(name));
        if (f.columnArguments() == 2) {
            args.addAll(List.of(Candles.CLOSE, TaLibFixtures.PERIODS));
        }
        for (TaOption o : f.options()) {
            args.add(o.kind() == TaOption.Kind.MA_TYPE ? type : o.defaultCanonical());
        }
        Op op = TaLib.op(args);
        Table t = TaLibFixtures.load("spot-30m-2019-04-11");
        Derived d = op.apply(t);

        boolean recursive = TaOption.RECURSIVE_MA_TYPES.contains(type) || f.unstablePeriod();
        for (String column : d.columns()) {
            assertThat(d.spec(column).reads().isUnboundedPast()).as(column).isEqualTo(recursive);
            assertThat(Arrays.stream(Columns.doubles(d.table(), column)).noneMatch(Double::isInfinite)).isTrue();
        }
        Causality.check(op, t, SEED).assertOk();
    }
}
