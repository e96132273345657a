package io.qlir.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.core.catalogue.OpDefinition;
import io.qlir.core.catalogue.OpParam;
import io.qlir.testkit.BinanceRecordings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class QlirSparkTest {

    private static final Table BTC_15M = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);
    private static final Table ETH_15M = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_B);
    private static final Table BTC_30M = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
    private static final List<String[]> KEYS = List.of(new String[] {"BTCUSDT", "15m"},
            new String[] {"ETHUSDT", "15m"}, new String[] {"BTCUSDT", "30m"});
    /** Ops that read a boolean or key column get one made by an op first; {prerequisite, op}. */
    private static final Map<String, String> BOOLEAN_INPUT = Map.of(
            "running_true", "running_true(bullish)", "bars_since_true", "bars_since_true(bullish)",
            "all", "all(bullish,3)", "any", "any(bullish,3)", "at_least", "at_least(bullish,2,5)",
            "vwap_by", "vwap_by(bullish)");

    private static Dataset<Row> candles;

    @BeforeAll
    static void start() {
        List<Row> rows = new ArrayList<>(LocalSpark.rows(BTC_15M, "BTCUSDT", "15m"));
        rows.addAll(LocalSpark.rows(ETH_15M, "ETHUSDT", "15m"));
        rows.addAll(LocalSpark.rows(BTC_30M, "BTCUSDT", "30m"));
        candles = LocalSpark.dataset(rows).cache();
    }

    @Test
    void everyRegisteredOpGivesQlirsValuesOnEverySeriesChunkedOrWhole() {
        Set<String> bounded = new LinkedHashSet<>();
        Set<String> unbounded = new LinkedHashSet<>();
        List<OpDefinition> defs = OpCatalogue.standard().definitions();
        for (int k = 0; k < defs.size(); k++) {
            OpDefinition def = defs.get(k);
            String text = sensibleCall(def, k);
            List<OpSplit> splits = QlirSpark.plan(prerequisite(def) + text, 1).splits();
            (splits.get(splits.size() - 1).bounded() ? bounded : unbounded).add(text);
        }
        assertThat(bounded).anyMatch(o -> o.startsWith("sma(")).anyMatch(o -> o.startsWith("rolling_mean("));
        assertThat(unbounded).anyMatch(o -> o.startsWith("ema(")).anyMatch(o -> o.startsWith("rsi("))
                .anyMatch(o -> o.startsWith("atr(")).contains("macd(close,12,26,9)");
        List<List<String>> runs = new ArrayList<>(batches(bounded));
        runs.addAll(batches(unbounded));
        assertThat(runs).as("column names collide only rarely").hasSizeLessThanOrEqualTo(4);
        for (List<String> batch : batches(bounded)) {
            assertDerivesAsQlir(withPrerequisites(batch), 64, true);
        }
        for (List<String> batch : batches(unbounded)) {
            assertDerivesAsQlir(withPrerequisites(batch), 64, false);
        }
    }

    @Test
    void twoSeriesNeverMixEvenWithTheSameTimesAndKeys() {
        // The same candles under two symbols, one with every price doubled: each keeps its own values.
        Table doubled = BTC_15M.copy();
        for (String c : List.of("open", "high", "low", "close")) {
            doubled.replaceColumn(c, doubled.doubleColumn(c).multiply(2).setName(c));
        }
        List<Row> rows = new ArrayList<>(LocalSpark.rows(BTC_15M, "AAA", "15m"));
        rows.addAll(LocalSpark.rows(doubled, "BBB", "15m"));
        String ops = "sma(close,20); ema(close,10)";
        var got = SparkResults.bySeries(QlirSpark.derive(LocalSpark.dataset(rows), QlirSpark.plan(ops, 50)),
                List.of(new String[] {"AAA", "15m"}, new String[] {"BBB", "15m"}));
        SparkResults.assertEqualsQlir(ops, BTC_15M, got.get("AAA/15m"), "AAA");
        SparkResults.assertEqualsQlir(ops, doubled, got.get("BBB/15m"), "BBB");
    }

    @Test
    void candlesWithoutASeriesKeyOrWithATakenColumnAreRefusedByName() {
        assertThatThrownBy(() -> QlirSpark.derive(candles.drop("interval"), "sma(close,5)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lack [interval]");
        assertThatThrownBy(() -> QlirSpark.derive(QlirSpark.derive(candles, "sma(close,5)"), "sma(close,5)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already have [close_sma_5]");
        assertThatThrownBy(() -> QlirSpark.plan("smaa(close,5)", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown op 'smaa'");
    }

    private static void assertDerivesAsQlir(String ops, int chunkRows, boolean chunked) {
        DerivePlan plan = QlirSpark.plan(ops, chunkRows);
        assertThat(plan.chunked()).as(plan.explain()).isEqualTo(chunked);
        var got = SparkResults.bySeries(QlirSpark.derive(candles, plan), KEYS);
        SparkResults.assertEqualsQlir(ops, BTC_15M, got.get("BTCUSDT/15m"), "BTCUSDT 15m");
        SparkResults.assertEqualsQlir(ops, ETH_15M, got.get("ETHUSDT/15m"), "ETHUSDT 15m");
        SparkResults.assertEqualsQlir(ops, BTC_30M, got.get("BTCUSDT/30m"), "BTCUSDT 30m");
    }

    /** Groups ops into as few runs as their column names allow (arp and arp_neg both write arp_neg_5). */
    private static List<List<String>> batches(Set<String> ops) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String op : ops) {
            List<String> next = new ArrayList<>(current);
            next.add(op);
            try {
                QlirSpark.plan(withPrerequisites(next), 1);
                current = next;
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("already exists");
                out.add(current);
                current = new ArrayList<>(List.of(op));
            }
        }
        out.add(current);
        return out;
    }

    private static String withPrerequisites(List<String> ops) {
        boolean needsBullish = ops.stream().anyMatch(o -> o.contains("(bullish"));
        List<String> rest = new ArrayList<>(ops);
        rest.remove("bullish()");
        return (needsBullish || ops.contains("bullish()") ? "bullish(); " : "") + String.join("; ", rest);
    }

    private static String prerequisite(OpDefinition def) {
        return BOOLEAN_INPUT.containsKey(def.name()) ? "bullish(); " : "";
    }

    /**
     * Arguments a researcher would give: candle columns, two windows near 5 and 14 (shifted by the op's index {@code k}
     * so that ops writing the same column family, arp and arp_neg, do not collide), each number at its default.
     */
    static String sensibleCall(OpDefinition def, int k) {
        if (BOOLEAN_INPUT.containsKey(def.name())) {
            return BOOLEAN_INPUT.get(def.name());
        }
        List<String> columns = new ArrayList<>(List.of("close", "open", "high", "low"));
        List<String> args = new ArrayList<>();
        for (OpParam p : def.params()) {
            switch (p.kind()) {
                case COLUMN -> args.add(columns.remove(0));
                case WHOLE -> args.add(p.repeated() ? (3 + k) + "," + (14 + k) : p.defaultValue() != null
                        ? p.defaultValue().toString() : String.valueOf(Math.max(14 + k, (int) p.min())));
                case NUMBER -> args.add(p.defaultValue() != null ? p.defaultValue().toString()
                        : String.valueOf(Math.max(2.0, p.min())));
                case ANY -> throw new AssertionError("op " + def.signature() + " needs arguments of its own; "
                        + "add them to sensibleCall");
            }
        }
        return def.name() + "(" + String.join(",", args) + ")";
    }
}
