package io.qlir.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qlir.core.Candles;
import io.qlir.core.Causality;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.indicators.Indicators;
import io.qlir.testkit.BinanceRecordings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The research-code example at the top of README.md, line for line, so the README cannot drift from the API. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAsPrinted() throws Exception {
        Path csv = BinanceRecordings.csv(BinanceRecordings.SPOT_30M, dir.resolve("candles.csv"));

        // --- README example, verbatim ---
        Table candles = Candles.fromCsv(csv);                           // or Binance.load(...).candles()
        Derived d = Indicators.sma(candles, "close", 20, 50)            // two windows, one pass
                .then(t -> Indicators.rangeShock(t, 14));               // execution-safe by default
        String explained = d.explain();
        Causality.check(OpLanguage.parse("range_shock(14)"), candles).assertOk();  // re-run the op to test its specs
        Table t = d.table();                                            // candles untouched; columns shared
        // --- end of the README example ---

        assertThat(explained.lines()).containsExactly(
                "SMA(base_col=close, window=20, rows_used=[i-19 .. i], write_col=close_sma_20, write_row=i)",
                "SMA(base_col=close, window=50, rows_used=[i-49 .. i], write_col=close_sma_50, write_row=i)",
                "RANGE_SHOCK(window=14, alignment=EXECUTION_SAFE, baseline=[i-14 .. i-1], rows_used=[i-14 .. i], "
                        + "write_col=range_shock_14, write_row=i)");
        assertThat(candles.columnCount()).isEqualTo(11);
        assertThat(t.column("close")).isSameAs(candles.column("close"));

        double sum = 0;                                                  // the first SMA-20 value, by hand
        for (int i = 0; i < 20; i++) {
            sum += candles.doubleColumn("close").getDouble(i);
        }
        assertThat(t.doubleColumn("close_sma_20").getDouble(19)).isCloseTo(sum / 20, within(1e-9));
        assertThat(t.doubleColumn("close_sma_20").isMissing(18)).isTrue();
    }
}
