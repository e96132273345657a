package io.qlir.core.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PrimitiveOpProviderTest {

    /** One example call per core op, in op-language text, with the columns it must create. */
    static final Map<String, List<String>> EXAMPLES = examples();

    private static Map<String, List<String>> examples() {
        Map<String, List<String>> m = new TreeMap<>();
        m.put("lag(close,1,3)", List.of("close_lag_1", "close_lag_3"));
        m.put("diff(close,1,2)", List.of("close_diff_1", "close_diff_2"));
        m.put("pct_change(close,1)", List.of("close_pct_change_1"));
        m.put("log_return(close,1,5)", List.of("close_log_return_1", "close_log_return_5"));
        m.put("rolling_mean(close,1,3,7)", List.of("close_rolling_mean_1", "close_rolling_mean_3",
                "close_rolling_mean_7"));
        m.put("rolling_sum(volume,4)", List.of("volume_rolling_sum_4"));
        m.put("rolling_min(low,3)", List.of("low_rolling_min_3"));
        m.put("rolling_max(high,5)", List.of("high_rolling_max_5"));
        m.put("rolling_std(close,2,6)", List.of("close_rolling_std_2", "close_rolling_std_6"));
        m.put("rolling_pop_std(close,1,4)", List.of("close_rolling_pop_std_1", "close_rolling_pop_std_4"));
        m.put("sign(close,open)", List.of("close_sign", "open_sign"));
        m.put("abs(open)", List.of("open_abs"));
        m.put("gt(close,open)", List.of("close_gt_open"));
        m.put("ge(close,open,0.5)", List.of("close_ge_open_tol_0p5"));
        m.put("lt(high,low)", List.of("high_lt_low"));
        m.put("le(close,open,0.25)", List.of("close_le_open_tol_0p25"));
        m.put("eq(close,open,0.1)", List.of("close_eq_open_tol_0p1"));
        m.put("ne(close,open)", List.of("close_ne_open"));
        m.put("cross_up(close,open)", List.of("close_cross_up_open"));
        m.put("cross_down(high,close)", List.of("high_cross_down_close"));
        m.put("higher_high()", List.of("higher_high"));
        m.put("lower_low()", List.of("lower_low"));
        m.put("inside_bar()", List.of("inside_bar"));
        m.put("outside_bar()", List.of("outside_bar"));
        m.put("bullish()", List.of("bullish"));
        m.put("bearish()", List.of("bearish"));
        m.put("true_range()", List.of("true_range"));
        m.put("running_true(flag)", List.of("flag_running_true"));
        m.put("bars_since_true(flag)", List.of("flag_bars_since_true"));
        m.put("all(flag,1,3)", List.of("flag_all_1", "flag_all_3"));
        m.put("any(flag,2)", List.of("flag_any_2"));
        m.put("at_least(flag,2,3,5)", List.of("flag_at_least_2_of_3", "flag_at_least_2_of_5"));
        return m;
    }

    /** Parses the examples' simple text form: {@code name(p1,p2,...)}, numbers as Integer or Double. */
    static Op parse(String text) {
        String name = text.substring(0, text.indexOf('('));
        String inner = text.substring(text.indexOf('(') + 1, text.length() - 1);
        List<Object> params = new java.util.ArrayList<>();
        for (String p : inner.isEmpty() ? new String[0] : inner.split(",")) {
            params.add(p.matches("-?\\d+") ? (Object) Integer.valueOf(p)
                    : p.matches("-?\\d*\\.\\d+") ? (Object) Double.valueOf(p) : p);
        }
        return OpCatalogue.standard().op(name, params);
    }

    @Test
    void everyCoreOpHasAnExampleAndPrintsBackToItsText() {
        assertThat(EXAMPLES.keySet().stream().map(t -> t.substring(0, t.indexOf('('))))
                .containsExactlyInAnyOrderElementsOf(
                        new PrimitiveOpProvider().definitions().stream().map(d -> d.name()).toList());
        EXAMPLES.forEach((text, columns) -> {
            Op op = parse(text);
            assertThat(op.toText()).isEqualTo(text);
            assertThat(op).isEqualTo(parse(text));
            Derived d = op.apply(Tables.randomCandles(1, 30, 0));
            assertThat(d.columns()).as(text).containsExactlyElementsOf(columns);
        });
    }

    @Test
    void everyCoreOpHandlesAnEmptyTableAndATableShorterThanItsWindow() {
        for (String text : EXAMPLES.keySet()) {
            Op op = parse(text);
            for (int rows = 0; rows <= 2; rows++) {
                Derived d = op.apply(Tables.randomCandles(3, rows, 0));
                assertThat(d.columns()).as(text).containsExactlyElementsOf(EXAMPLES.get(text));
                for (String c : d.columns()) {
                    int warmup = d.spec(c).warmup();
                    for (int r = 0; r < Math.min(warmup, rows); r++) {
                        assertThat(d.table().column(c).isMissing(r)).as("%s row %d", c, r).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyCoreOpNamesAMissingColumnAndListsThePresentOnes() {
        Table noColumns = Table.create("empty");
        for (String text : EXAMPLES.keySet()) {
            assertThatThrownBy(() -> parse(text).apply(noColumns)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("(?s)" + text.substring(0, text.indexOf('('))
                            + "\\(.*\\) reads column '[a-z_]+', which the table lacks; it has \\[\\].*");
        }
        Table onlyClose = Table.create("t", io.qlir.core.Columns.doubleColumn("close", new double[] {1, 2}));
        assertThatThrownBy(() -> parse("true_range()").apply(onlyClose))
                .hasMessageContaining("true_range() reads column 'high', which the table lacks; it has [close]");
    }

    @Test
    void opValuesComputeWhatTheFacadesCompute() {
        Table t = Tables.randomCandles(2, 50, 0.05);
        Derived viaOp = OpCatalogue.standard().op("rolling_std", List.of("close", 5)).apply(t);
        Derived viaFacade = Temporal.rollingStd(t, "close", 5);

        assertThat(viaOp.table().doubleColumn("close_rolling_std_5").asDoubleArray())
                .containsExactly(viaFacade.table().doubleColumn("close_rolling_std_5").asDoubleArray());
        assertThat(viaOp.specs()).isEqualTo(viaFacade.specs());
    }

    @Test
    void aZeroToleranceIsLeftOutOfTheText() {
        assertThat(OpCatalogue.standard().op("gt", List.of("close", "open", 0)).toText()).isEqualTo("gt(close,open)");
        assertThat(OpCatalogue.standard().op("gt", List.of("close", "open", 0)))
                .isEqualTo(OpCatalogue.standard().op("gt", List.of("close", "open")));
    }

    @Test
    void paramsMayBeAnyNumberTypeOrNumericText() {
        assertThat(OpCatalogue.standard().op("lag", List.of("close", 1L, 2.0, "3")).toText())
                .isEqualTo("lag(close,1,2,3)");
    }

    @Test
    void badCallsFailWhenTheOpIsMadeNamingOpAndUsage() {
        assertThatThrownBy(() -> OpCatalogue.standard().op("sma", List.of("close", 3)))
                .hasMessageContaining("unknown op 'sma' in 'sma(close,3)'").hasMessageContaining("rolling_mean");
        assertThatThrownBy(() -> OpCatalogue.standard().op("lag", List.of("close")))
                .hasMessage("lag: takes at least 2 arguments, got 1 [close]; usage: lag(column, n...)");
        assertThatThrownBy(() -> OpCatalogue.standard().op("lag", List.of("close", 1.5)))
                .hasMessage("lag: n (argument 2) must be a whole number >= 1, got 1.5; usage: lag(column, n...)");
        assertThatThrownBy(() -> OpCatalogue.standard().op("lag", List.of(3, 1)))
                .hasMessageContaining("lag: column (argument 1) must be a column name (letters, digits, _), got 3");
        assertThatThrownBy(() -> OpCatalogue.standard().op("rolling_std", List.of("close", 1)))
                .hasMessageContaining("rolling_std: window (argument 2) must be a whole number >= 2, got 1");
        assertThatThrownBy(() -> OpCatalogue.standard().op("bullish", List.of("close")))
                .hasMessage("bullish: takes 0 arguments, got 1 [close]; usage: bullish()");
        assertThatThrownBy(() -> OpCatalogue.standard().op("gt", List.of("close", "open", "x")))
                .hasMessageContaining("gt: tolerance (argument 3) must be a finite number >= 0, got 'x'");
        assertThatThrownBy(() -> OpCatalogue.standard().op("at_least", List.of("b", 3, 2)))
                .hasMessage("at_least: k (at least m) must be a whole number >= 3, got 2 in [2]");
        assertThat(OpCatalogue.standard().definition("at_least").orElseThrow().signature())
                .isEqualTo("at_least(column, m, k...)");
    }
}
