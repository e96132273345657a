package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.testkit.BinanceRecordings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Issue 13 defect 8: a window longer than the table is valid (its column is all NaN, computed without buffers the
 * size of the window), one longer than any column could be is one clear error naming the op and the argument.
 */
class HugeWindowTest {

    private static final Table CANDLES = BinanceRecordings.candles(BinanceRecordings.SPOT_15M_A);

    /** Each op with {@code %d} where its window or period goes. */
    private static final String[] OPS = {"sma(close,%d)", "wma(close,%d)", "ema(close,%d)", "arp(%d)", "arp_d(%d)",
        "arp_pos(%d)", "arp_neg_frac(%d)", "range_shock(%d)", "range_shock_hist(%d)", "atr(%d)", "atrp(%d)",
        "bollinger(close,%d,2)", "rsi(close,%d)", "rolling_mean(close,%d)", "rolling_std(close,%d)"};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void theLongestValidWindowGivesAllNaN(int which) {
        String text = String.format(OPS[which], ArgumentChecks.MAX_WHOLE);
        Derived d = OpLanguage.parse(text).apply(CANDLES);
        for (String c : d.columns()) {
            NumericColumn<?> col = (NumericColumn<?>) d.table().column(c);
            for (int i = 0; i < col.size(); i++) {
                assertThat(col.getDouble(i)).as("%s row %d of %s", c, i, text).isNaN();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void aWindowLongerThanAnyColumnIsOneClearError(int which) {
        String text = String.format(OPS[which], Integer.MAX_VALUE);
        String name = text.substring(0, text.indexOf('('));
        assertThatThrownBy(() -> OpLanguage.parse(text).apply(CANDLES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining(" to " + ArgumentChecks.MAX_WHOLE + " (the longest column a table can hold)")
                .hasMessageContaining("got " + Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"band_touches(close,%d,2)", "macd(close,12,26,%d)", "macd(close,12,2147483639,%d)",
        "wma(close,5,%d)"})
    void othersTakeTheLongestWindowToo(String template) {
        Derived d = OpLanguage.parse(String.format(template, ArgumentChecks.MAX_WHOLE)).apply(CANDLES);
        assertThat(d.table().rowCount()).isEqualTo(CANDLES.rowCount());
    }
}
