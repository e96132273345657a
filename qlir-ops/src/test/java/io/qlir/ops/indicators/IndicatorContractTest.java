package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.testkit.BinanceRecordings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** What every indicator promises: input untouched, warm-up honoured, short tables fine, one clear error. */
class IndicatorContractTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);

    @Test
    void everyRegisteredIndicatorIsCovered() {
        Set<String> covered = new HashSet<>();
        AllIndicators.ops().forEach(op -> covered.add(op.name()));
        covered.add("vwap_by");   // needs a key column; see VwapTest
        Set<String> indicatorOps = new HashSet<>();
        new IndicatorOpProvider().definitions().forEach(d -> indicatorOps.add(d.name()));
        assertThat(covered).containsAll(indicatorOps);
    }

    @Test
    void theInputIsNotModifiedAndItsColumnsAreSharedNotCopied() {
        for (Op op : AllIndicators.ops()) {
            double[] before = Columns.doubles(CANDLES, "close").clone();
            Derived d = op.apply(CANDLES);
            assertThat(CANDLES.columnCount()).as(op.toText()).isEqualTo(11);
            assertThat(Columns.doubles(CANDLES, "close")).containsExactly(before);
            assertThat(d.table().column("close")).isSameAs(CANDLES.column("close"));
        }
    }

    @Test
    void everyOutputHasASpecAndNothingIsDefinedBeforeItsWarmup() {
        for (Op op : AllIndicators.ops()) {
            Derived d = op.apply(CANDLES);
            for (String name : d.columns()) {
                RowDerivationSpec spec = d.spec(name);
                Column<?> c = d.table().column(name);
                for (int i = 0; i < spec.warmup(); i++) {
                    assertThat(c.isMissing(i)).as("%s row %d before warm-up %d", name, i, spec.warmup()).isTrue();
                }
                if (!name.matches("arp_(pos|neg)_\\d+")) {   // those are NaN while a window has no bar of their side
                    assertThat(c.isMissing(spec.warmup())).as("%s first defined row %d", name, spec.warmup())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void tablesShorterThanTheWarmupAndEmptyTablesGiveMissingValues() {
        for (int rows : new int[] {0, 1, 2, 4}) {
            Table t = CANDLES.first(rows);
            for (Op op : AllIndicators.ops()) {
                Derived d = op.apply(t);
                assertThat(d.table().rowCount()).isEqualTo(rows);
                for (String name : d.columns()) {
                    for (int i = 0; i < Math.min(rows, d.spec(name).warmup()); i++) {
                        assertThat(d.table().column(name).isMissing(i)).as("%s %s", op, name).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void badArgumentsAreOneClearError() {
        assertThatThrownBy(() -> Indicators.sma(CANDLES, "clsoe", 14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'clsoe' not found").hasMessageContaining("close");
        assertThatThrownBy(() -> Indicators.sma(CANDLES, "close"))
                .hasMessage("sma: window must be given at least once (a whole number >= 1), got none");
        assertThatThrownBy(() -> Indicators.ema(CANDLES, "close", 0))
                .hasMessage("ema: period must be a whole number >= 1, got 0 in [0]");
        assertThatThrownBy(() -> Indicators.atr(CANDLES, 14, 7, 14))
                .hasMessage("atr: period 14 must be listed once (each period makes one column), got it twice in "
                        + "[14, 7, 14]");
        assertThatThrownBy(() -> Indicators.bollinger(CANDLES, "close", 20, Double.NaN))
                .hasMessageContaining("k must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> Indicators.macd(CANDLES, "close", 26, 12, 9))
                .hasMessageContaining("slow must be greater than fast, got fast=26, slow=12");
        assertThatThrownBy(() -> Indicators.rangeShock(CANDLES, null, 14))
                .hasMessageContaining("valid: EXECUTION_SAFE, HISTORICAL");
        Table noOpen = CANDLES.rejectColumns("open");
        assertThatThrownBy(() -> Indicators.arp(noOpen, 14)).hasMessageContaining("column 'open' not found");
        Table text = Table.create("t", tech.tablesaw.api.StringColumn.create("close", List.of("a")));
        assertThatThrownBy(() -> Indicators.rsi(text, "close", 14)).hasMessageContaining("not numeric");
        assertThatThrownBy(() -> Indicators.sma(CANDLES, "close", 14).then(t -> Indicators.sma(t, "close", 14)))
                .hasMessageContaining("column 'close_sma_14' already exists");
    }
}
