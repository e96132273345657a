package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.CausalityReport.Violation;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import io.qlir.semantics.Scope;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The worked example of docs/row-semantics.md, kept compiling and true. */
class RowSemanticsDocExampleTest {

    /** How far this bar's close is above (or below) the highest high of the {@code n} bars before it. */
    static Derived closeVsPriorHigh(Table t, int n) {
        return closeVsPriorHigh(t, n, 0);
    }

    /** {@code shift = 1} is the bug of the doc: the prior max also reads the current bar. */
    static Derived closeVsPriorHigh(Table t, int n, int shift) {
        double[] high = Columns.doubles(t, "high");
        double[] close = Columns.doubles(t, "close");
        int rows = t.rowCount();
        String mid = Columns.name("high", "prior", "max", n);
        String name = Columns.name("close", "vs", "prior", "high", n);

        double[] priorMax = new double[rows];
        double[] out = new double[rows];
        Arrays.fill(priorMax, Double.NaN);                        // rows before the warm-up stay NaN
        Arrays.fill(out, Double.NaN);
        for (int i = n; i < rows; i++) {
            double m = high[i - n + shift];
            for (int k = i - n + shift + 1; k < i + shift; k++) {
                m = Math.max(m, high[k]);                         // a NaN high makes m NaN
            }
            priorMax[i] = m;
            out[i] = m > 0 ? close[i] / m - 1 : Double.NaN;       // NaN, never inf, for a zero or NaN max
        }

        return Derived.builder(t)
                .add(Columns.doubleColumn(mid, priorMax), RowDerivationSpec.builder("PRIOR_MAX")
                        .baseColumn("high").param("window", n)
                        .reads(RowWindow.of(-n, -1)).output(mid)
                        .scope(Scope.INTERMEDIATE).warmup(n).build())
                .add(Columns.doubleColumn(name, out), RowDerivationSpec.builder("CLOSE_VS_PRIOR_HIGH")
                        .baseColumn("close").inputs(mid).param("window", n)
                        .reads(RowWindow.of(0, 0)).output(name).warmup(n).build())
                .drop(mid, "CLOSE_VS_PRIOR_HIGH", "intermediate of " + name)
                .build();
    }

    @Test
    void theHonestOpExplainsItselfAndPassesCausality() throws Exception {
        Table candles = Candles.fromCsv(CandlesTest.fixture());
        Derived d = closeVsPriorHigh(candles, 3);

        assertThat(d.explain().lines()).containsExactly(
                "PRIOR_MAX(base_col=high, window=3, rows_used=[i-3 .. i-1], write_col=high_prior_max_3, write_row=i)",
                "CLOSE_VS_PRIOR_HIGH(base_col=close, window=3, rows_used=[i .. i], write_col=close_vs_prior_high_3, "
                        + "write_row=i)",
                "DROPPED high_prior_max_3 by CLOSE_VS_PRIOR_HIGH (intermediate of close_vs_prior_high_3)");
        Op op = Op.of("close_vs_prior_high", List.of(3), t -> closeVsPriorHigh(t, 3));
        CausalityReport report = Causality.check(op, candles, 7L);
        report.assertOk();
        assertThat(report.describe()).startsWith("causality check of close_vs_prior_high(3): ok (1 columns "
                + "[close_vs_prior_high_3]");
    }

    @Test
    void theOffByOneVersionIsCaught() throws Exception {
        Table candles = Candles.fromCsv(CandlesTest.fixture());
        Op buggy = Op.of("close_vs_prior_high", List.of(3), t -> closeVsPriorHigh(t, 3, 1));

        CausalityReport report = Causality.check(buggy, candles, 7L);

        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).allMatch(f -> f.violation() == Violation.WINDOW);
        assertThat(report.failures().get(0).render()).contains("close_vs_prior_high_3 row")
                .contains("when high changed at row").contains("which through its inputs reads high at [i-3 .. i-1]");
    }
}
